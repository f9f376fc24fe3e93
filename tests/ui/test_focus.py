"""Keyboard focus: Tab follows the screen on every page, focus stays on what the person is
working on (scrolled into view), and the page's scroll area is no silent Tab stop."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from car_t_guide.core.session.examples import load_example
from car_t_guide.ui.navigation import PAGE_ORDER

LATER = date(2019, 1, 1)


def active(make_window, qtbot, lang="en", size=(1280, 800), text_size="normal", example=1):
    window = make_window(lang, size=size)
    window._fixed_today = LATER
    window.set_session(load_example(example, today=LATER))
    window.apply_text_size(text_size)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def on_content(widget: QWidget, content: QWidget) -> QRect:
    return QRect(widget.mapTo(content, QPoint(0, 0)), widget.size())


def reads_before(first: QRect, then: QRect) -> bool:
    """``then`` comes after ``first`` when reading the screen: on the same line further along,
    or on a later line."""
    same_line = first.top() < then.bottom() and then.top() < first.bottom()
    if same_line:
        return then.left() > first.left()
    return then.top() > first.top()


def tab_through_page(window, qtbot) -> list[QWidget]:
    """Press Tab from the top of the window until focus leaves the page; what it stopped at."""
    page = window.stack.currentWidget()
    content = page.scroll.widget()
    window.language_box.setFocus(Qt.FocusReason.TabFocusReason)
    stops: list[QWidget] = []
    for _ in range(400):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused not in (page.scroll, page.scroll.viewport())  # no silent Tab stop
        if content.isAncestorOf(focused):
            if focused in stops:
                break
            stops.append(focused)
        elif stops:
            break  # out of the page again: Back and Next
    return stops


PAGES = [*PAGE_ORDER, "family"]


@pytest.mark.parametrize("page_id", PAGES)
def test_tab_follows_the_order_things_are_drawn_on_every_page(make_window, qtbot, page_id):
    window = active(make_window, qtbot)
    window.show_page(page_id)
    if page_id == "summary":  # its layout changes once the PDF is ready
        window.summary_page.wait_until_built()
    QApplication.processEvents()
    content = window.stack.currentWidget().scroll.widget()
    stops = tab_through_page(window, qtbot)
    reachable = [
        w
        for w in content.findChildren(QWidget)
        if w.isVisibleTo(content)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
    ]
    assert set(reachable) <= set(stops), [w.accessibleName() for w in reachable if w not in stops]
    places = [on_content(w, content) for w in stops]
    for index in range(len(stops) - 1):
        first, then = stops[index], stops[index + 1]
        assert reads_before(places[index], places[index + 1]), (
            f"Tab goes from {first.accessibleName()!r} back to {then.accessibleName()!r}"
        )


def test_a_new_history_row_comes_before_add_an_event_in_tab_order(make_window, qtbot):
    window = active(make_window, qtbot)
    window.show_page("family")
    page = window.family_page
    page.add_event_button.click()
    row = page._history_rows[-1]
    assert QApplication.focusWidget() is row.kind
    order = page.tab_order()
    assert order.index(row.kind) < order.index(row.note) < order.index(page.add_event_button)


def test_the_chart_view_buttons_keep_focus_and_the_place_on_the_page(make_window, qtbot):
    window = active(make_window, qtbot, text_size="largest")
    window.show_page("journey")
    page = window.journey_page
    whole = next(b for b in page.findChildren(QPushButton) if b.text() == "The whole story")
    whole.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(whole.hasFocus)
    QApplication.processEvents()
    qtbot.keyClick(whole, Qt.Key.Key_Return)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QPushButton) and focused.text() == "The whole story"
    assert focused is not whole  # the rebuilt page's own button
    qtbot.waitUntil(lambda: visible_in_page(focused))


def visible_in_page(widget: QWidget) -> bool:
    page = widget.window().stack.currentWidget()
    viewport = page.scroll.viewport()
    where = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return viewport.rect().contains(where)


def test_the_kiosks_i_know_the_day_keeps_focus(active_kiosk_window, qtbot):
    window = active_kiosk_window
    window.show_page("journey")
    known = next(
        w for w in window.journey_page.findChildren(QWidget)
        if w.accessibleName() == "I know the day"
    )
    known.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(known, Qt.Key.Key_Space)  # ticks it, and the calendar opens
    calendar = QApplication.focusWidget()
    qtbot.keyClick(calendar, Qt.Key.Key_Return)  # today's date is picked
    assert window.session.plan.infusion == LATER
    focused = QApplication.focusWidget()
    assert window.journey_page.isAncestorOf(focused), focused
    assert focused.accessibleName() == "Infusion day"
    qtbot.waitUntil(lambda: visible_in_page(focused))


def test_after_explained_back_and_go_over_again_focus_and_message_are_in_view(
    make_window, qtbot
):
    window = active(make_window, qtbot, size=(1280, 720), text_size="largest")
    window.show_page("check-understanding")
    page = window.check_page
    page.show_screen(page.screen_ids()[1])
    page.initials_edit.setText("RN")
    page.needs_review_button.click()
    focused = QApplication.focusWidget()
    assert page.feedback.isAncestorOf(focused)
    qtbot.waitUntil(lambda: visible_in_page(focused))
    page.understood_button.click()
    focused = QApplication.focusWidget()
    assert focused is page.next_button
    qtbot.waitUntil(lambda: visible_in_page(focused))


def test_page_down_scrolls_the_page_from_a_focused_button(make_window, qtbot):
    window = active(make_window, qtbot, text_size="largest")
    window.show_page("warning-signs")
    window.next_button.setFocus()
    bar = window.stack.currentWidget().scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    qtbot.keyClick(window.next_button, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(window.next_button, Qt.Key.Key_PageUp)
    assert bar.value() == 0


def test_a_shortcut_from_inside_a_page_leaves_focus_on_the_new_page(make_window, qtbot):
    window = active(make_window, qtbot)
    window.show_page("family")
    window.family_page.name_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.family_page.name_edit.hasFocus)
    qtbot.keyClick(window.family_page.name_edit, Qt.Key.Key_F2)  # warning signs
    assert window.current_page_id() == "warning-signs"
    focused = QApplication.focusWidget()
    assert focused is window.section_buttons["warning-signs"], focused
