"""The staff corner: a press held 2 s near the top-left corner, and nothing else."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from car_t_guide.ui.corner_press import CornerPressDetector

HOLD = 0.3  # the real hold is 2 s; the tests use a short one


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    central = QWidget()
    column = QVBoxLayout(central)
    column.setContentsMargins(0, 0, 0, 0)
    win.title = QLabel("CAR T Family Guide")  # a widget in the corner takes the press
    column.addWidget(win.title)
    column.addStretch(1)
    win.setCentralWidget(central)
    win.resize(1024, 700)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def detector(window):
    found = CornerPressDetector(window, hold_seconds=HOLD)
    found.start()
    yield found
    found.stop()


def test_defaults_are_2_seconds_and_60_px(window):
    detector = CornerPressDetector(window)
    assert detector._hold.interval() == 2000 and detector.zone_px == 60
    assert detector.in_zone(QPoint(60, 60)) and not detector.in_zone(QPoint(61, 10))


def test_a_long_press_on_whatever_is_in_the_corner(qtbot, window, detector):
    where = window.title.mapFrom(window, QPoint(12, 10))
    with qtbot.waitSignal(detector.long_pressed, timeout=2000):
        qtbot.mousePress(window.title, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseRelease(window.title, Qt.MouseButton.LeftButton, pos=where)


def test_a_tap_is_not_enough(qtbot, window, detector):
    with qtbot.assertNotEmitted(detector.long_pressed, wait=int(HOLD * 2000)):
        qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        qtbot.wait(int(HOLD * 400))
        qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))


def test_a_long_press_elsewhere_is_not_it(qtbot, window, detector):
    with qtbot.assertNotEmitted(detector.long_pressed, wait=int(HOLD * 2000)):
        qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(300, 200))
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(300, 200))


def test_sliding_out_of_the_corner_stops_it(qtbot, window, detector):
    with qtbot.assertNotEmitted(detector.long_pressed, wait=int(HOLD * 2000)):
        qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        QTest.mouseMove(window, QPoint(200, 200))
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))


def test_a_right_click_is_not_it(qtbot, window, detector):
    with qtbot.assertNotEmitted(detector.long_pressed, wait=int(HOLD * 2000)):
        qtbot.mousePress(window, Qt.MouseButton.RightButton, pos=QPoint(5, 5))
    qtbot.mouseRelease(window, Qt.MouseButton.RightButton, pos=QPoint(5, 5))


def test_a_long_touch_counts(qtbot, window, detector):
    device = QTest.createTouchDevice()
    with qtbot.waitSignal(detector.long_pressed, timeout=2000):
        QTest.touchEvent(window, device).press(0, QPoint(8, 8), window).commit()
    QTest.touchEvent(window, device).release(0, QPoint(8, 8), window).commit()


def test_a_short_touch_is_not_enough(qtbot, window, detector):
    device = QTest.createTouchDevice()
    with qtbot.assertNotEmitted(detector.long_pressed, wait=int(HOLD * 2000)):
        QTest.touchEvent(window, device).press(0, QPoint(8, 8), window).commit()
        qtbot.wait(int(HOLD * 300))
        QTest.touchEvent(window, device).release(0, QPoint(8, 8), window).commit()


def test_stopped_detector_says_nothing(qtbot, window, detector):
    detector.stop()
    with qtbot.assertNotEmitted(detector.long_pressed, wait=int(HOLD * 2000)):
        qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
