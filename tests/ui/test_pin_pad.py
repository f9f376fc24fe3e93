"""The staff PIN keypad: big keys, dots only, kind words, and the wait after wrong PINs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QWidget

from car_t_guide.core.machine.staff_pin import LockoutPolicy
from car_t_guide.ui.widgets.pin_pad import PinPad

RIGHT = "482916"


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def lockout(clock):
    return LockoutPolicy(clock=clock)


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    widget.resize(1024, 768)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def pad(qtbot, parent, lockout):
    dialog = PinPad(lambda pin: pin == RIGHT, lockout, parent)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.close()


def tap(qtbot, pad, digits):
    for digit in digits:
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)


def test_the_right_pin_on_the_keys_opens_it(qtbot, pad, lockout):
    tap(qtbot, pad, RIGHT)
    assert pad.dots.text() == "● ● ● ● ● ●"
    with qtbot.waitSignal(pad.accepted, timeout=1000):
        qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert pad.result() == QDialog.DialogCode.Accepted
    assert pad.entered == ""


def test_the_pin_itself_never_shows(qtbot, pad):
    tap(qtbot, pad, RIGHT)
    texts = [w.text() for w in pad.findChildren(QLabel)]
    texts += [w.accessibleName() for w in pad.findChildren(QLabel)]
    assert not any(RIGHT in text or "4829" in text for text in texts)
    assert pad.dots.accessibleName() == "6 digits entered"


def test_a_wrong_pin_is_met_kindly(qtbot, pad, lockout):
    tap(qtbot, pad, "111111")
    with qtbot.assertNotEmitted(pad.accepted):
        qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert pad.isVisible()
    assert pad.message.text() == "That PIN is not right. Please try again."
    assert pad.entered == "" and lockout.wrong_in_a_row == 1
    tap(qtbot, pad, "4")
    assert pad.message.text() == ""  # typing again clears the message


def test_five_wrong_pins_make_staff_wait(qtbot, pad, lockout, clock):
    for _ in range(5):
        tap(qtbot, pad, "111111")
        qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert lockout.is_locked()
    assert pad.message.text() == "Too many wrong PINs. Please wait 30 seconds, then try again."
    assert not any(b.isEnabled() for b in pad.digit_buttons.values())
    tap(qtbot, pad, RIGHT)  # refused while locked, even the right PIN
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert pad.isVisible() and pad.entered == ""
    clock.now += 30
    qtbot.waitUntil(lambda: pad.digit_buttons["1"].isEnabled(), timeout=2000)
    assert pad.message.text() == "You can try again now."
    tap(qtbot, pad, RIGHT)
    with qtbot.waitSignal(pad.accepted, timeout=1000):
        qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert lockout.wrong_in_a_row == 0


def test_longer_waits_are_shown_in_minutes(pad, lockout, clock):
    for _ in range(8):
        lockout.record_wrong()
        clock.now += lockout.seconds_left()
    lockout.record_wrong()  # the 9th: 8 minutes
    pad.press_digit("1")
    assert "8 minutes" in pad.message.text()


def test_a_physical_keyboard_works_too(qtbot, pad):
    qtbot.keyClicks(pad, "4829177")
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    assert pad.entered == "482917"
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    qtbot.keyClicks(pad, "6")
    with qtbot.waitSignal(pad.accepted, timeout=1000):
        qtbot.keyClick(pad, Qt.Key.Key_Enter)


def test_escape_and_cancel_close_it_without_the_pin(qtbot, pad):
    with qtbot.waitSignal(pad.rejected, timeout=1000):
        qtbot.keyClick(pad, Qt.Key.Key_Escape)
    assert pad.result() == QDialog.DialogCode.Rejected


def test_too_short_is_not_counted_as_a_wrong_pin(qtbot, pad, lockout):
    tap(qtbot, pad, "12")
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert lockout.wrong_in_a_row == 0
    assert pad.message.text() == "A PIN has 4 to 12 digits."


def test_no_more_than_12_digits(qtbot, pad):
    tap(qtbot, pad, "1234567890123")
    assert len(pad.entered) == 12


def test_keys_are_big_enough_to_touch(pad):
    for button in pad.findChildren(QAbstractButton):
        assert button.height() >= 60 and button.width() >= 60, button.text()


def test_a_pad_left_alone_closes_itself(qtbot, parent, lockout):
    pad = PinPad(lambda pin: True, lockout, parent, give_up_after_seconds=0.2)
    qtbot.addWidget(pad)
    with qtbot.waitSignal(pad.rejected, timeout=2000):
        pad.open()


def test_ask_is_true_only_for_the_right_pin(qtbot, parent, lockout):
    def type_into_pad(pin):
        def go():
            pads = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, PinPad) and w.isVisible()]
            assert len(pads) == 1
            for digit in pin:
                pads[0].press_digit(digit)
            pads[0].submit()
            if pads[0].isVisible():
                pads[0].reject()
        QTimer.singleShot(50, go)

    type_into_pad(RIGHT)
    assert PinPad.ask(parent, lambda pin: pin == RIGHT, lockout) is True
    type_into_pad("111111")
    assert PinPad.ask(parent, lambda pin: pin == RIGHT, lockout) is False


def test_cancel_open_closes_every_pad(qtbot, parent, lockout):
    QTimer.singleShot(50, PinPad.cancel_open)
    assert PinPad.ask(parent, lambda pin: True, lockout) is False
