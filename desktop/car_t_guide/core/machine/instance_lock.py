"""One running staff instance per user: the autosave is one file, and two windows sharing it
would offer each other's live work as a crash leftover, or delete it.

The first staff window of a user holds an exclusive lock on a small empty file in the data
folder for its whole life; the operating system lets go of it when the process ends, however
it ends (a crash, a power cut), so a lock is never left stale. A second start finds the lock
held and hands its request to the first window instead (ui/single_instance.py).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from car_t_guide.core.machine.paths import data_dir

LOCK_FILE_NAME = "staff-window.lock"


class InstanceLock:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / LOCK_FILE_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """True when this process now holds the lock (or already did); False when another
        running instance holds it. A folder that cannot be written is no reason not to start:
        then True, unlocked (the app worked that way before)."""
        if self._fd is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError:
            return True
        if not _try_lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)  # closing lets go of the lock
            self._fd = None


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
