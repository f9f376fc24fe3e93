"""IdleWatcher: touch, mouse, key and wheel count as someone being there; nothing else does."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QPushButton

from car_t_guide.ui.idle import USER_INPUT, IdleWatcher


@pytest.fixture
def button(qtbot):
    widget = QPushButton("Next")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def watcher(qapp):
    made = []

    def make(seconds):
        w = IdleWatcher(seconds)
        made.append(w)
        return w

    yield make
    for w in made:
        w.stop()


def test_idle_after_the_timeout_with_fractions_of_a_second(qtbot, watcher):
    w = watcher(0.25)
    started = time.monotonic()
    with qtbot.waitSignal(w.idle, timeout=3000):
        w.start()
    assert time.monotonic() - started >= 0.24


def test_input_starts_the_count_again(qtbot, watcher, button):
    w = watcher(0.4)
    w.start()
    qtbot.wait(250)
    with qtbot.waitSignal(w.activity, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    touched = time.monotonic()
    with qtbot.waitSignal(w.idle, timeout=3000):
        pass
    assert time.monotonic() - touched >= 0.35


@pytest.mark.parametrize("kind", ["key", "move", "press"])
def test_keys_moves_and_presses_count(qtbot, watcher, button, kind):
    w = watcher(30)
    w.start()
    with qtbot.waitSignal(w.activity, timeout=1000):
        if kind == "key":
            qtbot.keyClick(button, Qt.Key.Key_Space)
        elif kind == "move":
            qtbot.mouseMove(button, QPoint(5, 5))
            qtbot.mouseMove(button, QPoint(8, 9))
        else:
            qtbot.mousePress(button, Qt.MouseButton.LeftButton)


def test_touch_and_wheel_are_input_too():
    # QTest cannot make a spontaneous wheel event; the rule is checked on the list itself.
    for kind in ("TouchBegin", "TouchUpdate", "TouchEnd", "Wheel", "KeyPress", "InputMethod"):
        assert getattr(QEvent.Type, kind) in USER_INPUT


def test_qt_own_events_do_not_count(qtbot, watcher, button):
    w = watcher(30)
    w.start()
    with qtbot.assertNotEmitted(w.activity, wait=100):
        event = QMouseEvent(QEvent.Type.MouseMove, QPointF(3, 3), QPointF(3, 3),
                            Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(button, event)  # sent by code, not by a person
        button.hide()
        button.show()


def test_stopped_watcher_says_nothing(qtbot, watcher, button):
    w = watcher(0.1)
    w.start()
    w.stop()
    with qtbot.assertNotEmitted(w.idle, wait=300):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not w.is_running()


def test_a_timeout_must_be_positive(qapp):
    with pytest.raises(ValueError):
        IdleWatcher(0)
