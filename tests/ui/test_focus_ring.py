"""The keyboard focus ring meets WCAG 2.2 focus appearance on every focusable control of every
page: at least 2 px thick, around the control, and 3:1 against the colours on both sides of it.
Read from the pixels the window draws."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget

from car_t_guide.core.session.examples import load_example
from car_t_guide.ui import theme
from car_t_guide.ui.navigation import PAGE_ORDER
from car_t_guide.ui.widgets.focus_ring import FocusRing, ringed

LATER = date(2019, 1, 1)


def contrast(a: QColor, b: QColor) -> float:
    return theme.contrast_ratio(a.name(), b.name())


def ring_problems(window, image: QImage, target: QWidget) -> list[str]:
    rings = [r for r in window.findChildren(FocusRing) if r.isVisible()]
    if len(rings) != 1:
        return [f"{len(rings)} rings show"]
    ring = rings[0]
    control = QRect(target.mapTo(window, QPoint(0, 0)), target.size())
    outer = ring.ring_rect()
    thick = ring.width_px
    problems = []
    if thick < 2:
        problems.append(f"ring {thick} px thick")
    if not outer.contains(control):
        problems.append("the ring does not go around the control")
    focus = QColor(theme.FOCUS)
    visible = QRect(ring.pos(), ring.size())
    middle = control.center()
    # (a point in the ring band, a point just outside it, a point in the gap) on each side
    sides = [
        (QPoint(middle.x(), outer.top() + thick // 2), QPoint(middle.x(), outer.top() - 2),
         QPoint(middle.x(), outer.top() + thick + 1)),
        (QPoint(middle.x(), outer.bottom() - thick // 2), QPoint(middle.x(), outer.bottom() + 2),
         QPoint(middle.x(), outer.bottom() - thick - 1)),
        (QPoint(outer.left() + thick // 2, middle.y()), QPoint(outer.left() - 2, middle.y()),
         QPoint(outer.left() + thick + 1, middle.y())),
        (QPoint(outer.right() - thick // 2, middle.y()), QPoint(outer.right() + 2, middle.y()),
         QPoint(outer.right() - thick - 1, middle.y())),
    ]
    checked = 0
    for band, outside, gap in sides:
        if not visible.contains(band) or not image.rect().contains(outside):
            continue  # that side is cut off where the page ends
        checked += 1
        drawn = image.pixelColor(band)
        if contrast(drawn, focus) > 1.2:
            problems.append(f"ring pixel {drawn.name()} is not the focus colour")
        for where, point in (("outside", outside), ("in the gap", gap)):
            beside = image.pixelColor(point)
            if contrast(drawn, beside) < 3:
                problems.append(f"{where}: {drawn.name()} vs {beside.name()} under 3:1")
    if checked == 0:
        problems.append("no side of the ring shows")
    return problems


def tab_stops(window, qtbot, limit=200):
    window.language_box.setFocus(Qt.FocusReason.TabFocusReason)
    seen = []
    for _ in range(limit):
        focused = QApplication.focusWidget()
        if focused in seen:
            break
        seen.append(focused)
        yield focused
        qtbot.keyClick(focused, Qt.Key.Key_Tab)


@pytest.mark.parametrize("text_size", ["normal", "largest"])
@pytest.mark.parametrize("page_id", [*PAGE_ORDER, "family"])
def test_every_control_shows_a_ring_that_meets_focus_appearance(
    make_window, qtbot, page_id, text_size
):
    window = make_window("en", size=(1280, 800))
    window._fixed_today = LATER
    window.set_session(load_example(1, today=LATER))
    window.apply_text_size(text_size)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_page(page_id)
    if page_id == "summary":  # its layout changes when the PDF is ready: wait for that first
        window.summary_page.wait_until_built()
    failures = {}
    kinds = set()
    for focused in tab_stops(window, qtbot):
        QApplication.processEvents()
        QApplication.processEvents()
        target = ringed(focused)
        kinds.add(type(target).__name__)
        problems = ring_problems(window, window.grab().toImage(), target)
        if problems:
            failures[f"{type(target).__name__} {target.accessibleName()!r}"] = problems
    assert failures == {}
    assert {"QPushButton", "QComboBox"} <= kinds


def test_check_boxes_show_the_ring_too(active_kiosk_window, qtbot):
    window = active_kiosk_window
    window.show_page("journey")
    box = window.journey_page.findChildren(QCheckBox)[0]
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(box, Qt.Key.Key_Shift)  # the keyboard is in use
    QApplication.processEvents()
    QApplication.processEvents()
    assert ring_problems(window, window.grab().toImage(), box) == []


def test_the_ring_hides_after_a_touch_and_comes_back_with_the_keyboard(make_window, qtbot):
    window = make_window("en")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.next_button.setFocus(Qt.FocusReason.TabFocusReason)
    ring = window.findChild(FocusRing)
    qtbot.waitUntil(ring.isVisible)
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert not ring.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert ring.isVisible()


def test_the_ring_colour_has_3_to_1_on_every_surface_it_is_drawn_on():
    for name, surface in theme.FOCUS_RING_SURFACES.items():
        assert theme.contrast_ratio(theme.FOCUS, surface) >= 3, name
    assert theme.focus_ring_width(1.0) >= 2
