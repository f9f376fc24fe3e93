"""The journey page and the nurse's form, driven like a nurse and a family would."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel

from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.examples import EXAMPLE_COUNT, load_example
from car_t_guide.core.session.files import load_session
from car_t_guide.ui import file_dialogs

TODAY = date(2013, 5, 1)
LATER = date(2019, 1, 1)  # after every example family's dates


def page_texts(window) -> list[str]:
    return [lab.text() for lab in window.stack.currentWidget().findChildren(QLabel)]


@pytest.fixture
def staff_window(make_window, qtbot):
    from car_t_guide.ui.app import create_main_window

    def make(session=None, settings=None, lang="en", kiosk=False):
        today = LATER if session is not None else TODAY
        window = create_main_window(lang, settings, session=session, today=today, kiosk=kiosk)
        qtbot.addWidget(window)
        window.resize(1280, 900)
        window.show()
        return window

    return make


def test_chart_draws_each_example_family_differently(staff_window):
    """The smoke test for pyqtgraph (it lags PySide6): the real chart draws real items."""
    pictures = []
    for number in range(1, EXAMPLE_COUNT + 1):
        window = staff_window(load_example(number, today=LATER))
        window.show_page("journey")
        chart = window.journey_page.chart
        assert chart is not None and chart.layout_data is not None
        items = chart.view.addedItems
        assert len(items) > 10
        assert "approximate" in " ".join(page_texts(window))
        pictures.append(tuple(label.text for label in chart.layout_data.labels))
        window.journey_page._set_zoom("history")
        assert window.journey_page.chart.layout_data.unit == "years"
        window.close()
    assert len(set(pictures)) == EXAMPLE_COUNT


def test_key_dates_follow_the_infusion_date_and_the_center_setting(staff_window):
    session = load_example(1, today=LATER)
    window = staff_window(session, CenterSettings(stay_near_center_days=28, no_driving_days=56))
    window.show_page("journey")
    texts = " ".join(page_texts(window))
    infusion = session.plan.infusion
    assert infusion is not None
    from datetime import timedelta

    from car_t_guide.core.dates import format_day_with_weekday

    assert f"through {format_day_with_weekday(infusion + timedelta(days=28), 'en')}" in texts
    assert f"through {format_day_with_weekday(infusion + timedelta(days=56), 'en')}" in texts


def test_only_a_collection_date_shows_relative_times_never_dates(staff_window):
    from car_t_guide.core.session.model import empty_session

    session = empty_session()
    session.set_collection(date(2013, 3, 20))
    window = staff_window(session)
    window.show_page("journey")
    texts = page_texts(window)
    joined = " ".join(texts)
    assert "2 weeks after the infusion" in joined
    assert "2013" in joined  # the collection date itself
    assert not any("May" in t or "June" in t for t in texts), texts


def test_nurse_enters_dates_and_sees_problems_beside_the_field(staff_window, qtbot):
    window = staff_window()
    window.show_page("journey")
    window.journey_page.findChild(type(window.next_button), None)
    window.show_page("family")
    form = window.family_page
    form.name_edit.setText("Ana")
    form.plan_edits["collection"].picker.set_value(date(2013, 3, 18))
    form.plan_edits["infusion"].picker.set_value(date(2013, 3, 1))
    qtbot.waitUntil(lambda: form._problem_labels["plan.infusion"].isVisible())
    problem = form._problem_labels["plan.infusion"].text()
    assert "March 1, 2013" in problem and "before T cell collection" in problem
    assert window.session.patient.display_name == "Ana"
    form.plan_edits["infusion"].picker.set_value(date(2013, 5, 10))
    qtbot.waitUntil(lambda: not form._problem_labels["plan.infusion"].isVisible())
    window.show_page("journey")
    assert any("Friday, May 24, 2013" in t for t in page_texts(window))


def test_save_then_open_gives_back_the_family(staff_window, tmp_path, monkeypatch):
    session = load_example(2, today=LATER)
    session.extra["from_a_newer_tool"] = {"kept": True}
    window = staff_window(session)
    path = tmp_path / "family.json"
    monkeypatch.setattr(file_dialogs.Dialogs, "save_session_path", lambda *a: path)
    assert window.document.save_as()
    assert path.stat().st_mode & 0o777 == 0o600
    assert not window.document.dirty
    reopened = load_session(path, today=TODAY).session
    assert reopened == session
    assert json.loads(path.read_text())["from_a_newer_tool"] == {"kept": True}


def test_broken_file_changes_nothing_and_says_what_is_wrong(staff_window, tmp_path, monkeypatch):
    session = load_example(1, today=LATER)
    window = staff_window(session)
    broken = tmp_path / "broken.json"
    broken.write_text(
        '{"format": "car-t-guide-session", "version": 1, "plan": {"collection": "2013-13-01"}}'
    )
    before = broken.read_bytes()
    shown = []
    monkeypatch.setattr(
        file_dialogs.Dialogs, "problem", lambda parent, title, text: shown.append(text)
    )
    assert not window.open_session(broken)
    assert window.session is session
    assert broken.read_bytes() == before
    assert len(shown) == 1 and "plan.collection" in shown[0] and "broken.json" in shown[0]


def test_unsaved_changes_prompt_can_cancel_leaving(staff_window, monkeypatch):
    window = staff_window(load_example(1, today=LATER))
    window._fixed_today = LATER
    window.session.set_display_name("Changed")
    asked = []
    monkeypatch.setattr(
        file_dialogs.Dialogs,
        "unsaved_changes",
        lambda parent: asked.append(1) or file_dialogs.CANCEL,
    )
    window.load_example(3)
    assert asked and window.session.patient.display_name == "Changed"
    monkeypatch.setattr(
        file_dialogs.Dialogs, "unsaved_changes", lambda parent: file_dialogs.DISCARD
    )
    window.load_example(3)
    assert window.session.patient.display_name != "Changed"


def test_kiosk_family_can_only_pick_an_infusion_day(staff_window, qtbot):
    window = staff_window(kiosk=True)
    window.show_page("journey")
    page = window.journey_page
    from PySide6.QtWidgets import QLineEdit, QPushButton

    from car_t_guide.ui.widgets.date_edits import OptionalDateEdit

    pickers = page.findChildren(OptionalDateEdit)
    assert len(pickers) == 1
    assert all(edit.isReadOnly() for edit in page.findChildren(QLineEdit))  # no typing
    assert not any("details" in b.text() for b in page.findChildren(QPushButton))
    picker = pickers[0]
    picker.known.setChecked(True)  # opens the calendar: no day is set until one is picked
    assert window.session.plan.infusion is None
    picker.picker._popup.calendar.setSelectedDate(QDate(2013, 5, 10))
    picker.picker._popup.calendar.activated.emit(QDate(2013, 5, 10))
    qtbot.waitUntil(lambda: any("May 24, 2013" in t for t in page_texts(window)))


def test_a_language_switch_draws_the_same_chart_again_in_the_new_language(staff_window):
    window = staff_window(load_example(1, today=LATER))
    window.show_page("journey")
    chart = window.journey_page.chart
    english = [label.text for label in chart.layout_data.labels]
    window.set_language("es")
    assert window.journey_page.chart is chart  # drawn again, not made again
    spanish = [label.text for label in chart.layout_data.labels]
    assert spanish != english and "Recolección de células T" in spanish
    window.apply_text_size("largest")  # bigger words: a chart drawn at their size
    assert window.journey_page.chart is not chart
    assert window.journey_page.chart.scale > chart.scale
