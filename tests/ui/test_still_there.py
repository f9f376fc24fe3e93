"""The "Still there?" screen: covers the window, counts down, and any touch answers it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QMainWindow, QPushButton

from car_t_guide.ui.widgets.still_there import StillThereOverlay


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    page_button = QPushButton("Next")
    win.setCentralWidget(page_button)
    win.page_button = page_button
    qtbot.addWidget(win)
    win.resize(1024, 700)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_it_covers_the_window_and_counts_down_from_30(qtbot, window):
    overlay = StillThereOverlay(window)
    assert not overlay.isVisible()
    overlay.start(30)
    assert overlay.isVisible() and overlay.is_counting()
    assert overlay.geometry() == window.rect()
    assert overlay.question.text() == "Are you still there?"
    assert overlay.countdown.text() == "Everything you entered will be cleared in 30 seconds."
    assert overlay.button.text() == "I'm still here"
    assert overlay.button.height() >= 44
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: overlay.size() == QSize(1280, 800))
    overlay.stop()


def test_the_countdown_ends_in_timed_out(qtbot, window):
    overlay = StillThereOverlay(window)
    with qtbot.assertNotEmitted(overlay.still_here), qtbot.waitSignal(overlay.timed_out,
                                                                      timeout=3000):
        overlay.start(0.6)
        assert overlay.countdown.text() == "Everything you entered will be cleared in 1 second."
    assert not overlay.isVisible() and not overlay.is_counting()


def test_the_button_answers(qtbot, window):
    overlay = StillThereOverlay(window)
    overlay.start(30)
    with qtbot.waitSignal(overlay.still_here, timeout=1000):
        qtbot.mouseClick(overlay.button, Qt.MouseButton.LeftButton)
    assert not overlay.isVisible()
    with qtbot.assertNotEmitted(overlay.timed_out, wait=200):
        pass


@pytest.mark.parametrize("how", ["key", "touch elsewhere"])
def test_any_input_answers_and_does_nothing_else(qtbot, window, how):
    overlay = StillThereOverlay(window)
    clicks = []
    window.page_button.clicked.connect(lambda: clicks.append(1))
    overlay.start(30)
    with qtbot.waitSignal(overlay.still_here, timeout=1000):
        if how == "key":
            qtbot.keyClick(window.page_button, Qt.Key.Key_Space)
        else:
            qtbot.mousePress(window.page_button, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.mouseRelease(window.page_button, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert clicks == []  # the answer did not press the page's button
    assert not overlay.is_counting()


def test_stop_says_nothing(qtbot, window):
    overlay = StillThereOverlay(window)
    overlay.start(0.3)
    with qtbot.assertNotEmitted(overlay.timed_out, wait=600), \
            qtbot.assertNotEmitted(overlay.still_here):
        overlay.stop()
    assert not overlay.isVisible()


def test_it_can_be_shown_again(qtbot, window):
    overlay = StillThereOverlay(window)
    overlay.start(30)
    overlay.button.click()
    overlay.start(30)
    assert overlay.is_counting() and overlay.isVisible()
    overlay.stop()


def test_nothing_is_cut_off_in_a_small_window_at_the_largest_text(qtbot, window):
    window.resize(800, 600)
    overlay = StillThereOverlay(window)
    overlay.set_scale(2.0)
    overlay.start(30)
    qtbot.waitUntil(lambda: overlay.size() == window.size())
    for text_label in (overlay.question, overlay.countdown, overlay.hint):
        assert text_label.height() >= text_label.heightForWidth(text_label.width()), (
            text_label.text()
        )
    for widget in (overlay.card, overlay.button):
        top_left = widget.mapTo(overlay, widget.rect().topLeft())
        bottom_right = widget.mapTo(overlay, widget.rect().bottomRight())
        assert overlay.rect().contains(top_left) and overlay.rect().contains(bottom_right)
    assert overlay.button.height() >= 44
    overlay.stop()


def test_with_the_idle_watcher_the_count_starts_again_after_still_here(qtbot, window):
    """The wiring the main window uses: idle -> overlay; still here -> count again."""
    from car_t_guide.ui.idle import IdleWatcher

    watcher = IdleWatcher(0.3)
    overlay = StillThereOverlay(window)
    watcher.idle.connect(lambda: overlay.start(30))
    overlay.still_here.connect(watcher.restart)
    watcher.start()
    try:
        qtbot.waitUntil(overlay.is_counting, timeout=2000)
        qtbot.mouseClick(overlay.button, Qt.MouseButton.LeftButton)
        assert not overlay.is_counting()
        # No more input: the overlay comes back by itself.
        qtbot.waitUntil(overlay.is_counting, timeout=2000)
    finally:
        watcher.stop()
        overlay.stop()
