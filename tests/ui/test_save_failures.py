"""A save that fails always tells the nurse, keeps the work open, and never takes the calm
"Something went wrong" screen down with it (issue 10, case 1)."""

from __future__ import annotations

from datetime import date

import pytest

from car_t_guide.core.machine import autosave
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.model import empty_session
from car_t_guide.ui import file_dialogs

TODAY = date(2026, 11, 26)


@pytest.fixture
def window(qtbot):
    from car_t_guide.ui.app import create_application, create_main_window

    create_application()
    session = empty_session()
    session.set_collection(date(2025, 10, 1))
    window = create_main_window("en", CenterSettings(), session=session, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_session_that_cannot_be_written_is_not_saved_and_the_nurse_is_told(
    window, tmp_path, monkeypatch
):
    shown = []
    monkeypatch.setattr(
        file_dialogs.Dialogs, "problem", lambda parent, title, text: shown.append((title, text))
    )
    path = tmp_path / "ana.json"
    monkeypatch.setattr(file_dialogs.Dialogs, "save_session_path", lambda *a: path)
    window.session.extra["x"] = float("inf")  # made in memory, as a bug or another tool might
    window.session.set_display_name("Ana")
    assert not window.document.save()
    assert shown and shown[0][0] == "The file was not saved"
    assert "x:" in shown[0][1]
    assert window.document.dirty
    assert " *" in window.windowTitle() or window.document.path is None
    assert not path.exists()


def test_an_unexpected_failure_in_a_save_is_reported_not_raised(window, tmp_path, monkeypatch):
    from car_t_guide.core.session import files

    shown = []
    monkeypatch.setattr(
        file_dialogs.Dialogs, "problem", lambda parent, title, text: shown.append(title)
    )

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the writer")

    monkeypatch.setattr(files, "save_session", broken)  # what the window's save calls
    window.document.set_path(tmp_path / "ana.json")
    window.session.set_display_name("Ana")
    assert not window.document.save()
    assert shown == ["The file was not saved"]
    assert window.document.dirty


@pytest.mark.parametrize("failure", [ValueError, OSError, RuntimeError, TypeError])
def test_the_calm_screen_shows_even_when_its_autosave_fails(window, monkeypatch, failure):
    def broken(session):
        raise failure("the disk or a bug")

    monkeypatch.setattr(autosave, "write_autosave", broken)
    window.session.set_display_name("Ana")  # unsaved work
    window.show_something_wrong()
    page = window.something_wrong_page
    assert page.isVisible()
    assert not page.work_was_saved  # it does not claim the work was kept
