"""Guards against a bug in the Qt bindings that would crash a long-running kiosk."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

import car_t_guide.ui  # noqa: F401 (applies the work-around on import)
from car_t_guide.ui import qt_fixes


class Emitter(QObject):
    fired = Signal(object)


def test_many_signal_emits_cannot_use_up_true():
    emitter = Emitter()
    for _ in range(20_000):  # far more than True's natural reference count on Python 3.11
        emitter.fired.emit(1)
    assert sys.getrefcount(True) > 1000


def test_work_around_is_on_exactly_when_the_bug_is_there():
    if sys.version_info < (3, 12) and qt_fixes.emit_drops_true_references():
        assert qt_fixes.keep_true_alive()
        assert sys.getrefcount(True) > 1 << 39
    else:
        assert not qt_fixes._applied


def test_many_screen_updates_cannot_use_up_none(qapp):
    label = QLabel()
    for _ in range(20_000):  # far more than None's natural reference count on Python 3.11
        label.setText("Day 28")
    assert sys.getrefcount(None) > 1000


def test_none_work_around_is_on_exactly_when_the_bug_is_there():
    if sys.version_info < (3, 12) and qt_fixes.void_calls_drop_none_references():
        assert qt_fixes.keep_none_alive()
        assert sys.getrefcount(None) > 1 << 39
    else:
        assert not qt_fixes._none_applied
