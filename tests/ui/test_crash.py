"""An unexpected error shows the calm screen and logs no personal data."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QPushButton

from car_t_guide.core.machine import logs
from car_t_guide.ui.crash import install_crash_handler
from car_t_guide.ui.pages.something_wrong import SomethingWrongPage

NAME, PHONE, NOTE = "Ana María", "+1 555 010 0199", "matched sibling donor"


@pytest.fixture
def log_file():
    path = logs.setup_logging()
    yield path
    logs.shutdown_logging()
    logs.forget_sensitive()


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    win.save_button = QPushButton("Save")
    win.setCentralWidget(win.save_button)
    win.resize(1024, 700)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def crash_screen(window):
    shown = []

    def on_crash():
        page = SomethingWrongPage(reset_after_seconds=None)
        page.show_over(window)
        shown.append(page)

    handler = install_crash_handler(on_crash)
    yield shown
    handler.uninstall()


def read(path):
    for handler in logging.getLogger(logs.LOGGER_NAME).handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def save_for_family():
    raise ValueError(f"cannot save {NAME} ({PHONE}): {NOTE}, born 2009-03-14")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_calm_screen_and_logs_no_personal_data(
    qtbot, window, crash_screen, log_file
):
    logs.register_sensitive(NAME, NOTE, PHONE)
    window.save_button.clicked.connect(save_for_family)
    window.save_button.click()
    qtbot.waitUntil(lambda: len(crash_screen) == 1, timeout=2000)
    page = crash_screen[0]
    assert page.isVisible() and page.geometry() == window.rect()
    assert page.start_over_button.text() == "Start over"
    text = read(log_file)
    assert "unexpected_error type=ValueError at test_crash.py:" in text
    assert "in save_for_family" in text
    assert str(log_file.parents[2]) not in text  # no home-folder paths either
    for secret in ("Ana", "María", "555", "0199", "sibling", "2009-03-14", "cannot save"):
        assert secret not in text, secret


@pytest.mark.qt_no_exception_capture
def test_even_unregistered_data_in_the_message_is_not_logged(qtbot, window, crash_screen,
                                                             log_file):
    QTimer.singleShot(0, save_for_family)
    qtbot.waitUntil(lambda: len(crash_screen) == 1, timeout=2000)
    text = read(log_file)
    assert "Ana" not in text and "sibling" not in text and "type=ValueError" in text


@pytest.mark.qt_no_exception_capture
def test_a_failing_crash_screen_does_not_loop(qtbot, window, log_file):
    calls = []

    def broken_screen():
        calls.append(1)
        raise RuntimeError("the screen is broken")

    handler = install_crash_handler(broken_screen)
    try:
        QTimer.singleShot(0, save_for_family)
        qtbot.waitUntil(lambda: "crash_screen_failed" in read(log_file), timeout=2000)
        qtbot.wait(200)
        assert calls == [1]
    finally:
        handler.uninstall()


def test_the_kiosk_screen_starts_over_by_itself(qtbot, window):
    page = SomethingWrongPage(reset_after_seconds=0.4)
    with qtbot.waitSignal(page.start_over_requested, timeout=3000):
        page.show_over(window)
        assert page.seconds_left() == 1
        assert "start over by itself in 1 second." in page._countdown_label.text()


def test_the_staff_screen_waits_for_the_button(qtbot, window):
    page = SomethingWrongPage(work_was_saved=True)
    page.show_over(window)
    assert page.seconds_left() is None and not page._countdown_label.isVisible()
    with qtbot.waitSignal(page.start_over_requested, timeout=1000):
        page.start_over_button.click()
