"""What a screen reader is told, read through Qt's accessibility interface (what AT-SPI and
Orca read): every control named by its visible label, tabs as tabs, choices as radio buttons,
headings as headings, lists as lists, "Still there?" as an alert with a countdown said at a
few moments, the PIN pad reachable, and the chart described with its dates."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget

from car_t_guide.core.session.examples import load_example
from car_t_guide.ui.navigation import PAGE_ORDER

LATER = date(2019, 1, 1)
Role = QAccessible.Role
NAME = QAccessible.Text.Name


def interface(widget: QWidget):
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None and found.isValid()
    return found


def announced_problems(window) -> list[str]:
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None or widget.window() is not window:
            continue
        iface = interface(widget)
        name = iface.text(NAME).strip()
        kind = type(widget).__name__
        if not name:
            problems.append(f"{kind} has no name")
        if isinstance(widget, QComboBox):
            labels = [
                related.text(NAME).strip()
                for related, _relation in iface.relations(QAccessible.RelationFlag.Label)
            ]
            if not any(labels):
                problems.append(f"list box {name!r} is named only by its value")
        # Buttons styled as tabs or as one choice of a few (an on/off toggle may be a check box).
        if widget.objectName() in ("section", "textSize") and iface.role() == Role.CheckBox:
            problems.append(f"{name!r} is announced as a check box")
    for lab in window.findChildren(QLabel):
        if lab.isVisible() and lab.text().strip() == "•":
            problems.append("a bullet is a label of its own")
    return problems


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_control_of_every_page_is_named_by_what_it_shows(make_window, lang):
    window = make_window(lang)
    window._fixed_today = LATER
    window.set_session(load_example(1, today=LATER))
    failures = {}
    for page_id in [*PAGE_ORDER, "family"]:
        window.show_page(page_id)
        if page_id == "summary":  # its layout changes once the PDF is ready
            window.summary_page.wait_until_built()
        QApplication.processEvents()
        problems = announced_problems(window)
        if problems:
            failures[page_id] = sorted(set(problems))
    assert failures == {}


def test_the_kiosks_pages_are_named_too(kiosk_window):
    window = kiosk_window
    failures = {}
    for page_id in ("journey", "check-understanding"):
        window.show_page(page_id)
        if page_id == "check-understanding":
            window.check_page.show_screen(window.check_page.screen_ids()[1])
        QApplication.processEvents()
        problems = announced_problems(window)
        if problems:
            failures[page_id] = problems
    assert failures == {}


def test_tabs_and_choices_are_announced_as_tabs_and_radio_buttons(make_window, kiosk_window):
    window = make_window("en")
    window._fixed_today = LATER
    window.set_session(load_example(1, today=LATER))
    window.show_page("journey")
    section = interface(window.section_buttons["journey"])
    assert section.role() == Role.PageTab and section.state().selected
    assert not interface(window.section_buttons["summary"]).state().selected
    size = interface(window.text_size_buttons["normal"])
    assert size.role() == Role.RadioButton and size.state().checked
    views = [
        b
        for b in window.journey_page.findChildren(QAbstractButton)
        if b.text() == "The whole story"
    ]
    assert interface(views[0]).role() == Role.RadioButton
    window.show_page("summary")
    paper = next(iter(window.summary_page.paper_buttons.values()))
    assert interface(paper).role() == Role.RadioButton
    page = kiosk_window.check_page
    kiosk_window.show_page("check-understanding")
    page.show_screen(page.screen_ids()[1])
    choice = next(iter(page.choice_buttons.values()))
    assert interface(choice).role() == Role.RadioButton
    assert interface(choice).text(NAME) == choice.text()


def test_headings_are_headings_and_bullets_are_a_list(make_window):
    window = make_window("en")
    window.show_page("steps:1")
    labels = window.stack.currentWidget().findChildren(QLabel)
    headings = [lab for lab in labels if lab.objectName() in ("heading", "subheading")]
    assert headings and all(interface(h).role() == Role.Heading for h in headings)
    assert all(interface(h).text(NAME) == h.text() for h in headings)
    lists = [
        w for w in window.stack.currentWidget().findChildren(QWidget)
        if interface(w).role() == Role.List
    ]
    assert lists
    items = [interface(lists[0]).child(i) for i in range(interface(lists[0]).childCount())]
    assert items and all(item.role() == Role.ListItem and item.text(NAME) for item in items)


def test_still_there_is_an_alert_and_its_countdown_is_said_at_a_few_moments(
    kiosk_window, monkeypatch
):
    from car_t_guide.ui import accessibility
    from car_t_guide.ui.widgets import still_there

    said = []
    accessibility.announcer.announced.connect(lambda text, loud: said.append((text, loud)))
    now = [1000.0]
    monkeypatch.setattr(still_there.time, "monotonic", lambda: now[0])
    overlay = kiosk_window.kiosk_mode.still_there
    overlay.start(30)
    assert interface(overlay.card).role() == Role.AlertMessage
    assert said and said[0][1] and "Are you still there?" in said[0][0]
    for _second in range(29):
        now[0] += 1
        overlay._on_tick()
    spoken = [text for text, _assertive in said[1:]]
    assert spoken == [
        "Everything you entered will be cleared in 20 seconds.",
        "Everything you entered will be cleared in 10 seconds.",
        "Everything you entered will be cleared in 5 seconds.",
    ]
    overlay.stop()


def test_the_pin_pad_is_reached_by_tab_and_the_arrow_keys(kiosk_window, qtbot):
    from car_t_guide.core.machine.staff_pin import LockoutPolicy
    from car_t_guide.ui.widgets.pin_pad import PinPad

    pad = PinPad(lambda pin: False, LockoutPolicy(), kiosk_window)
    qtbot.addWidget(pad)
    pad.show()
    pad.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pad)
    reached = []
    for _ in range(14):
        qtbot.keyClick(QApplication.focusWidget() or pad, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    keys = [*pad.digit_buttons.values(), pad.cancel_button]  # (Clear and OK wait for digits)
    assert [key.text() for key in keys if key not in reached] == []
    pad.digit_buttons["5"].setFocus()
    qtbot.keyClick(pad.digit_buttons["5"], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is pad.digit_buttons["6"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert QApplication.focusWidget() is pad.digit_buttons["9"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # presses the key
    assert pad.entered == "9"
    pad.reject()


def test_the_chart_is_described_with_its_dates(make_window):
    window = make_window("en")
    window._fixed_today = LATER
    window.set_session(load_example(1, today=LATER))
    window.show_page("journey")
    chart = window.journey_page.chart
    assert "CAR T cell infusion (day 0): Friday, May 10, 2013" in chart.accessibleDescription()
    window.journey_page._set_zoom("history")
    described = window.journey_page.chart.accessibleDescription()
    assert "Diagnosis: July 2002" in described and "2009" in described


def test_i_know_the_day_is_announced_as_it_reads(kiosk_window):
    kiosk_window.show_page("journey")
    boxes = [
        w for w in kiosk_window.journey_page.findChildren(QAbstractButton)
        if w.text() == "I know the day"
    ]
    assert len(boxes) == 1 and interface(boxes[0]).text(NAME) == "I know the day"


def test_roles_hold_when_a_screen_reader_is_listening_as_widgets_are_made(make_window):
    # With a screen reader on, Qt asks about each widget the moment it is made, before it has
    # its role, and keeps that first answer.
    QAccessible.setActive(True)
    try:
        window = make_window("en")
        window.show_page("steps:1")
        page = window.stack.currentWidget()
        heading = page.findChildren(QLabel, "heading")[0]
        assert interface(heading).role() == Role.Heading
        items = [w for w in page.findChildren(QLabel) if type(w).__name__ == "BulletItem"]
        assert items and interface(items[0]).role() == Role.ListItem
        assert interface(window.section_buttons["steps:1"]).role() == Role.PageTab
    finally:
        QAccessible.setActive(False)
