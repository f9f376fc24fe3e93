from __future__ import annotations

from datetime import date

import pytest

from car_t_guide.core import i18n

KIOSK_TODAY = date(2019, 1, 1)  # after every example family's dates


@pytest.fixture
def make_window(qtbot, qapp):
    """Build real main windows (in a language), and close every one at the end of the test."""
    from car_t_guide.ui.app import create_application, create_main_window

    create_application()
    made = []

    def make(lang: str = "en", settings=None, size=(1280, 800)):
        window = create_main_window(lang, settings)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
    i18n.set_language("en")


@pytest.fixture
def kiosk_window(qtbot, qapp):
    """A kiosk window, shown; its idle and input watchers stopped at the end."""
    from car_t_guide.ui.app import create_application, create_main_window

    create_application()
    window = create_main_window("en", kiosk=True, today=KIOSK_TODAY)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.kiosk_mode.stop()


@pytest.fixture
def active_kiosk_window(kiosk_window, qtbot):
    """The kiosk window, active: keys typed go to it."""
    from PySide6.QtWidgets import QApplication

    kiosk_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk_window)
    return kiosk_window


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch):
    """A modal dialog would wait forever for a click offscreen: tests answer for it. Windows a
    test leaves with unsaved changes are discarded when pytest-qt closes them."""
    from car_t_guide.ui import file_dialogs

    monkeypatch.setattr(
        file_dialogs.Dialogs, "unsaved_changes", lambda parent: file_dialogs.DISCARD
    )
    monkeypatch.setattr(file_dialogs.Dialogs, "problem", lambda parent, title, text: None)
    monkeypatch.setattr(file_dialogs.Dialogs, "restore_autosave", lambda parent: False)
    monkeypatch.setattr(file_dialogs.Dialogs, "open_session_path", lambda parent: None)
    monkeypatch.setattr(file_dialogs.Dialogs, "save_session_path", lambda parent, name: None)
    monkeypatch.setattr(file_dialogs.Dialogs, "save_pdf_path", lambda parent, name: None)
    # A test that prints answers the print dialog itself; by default it is cancelled.
    monkeypatch.setattr(file_dialogs.Dialogs, "print_setup", lambda parent, printer: False)
