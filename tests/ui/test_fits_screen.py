"""Every page fits a laptop screen at the largest text size, in every language: nothing runs
off the side or is squeezed below the size it needs, and the window itself fits the screen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget

from car_t_guide.core.session.examples import load_example
from car_t_guide.ui.navigation import PAGE_ORDER

LATER = date(2019, 1, 1)
PAGES = [*PAGE_ORDER, "family"]


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    return f"{type(widget).__name__} {(widget.accessibleName() or shown)[:40]!r}"


def cut_off(window) -> list[str]:
    """What the window shows only in part: widgets that run past the page's right edge or the
    window's, or that got less room than they need."""
    problems = []
    page = window.stack.currentWidget()
    viewport = page.scroll.viewport()
    width = viewport.width()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.width() == 0 or widget.window() is not window:
            continue
        if widget.objectName() == "focusRing":
            continue
        inside_page = viewport.isAncestorOf(widget)
        if inside_page:
            where = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
            if where.right() > width + 1 or where.left() < -1:
                span = f"{where.left()}..{where.right()} of {width}"
                problems.append(f"{describe(widget)} runs off the page: {span}")
        else:
            where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            if not window.rect().adjusted(-1, -1, 1, 1).contains(where):
                problems.append(f"{describe(widget)} runs off the window: {where}")
        if isinstance(widget, QScrollArea):
            continue
        need = widget.minimumSizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            if widget.text() and widget.height() < widget.heightForWidth(widget.width()):
                problems.append(f"{describe(widget)} is cut off at the bottom")
            continue
        wanted = widget.sizeHint().width()
        if isinstance(widget, QLabel) and widget.text() and widget.width() < wanted:
            problems.append(f"{describe(widget)} {widget.width()} px < {wanted}")
        elif need.isValid() and (widget.width() < need.width() - 1 or (
            isinstance(widget, QAbstractButton) and widget.height() < need.height() - 1
        )):
            problems.append(f"{describe(widget)} {widget.size().toTuple()} < {need.toTuple()}")
    return problems


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_fits_at_the_largest_text(make_window, lang, size):
    window = make_window(lang, size=size)
    window._fixed_today = LATER
    window.set_session(load_example(3, today=LATER))  # a long history and medicines
    window.apply_text_size("largest")
    failures = {}
    for page_id in PAGES:
        window.show_page(page_id)
        if page_id == "summary":  # its layout changes once the PDF is ready
            window.summary_page.wait_until_built()
        for _ in range(3):
            QApplication.processEvents()
        problems = cut_off(window)
        if problems:
            failures[page_id] = problems
    assert failures == {}


def test_the_window_opens_within_the_screen(make_window, qtbot):
    from car_t_guide.ui.app import create_main_window
    from car_t_guide.ui.main_window import PREFERRED_SIZE

    window = create_main_window("en")
    qtbot.addWidget(window)
    window.show_fitted()
    qtbot.waitExposed(window)
    area = window.screen().availableGeometry()
    assert area.contains(window.frameGeometry()), (window.frameGeometry(), area)
    small = area.width() < PREFERRED_SIZE.width() or area.height() < PREFERRED_SIZE.height()
    if small:  # the whole free area (maximised where the window manager does that)
        assert window.frameGeometry().height() >= area.height() - 8
    else:
        assert window.size() == PREFERRED_SIZE
    assert area.contains(window.bottom_bar.mapToGlobal(window.bottom_bar.rect().bottomRight()))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_staff_pin_pad_shows_every_key_whole(qtbot, lang):
    from car_t_guide.core.machine.staff_pin import LockoutPolicy
    from car_t_guide.ui.app import create_application, create_main_window
    from car_t_guide.ui.widgets.pin_pad import PinPad

    create_application()
    window = create_main_window(lang, kiosk=True)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    pad = PinPad(lambda pin: False, LockoutPolicy(), window)
    qtbot.addWidget(pad)
    try:
        pad.show()
        QApplication.processEvents()
        for key in pad.findChildren(QAbstractButton):
            assert key.height() >= key.sizeHint().height() - 1, key.text()
            assert key.width() >= key.sizeHint().width() - 1, key.text()
            # Whole inside what holds it (the key rows were cut off at the bottom).
            assert key.parentWidget().rect().contains(key.geometry()), key.text()
        assert pad.size().height() >= pad.sizeHint().height()
        assert pad.height() <= 768
    finally:
        pad.reject()
        window.kiosk_mode.stop()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_list_pop_ups_follow_the_text_size(make_window, lang):
    from car_t_guide.ui import theme

    window = make_window(lang)
    window.apply_text_size("largest")
    window.show_page("family")
    QApplication.processEvents()
    for combo in (window.language_box, window.family_page.language_edit):
        combo.showPopup()
        QApplication.processEvents()
        row = combo.view().visualRect(combo.model().index(0, 0))
        assert row.height() >= 48, (combo.accessibleName(), row.height())
        assert combo.view().font().pixelSize() >= combo.font().pixelSize() >= theme.Sizes(1).body
        combo.hidePopup()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_on_a_laptop_screen_the_bars_leave_the_page_most_of_the_height(make_window, lang):
    window = make_window(lang, size=(1366, 768))
    heights = {}
    for text_size in ("normal", "largest"):
        window.apply_text_size(text_size)
        for _ in range(3):
            QApplication.processEvents()
        heights[text_size] = window.stack.height()
    assert heights["largest"] == heights["normal"]
    assert heights["largest"] >= 0.55 * window.height()


@pytest.mark.parametrize("width", [1366, 1920])
def test_every_top_bar_control_stays_on_one_line_of_a_laptop_screen(make_window, qtbot, width):
    """Staff mode with read-aloud on: at 1366 pixels the app's name gives way (the window's
    title says it) rather than push "About" onto a second line; with room, it shows."""
    window = make_window("en", size=(width, 760))
    qtbot.waitUntil(window.read_aloud.service.is_ready, timeout=10_000)
    qtbot.waitUntil(lambda: window.read_aloud.read_button.isVisible(), timeout=5_000)
    window.resize(width, 760)
    QApplication.processEvents()
    controls = [window.language_box, window.warning_button, window.read_aloud.read_button,
                window.read_aloud.touch_button, window.about_button]  # fmt: skip
    assert all(control.isVisible() for control in controls)
    assert len({control.geometry().center().y() for control in controls}) == 1
    assert window.about_button.geometry().right() <= window.top_bar.width()
    title_shown = window.title_label.isVisible()
    assert title_shown == (width == 1920)
