"""Every control, picture and the chart has an accessible name or description, on every page and
every screen inside a page, for staff and at a kiosk: what a screen reader or read-aloud says
instead of "button" or "image". The chart's description is its key dates."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QLabel,
    QWidget,
)

from car_t_guide.core.journey import key_dates
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.examples import load_example
from car_t_guide.ui.navigation import PAGE_ORDER

TODAY = date(2013, 5, 1)


def is_picture(widget: QWidget) -> bool:
    """A picture: an illustration, the chart, a label showing an image, or a widget the app
    paints itself (the side-effect strip, a grade's steps, a topic's reviewed mark)."""
    if isinstance(widget, (QSvgWidget, QGraphicsView)):
        return True
    if isinstance(widget, QLabel):
        pixmap = widget.pixmap()
        return isinstance(pixmap, QPixmap) and not pixmap.isNull()
    cls = type(widget)
    return cls.__module__.startswith("car_t_guide.") and "paintEvent" in cls.__dict__


def is_control(widget: QWidget) -> bool:
    """Something a person reaches with Tab (not the text box inside a spin box or a list)."""
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return False
    return not isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox))


def unnamed(window, where: str) -> list[str]:
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or not (is_control(widget) or is_picture(widget)):
            continue
        if widget.accessibleName().strip() or widget.accessibleDescription().strip():
            continue
        problems.append(
            f"{where}: {type(widget).__name__} {widget.objectName()!r} in "
            f"{type(widget.parentWidget()).__name__}"
        )
    return problems


def every_screen(window):
    """Show each page, and each screen inside a page; yield where we are."""
    for page_id in PAGE_ORDER + ([] if window.kiosk else ["family"]):
        window.show_page(page_id)
        if page_id == "summary":
            window.pages["summary"].wait_until_built()
        QApplication.processEvents()
        yield page_id
        page = window.pages[page_id]
        for screen in getattr(page, "screen_ids", lambda: [])()[1:]:
            page.show_screen(screen)
            QApplication.processEvents()
            yield f"{page_id}:{screen}"
        if hasattr(page, "screen_ids"):
            page.show_screen(page.screen_ids()[0])


@pytest.mark.parametrize("kiosk", [False, True], ids=["staff", "kiosk"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_control_and_picture_has_a_name_on_every_page(qtbot, kiosk, lang):
    from car_t_guide.ui.app import create_application, create_main_window

    create_application()
    window = create_main_window(lang, CenterSettings(staff_pin_hash="x"), today=TODAY,
                                kiosk=kiosk)
    window.set_session(load_example(3, today=TODAY))  # a long history: every kind of row
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    try:
        problems = []
        checked = 0
        for where in every_screen(window):
            problems += unnamed(window, where)
            checked += 1
        assert checked > len(PAGE_ORDER)  # the screens inside pages were seen too
        if kiosk:
            window.kiosk_mode.still_there.start(30)
            problems += unnamed(window, "still there?")
            window.kiosk_mode.still_there.stop()
        assert problems == []
    finally:
        if window.kiosk_mode is not None:
            window.kiosk_mode.closing_allowed = True
        window.close()
        window.deleteLater()


def test_the_check_can_fail(make_window):
    window = make_window("en")
    window.warning_button.setAccessibleName("")
    window.warning_button.setText("")
    assert unnamed(window, "top bar") == ["top bar: QPushButton 'warningButton' in QFrame"]


def test_the_chart_is_described_by_its_key_dates(make_window):
    window = make_window("en")
    window._fixed_today = TODAY
    window.set_session(load_example(1, today=TODAY))
    window.show_page("journey")
    chart = window.journey_page.chart
    description = chart.accessibleDescription()
    keys = key_dates(window.session, window.settings, today=TODAY)
    drawn = [key for key in keys if any(label.item_id == key.id for label in
                                        chart.layout_data.labels)]
    assert len(drawn) >= 8
    for key in drawn:
        assert f"{key.title}: " in description
    assert "T cell collection: Wednesday, March 20, 2013." in description
    assert "image" not in description.lower()
