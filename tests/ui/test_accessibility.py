"""Large text, keyboard access, names for screen readers, contrast, the bundled font."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget

from car_t_guide.ui import theme
from car_t_guide.ui.navigation import PAGE_ORDER


def visible(window, kind):
    return [w for w in window.findChildren(kind) if w.isVisibleTo(window)]


def cut_off_labels(window) -> list[str]:
    problems = []
    page = window.stack.currentWidget()
    viewport = page.scroll.viewport().width()
    content = page.scroll.widget()
    if content is not None and content.width() > viewport + 1:
        problems.append(f"page content {content.width()} px is wider than the window {viewport} px")
    for lab in visible(window, QLabel):
        if not lab.text():
            continue
        if lab.wordWrap():
            needed = lab.heightForWidth(lab.width())
            if lab.height() < needed:
                problems.append(f"{lab.text()[:40]!r}: height {lab.height()} < {needed}")
        elif lab.width() < lab.sizeHint().width():
            problems.append(f"{lab.text()[:40]!r}: width {lab.width()} < {lab.sizeHint().width()}")
    for button in visible(window, QAbstractButton):
        hint = button.sizeHint()
        if button.width() < hint.width() or button.height() < min(hint.height(), 44):
            problems.append(
                f"button {button.text()!r}: {button.size().toTuple()} < {hint.toTuple()}"
            )
    return problems


@pytest.mark.parametrize("lang", ["en", "es"])
def test_largest_text_cuts_nothing_off(make_window, qtbot, lang):
    from datetime import date

    from car_t_guide.core.session.examples import load_example

    window = make_window(lang)
    # A family with a long history, so the journey, medicines and summary have real content.
    window._fixed_today = date(2019, 1, 1)
    window.set_session(load_example(3, today=date(2019, 1, 1)))
    window.text_size_buttons["largest"].click()
    for page_id in PAGE_ORDER:
        window.show_page(page_id)
        QApplication.processEvents()
        assert cut_off_labels(window) == [], page_id


def test_largest_text_is_about_twice_the_default(make_window):
    window = make_window("en")
    window.show_page("steps:1")
    body = window.stack.currentWidget().findChildren(QLabel)[-1]
    normal = QFontInfo(body.font()).pixelSize()
    window.apply_text_size("largest")
    body = window.stack.currentWidget().findChildren(QLabel)[-1]
    assert 1.8 <= QFontInfo(body.font()).pixelSize() / normal <= 2.2
    assert len(theme.TEXT_SCALES) >= 3


def test_touch_targets_are_at_least_44_px(make_window):
    window = make_window("es")
    for page_id in PAGE_ORDER:
        window.show_page(page_id)
        for control in visible(window, QAbstractButton) + visible(window, QComboBox):
            assert control.height() >= 44, (
                page_id,
                control.text() if hasattr(control, "text") else "",
            )


def test_every_control_has_an_accessible_name_and_is_reachable_by_tab(make_window, qtbot):
    window = make_window("en")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_page("welcome")
    controls = [
        w
        for w in visible(window, QWidget)
        if isinstance(w, (QAbstractButton, QComboBox)) and w.isEnabled()
    ]
    assert controls
    for control in controls:
        assert control.accessibleName().strip(), f"{type(control).__name__} has no accessible name"
    reached = set()
    window.language_box.setFocus()
    for _ in range(3 * len(controls)):
        reached.add(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), "\t")
    missing = [c.accessibleName() for c in controls if c not in reached]
    assert missing == []


def test_text_colours_have_enough_contrast():
    for name, (foreground, background) in theme.TEXT_PAIRS.items():
        assert theme.contrast_ratio(foreground, background) >= 4.5, name


def test_contrast_check_can_fail():
    assert theme.contrast_ratio("#777777", "#888888") < 4.5
    assert round(theme.contrast_ratio("#000000", "#ffffff"), 1) == 21.0


def test_screens_use_the_bundled_font(make_window):
    window = make_window("en")
    window.show_page("steps:2")
    for lab in visible(window, QLabel)[:20]:
        assert QFontInfo(lab.font()).family() == "Noto Sans"
