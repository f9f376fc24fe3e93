"""Dates typed the way nurses type them, key by key, and picked on a calendar that speaks the
language showing. Fields are found by the name a screen reader announces."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLabel, QWidget

from car_t_guide.core.session.examples import load_example

TODAY = date(2026, 11, 30)


def named(page, name: str) -> QWidget:
    """The focusable field a screen reader announces as ``name``."""
    found = [
        w
        for w in page.findChildren(QWidget)
        if w.accessibleName() == name and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert found, f"no field named {name!r}"
    return found[0]


def type_into(qtbot, field: QWidget, text: str) -> None:
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(field, text)  # over what was there, as a nurse types over a selection
    else:
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


@pytest.fixture
def form(make_window, qtbot):
    def make(lang="en", session=None):
        window = make_window(lang, size=(1366, 900))
        window._fixed_today = TODAY
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        if session is not None:
            window.set_session(session)
        window.show_page("family")
        return window

    return make


def page_texts(window) -> str:
    return " ".join(lab.text() for lab in window.family_page.findChildren(QLabel))


@pytest.mark.parametrize(
    ("lang", "typed", "name"),
    [
        ("en", "11/02/2026", "CAR T cell infusion"),
        ("es", "2/11/2026", "Infusión de células CAR T"),
        ("en", "2026-11-02", "CAR T cell infusion"),
        ("es", "2026-11-02", "Infusión de células CAR T"),
    ],
)
def test_a_whole_date_typed_in_the_languages_short_form_or_iso_is_taken(
    form, qtbot, lang, typed, name
):
    window = form(lang)
    type_into(qtbot, named(window.family_page, name), typed)
    assert window.session.plan.infusion == date(2026, 11, 2)
    words = "Monday, November 2, 2026" if lang == "en" else "lunes, 2 de noviembre de 2026"
    assert words in page_texts(window)


def test_a_year_typed_key_by_key_is_never_taken_half_way(form, qtbot):
    window = form("en")
    seen = []
    window.session.subscribe(lambda part: seen.append(window.session.plan.collection))
    type_into(qtbot, named(window.family_page, "T cell collection"), "3/20/2013")
    assert window.session.plan.collection == date(2013, 3, 20)
    assert {day.year for day in seen if day is not None} == {2013}  # never 2020 or 201


def test_a_history_date_may_be_a_month_or_a_year(form, qtbot):
    window = form("en")
    window.family_page.add_history_event()
    when = [w for w in window.family_page.findChildren(QWidget) if w.accessibleName() == "When"]
    type_into(qtbot, when[-1], "7/2002")
    assert str(window.session.history[-1].date) == "2002-07"
    type_into(qtbot, when[-1], "2009")
    assert str(window.session.history[-1].date) == "2009"
    assert "2009" in page_texts(window)


def test_what_is_not_a_date_is_said_beside_the_field_and_changes_nothing(form, qtbot):
    session = load_example(1, today=TODAY)
    window = form("en", session)
    field = named(window.family_page, "CAR T cell infusion")
    type_into(qtbot, field, "13/40/2013")
    assert window.session.plan.infusion == date(2013, 5, 10)
    assert "month 13 does not exist" in page_texts(window)


def test_an_empty_date_is_not_known_and_shows_no_date(form, qtbot):
    session = load_example(1, today=TODAY)
    window = form("en", session)
    field = named(window.family_page, "CAR T cell infusion")
    type_into(qtbot, field, "")
    assert window.session.plan.infusion is None
    assert field.text() == ""
    assert field.accessibleDescription().startswith("Not known yet.")
    assert "Friday, May 10, 2013" not in page_texts(window)


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_alt_down_and_f4_open_the_calendar_and_the_keyboard_picks_a_day(
    form, qtbot, key, modifier
):
    session = load_example(1, today=TODAY)
    window = form("en", session)
    field = named(window.family_page, "CAR T cell infusion")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, key, modifier)
    calendar = QApplication.focusWidget()
    while calendar is not None and not isinstance(calendar, QCalendarWidget):
        calendar = calendar.parentWidget()
    assert calendar is not None and calendar.isVisible(), "no calendar opened"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)  # the next day
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.session.plan.infusion == date(2013, 5, 11)
    assert not calendar.isVisible()


def test_every_picker_follows_the_language_after_a_switch(form, qtbot):
    session = load_example(1, today=TODAY)
    window = form("en", session)
    window.set_language("es")
    field = named(window.family_page, "Infusión de células CAR T")
    assert field.text() == "10/5/2013"
    assert "viernes, 10 de mayo de 2013" in page_texts(window)
    assert "Friday" not in page_texts(window) and "May" not in page_texts(window)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_F4)
    calendar = window.family_page.findChildren(QCalendarWidget)[0]
    assert calendar.locale().language() == calendar.locale().Language.Spanish
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_a_history_event_is_entered_without_leaving_the_keyboard(form, qtbot):
    window = form("en")
    page = window.family_page
    page.add_event_button.setFocus()
    qtbot.waitUntil(page.add_event_button.hasFocus)
    qtbot.keyClick(page.add_event_button, Qt.Key.Key_Return)
    kind = QApplication.focusWidget()
    qtbot.keyClicks(kind, "rel")  # type-ahead: the first relapse, with its place
    qtbot.keyClick(kind, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "2009")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Late relapse")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the next event, please
    event = window.session.history[0]
    assert (event.kind, event.site, str(event.date), event.note) == (
        "relapse", "bone_marrow", "2009", "Late relapse"
    )
    assert len(page._history_rows) == 2
    assert QApplication.focusWidget() is page._history_rows[1].kind
