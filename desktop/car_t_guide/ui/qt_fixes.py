"""Work-arounds for bugs in the Qt bindings, each checked for at run time, so they switch
themselves off once the bindings are fixed.

PySide6 6.12.0 on Python 3.11 drops references to two singletons:
- ``Signal.emit()`` returns ``True`` without taking a reference to it;
- a function returning an empty QVariant (``QObject.property`` of an unset name,
  ``QGraphicsItem.data``, ``QComboBox.currentData`` with no data) returns ``None`` without
  taking a reference to it.
Each call drops one reference; after some thousands the count reaches zero and the interpreter
aborts ("Fatal Python error: bool_dealloc" / "none_dealloc"). A kiosk that runs for days would
crash. Python 3.12 made the singletons immortal; on older Pythons we give each a count so large
that no run can use it up (they are never freed anyway).
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

_applied: set[str] = set()


class _Probe(QObject):
    fired = Signal()


def _drops_references(singleton: object, action: Callable[[], object]) -> bool:
    before = sys.getrefcount(singleton)
    for _ in range(8):
        action()
    return sys.getrefcount(singleton) < before


def emit_drops_true_references() -> bool:
    """Whether this PySide6 build has the emit bug (measured, not looked up by version)."""
    probe = _Probe()
    return _drops_references(True, probe.fired.emit)


def empty_variant_drops_none_references() -> bool:
    """Whether an empty QVariant comes back as an unreferenced None."""
    probe = QObject()
    return _drops_references(None, lambda: probe.property("car_t_guide_unset"))


def keep_singletons_alive() -> set[str]:
    """Apply the work-arounds that this build needs; the names of those applied (now or
    before)."""
    if sys.version_info >= (3, 12):
        return _applied
    for name, singleton, has_bug in (
        ("True", True, emit_drops_true_references),
        ("None", None, empty_variant_drops_none_references),
    ):
        if name not in _applied and has_bug():
            # CPython 3.11 keeps an object's reference count in its first field (ob_refcnt).
            ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
            _applied.add(name)
    return _applied
