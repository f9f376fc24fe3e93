"""Kiosk mode turns core dumps off for its own process.

A native crash would otherwise write the process's memory to disk (a core file of 100 MB or
more), with whatever a family had entered in it: names, dates. In kiosk mode nothing personal
may touch the disk, so before any family data exists the process sets its core size limit to 0
and, on Linux, marks itself not dumpable (PR_SET_DUMPABLE 0: no core even where the system
pipes cores to a collector, and other processes of the same user cannot attach to read it).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

_PR_SET_DUMPABLE = 4


def turn_off_core_dumps() -> bool:
    """True when both steps held (the second exists only on Linux)."""
    held = True
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # Windows has no resource module
        held = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
            if libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
                held = False
        except (OSError, AttributeError):
            held = False
    return held
