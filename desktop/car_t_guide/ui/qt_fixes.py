"""Work-arounds for bugs in the Qt bindings, each checked for at run time, so they switch
themselves off once the bindings are fixed.

PySide6 6.12.0 on Python 3.11: ``Signal.emit()`` returns ``True`` without taking a reference
to it, so every emit drops one reference to the ``True`` object. After a few thousand emits the
count reaches zero and the interpreter aborts ("Fatal Python error: bool_dealloc"). A kiosk that
runs for days would crash. Python 3.12 made ``True`` immortal; on older Pythons we give it a
count so large that no run can use it up (it is never freed anyway: it is a singleton).

The same build drops a reference to ``None`` on every call of a method that returns nothing
(``label.setText(...)``, ``timer.start()``): a few thousand screen updates use up None's count
and the interpreter aborts ("Fatal Python error: none_dealloc"), at the latest when it exits.
``None`` gets the same treatment.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_applied = False
_none_applied = False


class _Probe(QObject):
    fired = Signal()


def emit_drops_true_references() -> bool:
    """Whether this PySide6 build has the bug (measured, not looked up by version)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    return sys.getrefcount(True) < before


def void_calls_drop_none_references() -> bool:
    """Whether a call that returns nothing drops a reference to None (measured)."""
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(64):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - 32


def keep_none_alive() -> bool:
    """Apply the None work-around when needed; True when it was applied (now or before)."""
    global _none_applied
    if _none_applied:
        return True
    if sys.version_info >= (3, 12) or not void_calls_drop_none_references():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    _none_applied = True
    return True


def keep_true_alive() -> bool:
    """Apply the work-around when needed; True when it was applied (now or before)."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12) or not emit_drops_true_references():
        return False
    # CPython 3.11 keeps an object's reference count in its first field (ob_refcnt).
    ctypes.c_ssize_t.from_address(id(True)).value += 1 << 40
    _applied = True
    return True
