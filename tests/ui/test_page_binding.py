"""One way for a page to see the family: it names the parts of the session it shows, and is
drawn again when one of them changes or when another family comes."""

from __future__ import annotations

import gc
from datetime import date

from PySide6.QtWidgets import QApplication, QLabel

from car_t_guide.core.session.model import Plan, Session
from car_t_guide.ui.pages.base import PageContext
from car_t_guide.ui.pages.journey import JourneyPage

TODAY = date(2026, 11, 26)


def texts(page) -> str:
    return "\n".join(label.text() for label in page.findChildren(QLabel))


def test_a_date_entered_in_the_form_reaches_the_warning_signs_already_seen(make_window):
    """The call plan's "what to say" names the infusion day: once the nurse enters it, the
    warning signs say it, though that page was drawn before."""
    window = make_window()
    window.set_session(Session(plan=Plan(collection=date(2026, 10, 1))))
    window.show_page("warning-signs")
    assert "and give the day of the infusion" in texts(window.stack.currentWidget())
    window.show_page("family")
    window.session.set_infusion(date(2026, 11, 20))
    window.show_page("warning-signs")
    assert "CAR T cell therapy on November 20, 2026" in texts(window.stack.currentWidget())


def test_a_page_is_redrawn_for_the_parts_it_shows_and_not_for_others(qtbot):
    context = PageContext.for_session(Session(plan=Plan(collection=date(2026, 10, 1))))
    page = JourneyPage(context)
    qtbot.addWidget(page)
    page.rebuild()
    context.session.mark_topic_reviewed("crs")  # not on the journey page
    assert not page.stale
    context.session.set_infusion(date(2026, 11, 20))
    assert page.stale
    page.rebuild()
    context.document.replace(Session(plan=Plan(collection=date(2026, 9, 1))))
    assert page.stale


def test_a_page_that_is_gone_is_never_called(qtbot):
    context = PageContext.for_session(Session(plan=Plan(collection=date(2026, 10, 1))))
    page = JourneyPage(context)
    page.rebuild()
    page.deleteLater()
    QApplication.processEvents()
    del page
    gc.collect()
    context.session.set_infusion(date(2026, 11, 20))  # would raise on a deleted page
    context.document.replace(Session(plan=Plan(collection=date(2026, 9, 1))))
