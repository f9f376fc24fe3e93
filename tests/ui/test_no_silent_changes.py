"""Nothing changes a family's data behind the nurse's back: a wheel turned over a field that
does not have keyboard focus scrolls the page and changes nothing."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QWidget

from car_t_guide.core.session.examples import load_example
from car_t_guide.core.session.files import session_to_dict

TODAY = date(2019, 1, 1)


def turn_wheel(widget: QWidget, notches: int = -1) -> None:
    """A wheel turn at the middle of ``widget``, delivered as the window system's would be: to
    the child under the pointer first, then up through its parents until one takes it."""
    middle = widget.mapToGlobal(widget.rect().center())
    receiver = widget.childAt(widget.rect().center()) or widget
    while receiver is not None:
        local = receiver.mapFromGlobal(middle)
        event = QWheelEvent(
            QPointF(local),
            QPointF(middle),
            QPoint(0, 0),
            QPoint(0, 120 * notches),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        event.ignore()
        QApplication.sendEvent(receiver, event)
        if event.isAccepted() or receiver.isWindow():
            return
        receiver = receiver.parentWidget()


def value_inputs(page) -> list[QWidget]:
    kinds = (QAbstractSpinBox, QComboBox, QLineEdit)
    found = [w for w in page.findChildren(QWidget) if isinstance(w, kinds)]
    # A spin box's own line edit is part of it, not an input of its own.
    return [w for w in found if not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))]


def test_the_wheel_over_every_input_of_the_form_changes_nothing_and_scrolls(make_window, qtbot):
    window = make_window("en", size=(1366, 768))
    window._fixed_today = TODAY
    window.set_session(load_example(1, today=TODAY))
    window.show_page("family")
    page = window.family_page
    before = json.dumps(session_to_dict(window.session), sort_keys=True)
    window.next_button.setFocus()
    bar = page.scroll.verticalScrollBar()
    inputs = value_inputs(page)
    assert len(inputs) > 20  # the patient, the plan dates and every history row
    scrolled = 0
    for widget in inputs:
        page.scroll.ensureWidgetVisible(widget)
        QApplication.processEvents()
        for notches in (-1, 1, 1):
            start = bar.value()
            turn_wheel(widget, notches)
            scrolled += bar.value() != start
    page._check_timer.timeout.emit()
    assert json.dumps(session_to_dict(window.session), sort_keys=True) == before
    assert not window.document.dirty
    assert scrolled > len(inputs), "the page should scroll under the pointer instead"


def test_a_focused_field_still_takes_the_wheel(make_window, qtbot):
    window = make_window("en")
    window.show_page("family")
    age = window.family_page.age_edit
    age.setValue(10)
    age.setFocus()
    qtbot.waitUntil(age.hasFocus)
    turn_wheel(age, 1)
    assert age.value() == 11
