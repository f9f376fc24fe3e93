"""Keys a nurse and a family use: Return and Enter press the focused button, and the staff
shortcuts (save, open, print) do what they say."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def active(make_window, qtbot, lang="en"):
    window = make_window(lang)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_return_presses_the_focused_button(make_window, qtbot):
    window = active(make_window, qtbot)
    start = next(
        b for b in window.pages["welcome"].findChildren(QPushButton) if b.objectName() == "primary"
    )
    focus(qtbot, start)
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert window.current_page_id() == "steps:1"


def test_the_keypad_enter_presses_the_focused_button_too(make_window, qtbot):
    window = active(make_window, qtbot)
    window.show_page("steps:2")
    focus(qtbot, window.back_button)
    qtbot.keyClick(window.back_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert window.current_page_id() == "steps:1"


def test_return_on_a_section_button_opens_that_section(make_window, qtbot):
    window = active(make_window, qtbot)
    button = window.section_buttons["warning-signs"]
    focus(qtbot, button)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert window.current_page_id() == "warning-signs"


def test_return_does_nothing_on_a_disabled_button(make_window, qtbot):
    window = active(make_window, qtbot)
    assert not window.back_button.isEnabled()
    qtbot.keyClick(window.back_button, Qt.Key.Key_Return)
    assert window.current_page_id() == "welcome"
