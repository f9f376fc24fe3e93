"""Read-aloud in the window, through Qt's mock speech engine (tests/conftest.py picks it): what
is said is the transcript, in order; the highlight follows; speech stops when the page, the
language or the family changes; the button is there only where a voice is."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel

from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.examples import load_example
from car_t_guide.core.speech import SLOWER_STEP
from car_t_guide.ui.navigation import PAGE_ORDER
from car_t_guide.ui.speech.reader import IDLE, PAUSED, READING
from car_t_guide.ui.speech.transcript import transcript

TODAY = date(2013, 5, 1)


@pytest.fixture
def reading_window(make_window, qtbot):
    """A window with example family 1 whose read-aloud has an English voice."""

    def make(lang="en", settings=None):
        window = make_window(lang, settings)
        window._fixed_today = TODAY
        window.set_session(load_example(1, today=TODAY))
        qtbot.waitUntil(window.read_aloud.service.is_ready, timeout=10_000)
        return window

    return make


class Said:
    """What the reader hands the engine, in order (a spy on SpeechService.say)."""

    def __init__(self, service, monkeypatch):
        self.calls: list[tuple[str, float]] = []
        real = service.say

        def say(text, voice, rate=0.0, volume=0.8):
            self.calls.append((text, rate))
            return real(text, voice, rate, volume)

        monkeypatch.setattr(service, "say", say)

    @property
    def texts(self) -> list[str]:
        return [text for text, _rate in self.calls]


def read_through(window, qtbot) -> tuple[list[str], list]:
    """Read the showing page to its end, hurrying the mock engine: each paragraph is ended as
    soon as the engine has begun saying it. What was begun, and what was highlighted."""
    read_aloud = window.read_aloud
    service = read_aloud.service
    begun: list[int] = []
    service.began.connect(begun.append)
    spoken, highlighted = [], []
    try:
        with qtbot.waitSignal(service.began, timeout=5000):
            read_aloud.read_button.click()
        while read_aloud.reader.state == READING:
            utterance = service.latest()
            qtbot.waitUntil(lambda u=utterance: u in begun, timeout=5000)
            paragraph = read_aloud.reader.paragraphs[read_aloud.reader.index]
            spoken.append(paragraph.text)
            highlighted.append((read_aloud.reader.highlighted(), paragraph.widget))
            service.ended.emit(utterance)  # as the engine says when it has finished
    finally:
        service.began.disconnect(begun.append)
    return spoken, highlighted


def test_what_is_said_on_every_page_is_the_transcript(reading_window, qtbot, monkeypatch):
    window = reading_window()
    said = Said(window.read_aloud.service, monkeypatch)
    for page_id in PAGE_ORDER:
        expected = transcript(
            page_id, lang="en", session=load_example(1, today=TODAY), today=TODAY
        )
        window.show_page(page_id)
        if page_id == "summary":
            window.pages["summary"].wait_until_built()
        said.calls.clear()
        spoken, highlighted = read_through(window, qtbot)
        assert said.texts == expected, page_id
        assert spoken == expected, page_id
        for shown, paragraph_widget in highlighted:
            assert shown is paragraph_widget, page_id
        assert window.read_aloud.reader.highlighted() is None  # gone at the end of the page


def test_the_mock_engine_says_the_words_of_the_page(reading_window, qtbot):
    """Unhurried: the engine's own word-by-word report of the welcome page."""
    window = reading_window(settings=CenterSettings(speech_rate=1.0))  # 50 ms a word
    service = window.read_aloud.service
    words, texts = [], {}
    service.word.connect(lambda u, start, length: words.append((u, start, length)))
    window.read_aloud.reader.paragraph_started.connect(
        lambda _i, text: texts.__setitem__(service.latest(), text)
    )
    window.read_aloud.read_button.click()
    qtbot.waitUntil(lambda: window.read_aloud.reader.state == IDLE, timeout=60_000)
    heard = [texts[u][start:start + length] for u, start, length in words]
    expected = transcript("welcome", lang="en", today=TODAY)
    assert heard == re.findall(r"\w+", " ".join(expected))


def test_the_highlight_is_on_the_paragraph_and_scrolled_into_view(reading_window, qtbot):
    window = reading_window(settings=CenterSettings(speech_rate=-1.0))  # slow: time to look
    window.resize(900, 600)
    window.show_page("steps:2")
    reader = window.read_aloud.reader
    service = window.read_aloud.service
    with qtbot.waitSignal(service.began, timeout=5000):
        window.read_aloud.read_button.click()
    last = len(reader.paragraphs) - 1
    while reader.index < last:  # on to the last paragraph, far below the fold
        with qtbot.waitSignal(service.began, timeout=5000):
            service.ended.emit(service.latest())
    widget = reader.highlighted()
    assert widget is reader.paragraphs[last].widget
    page = window.pages["steps:2"]
    viewport = page.scroll.viewport()
    where = QRect(widget.mapTo(viewport, widget.rect().topLeft()), widget.size())
    assert page.scroll.verticalScrollBar().value() > 0
    assert viewport.rect().intersects(where)
    frame = reader._highlight
    assert frame.isVisible() and frame.geometry().contains(
        widget.geometry().center() if widget.parentWidget() is frame.parentWidget()
        else frame.geometry().center()
    )
    window.read_aloud.stop_button.click()
    assert reader.highlighted() is None


def test_pause_keep_reading_back_one_part_and_stop(reading_window, qtbot, monkeypatch):
    window = reading_window(settings=CenterSettings(speech_rate=-1.0))
    read_aloud = window.read_aloud
    reader, service = read_aloud.reader, read_aloud.service
    assert not read_aloud.stop_button.isVisible()  # only while a page is read
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(service.began, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_F9)  # the shortcut reads the page
    assert reader.state == READING and read_aloud.read_button.text() == "Pause"
    assert read_aloud.stop_button.isVisible() and read_aloud.back_button.isVisible()
    with qtbot.waitSignal(service.paused, timeout=5000):
        read_aloud.read_button.click()
    assert reader.state == PAUSED and read_aloud.read_button.text() == "Keep reading"
    with qtbot.waitSignal(service.resumed, timeout=5000):
        read_aloud.read_button.click()
    assert reader.state == READING
    with qtbot.waitSignal(service.began, timeout=5000):
        service.ended.emit(service.latest())
    with qtbot.waitSignal(service.began, timeout=5000):
        service.ended.emit(service.latest())
    assert reader.index == 2
    said = Said(service, monkeypatch)
    with qtbot.waitSignal(service.began, timeout=5000):
        read_aloud.back_button.click()
    assert reader.index == 1 and said.texts == [reader.paragraphs[1].text]
    read_aloud.stop_button.click()
    assert reader.state == IDLE and read_aloud.read_button.text() == "Read aloud"
    assert not read_aloud.stop_button.isVisible()
    with qtbot.assertNotEmitted(service.began, wait=300):
        pass


def test_slower_says_the_paragraph_again_more_slowly(reading_window, qtbot, monkeypatch):
    window = reading_window(settings=CenterSettings(speech_rate=0.2))
    read_aloud = window.read_aloud
    said = Said(read_aloud.service, monkeypatch)
    with qtbot.waitSignal(read_aloud.service.began, timeout=5000):
        read_aloud.read_button.click()
    with qtbot.waitSignal(read_aloud.service.began, timeout=5000):
        read_aloud.slower_button.click()
    (first, normal), (again, slower) = said.calls
    assert first == again == read_aloud.reader.paragraphs[0].text
    assert normal == 0.2 and slower == pytest.approx(0.2 - SLOWER_STEP)


@pytest.mark.parametrize("change", ["page", "language", "screen", "text size"])
def test_speech_stops_when_the_page_changes(reading_window, qtbot, change):
    window = reading_window(settings=CenterSettings(speech_rate=-1.0))
    window.show_page("side-effects")
    read_aloud = window.read_aloud
    service = read_aloud.service
    with qtbot.waitSignal(service.began, timeout=5000):
        read_aloud.read_button.click()
    if change == "page":
        window.go_next()
    elif change == "language":
        window.set_language("es")
    elif change == "screen":
        window.side_effects_page.show_screen("crs")
    else:
        window.text_size_buttons["large"].click()
    qtbot.waitUntil(lambda: read_aloud.reader.state == IDLE, timeout=2000)
    assert read_aloud.reader.highlighted() is None
    with qtbot.assertNotEmitted(service.began, wait=300):
        pass


def test_the_button_is_shown_only_where_there_is_a_voice(reading_window, qtbot):
    window = reading_window()
    read_aloud = window.read_aloud
    assert read_aloud.read_button.isVisible() and read_aloud.touch_button.isVisible()
    window.set_language("es")  # the mock engine has no Spanish voice
    assert not read_aloud.read_button.isVisible() and not read_aloud.touch_button.isVisible()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert read_aloud.reader.state == IDLE  # the shortcut does nothing either
    window.set_language("en")
    assert read_aloud.read_button.isVisible()


def test_a_center_can_turn_read_aloud_off(reading_window):
    window = reading_window(settings=CenterSettings(read_aloud=False))
    assert not any(button.isVisible() for button in window.read_aloud.buttons)


def test_no_engine_no_button(make_window, qtbot):
    from car_t_guide.ui.speech.engine import SpeechService
    from car_t_guide.ui.speech.read_aloud import ReadAloud

    window = make_window("en")
    service = SpeechService("no-such-engine")
    with qtbot.waitSignal(service.ready, timeout=10_000):
        service.start()
    try:
        read_aloud = ReadAloud(window, service)
        QApplication.processEvents()
        assert not read_aloud.is_available()
        assert not any(button.isVisibleTo(window) for button in read_aloud.buttons)
    finally:
        service.shutdown()


def test_read_what_i_touch_says_what_is_touched_and_where_a_touch_led(
    reading_window, qtbot, monkeypatch
):
    window = reading_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    read_aloud = window.read_aloud
    said = Said(read_aloud.service, monkeypatch)
    read_aloud.touch_button.click()
    assert read_aloud.touch.active
    said.calls.clear()
    window.show_page("warning-signs")
    page = window.pages["warning-signs"]
    assert said.texts == [page.scroll.widget().layout().itemAt(0).widget().text()]  # its title
    said.calls.clear()
    layout = page.scroll.widget().layout()
    widgets = [layout.itemAt(i).widget() for i in range(1, layout.count())]
    intro = next(w for w in widgets if isinstance(w, QLabel))  # the first paragraph
    qtbot.mouseClick(intro, Qt.MouseButton.LeftButton)
    assert said.texts == [intro.text()]
    said.calls.clear()
    window.language_box.setFocus()
    qtbot.keyClick(window.language_box, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert said.texts == [focused.accessibleName()]
    read_aloud.touch_button.click()
    said.calls.clear()
    qtbot.mouseClick(intro, Qt.MouseButton.LeftButton)
    assert said.texts == []


def test_the_first_screen_comes_before_the_speech_engine(tmp_path):
    """QtTextToSpeech is imported after the welcome screen is drawn, not before."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from car_t_guide.ui.app import create_application, create_main_window\n"
        "app = create_application()\n"
        "w = create_main_window('en'); w.show(); app.processEvents()\n"
        "print('PySide6.QtTextToSpeech' in sys.modules)\n"
        "from PySide6.QtCore import QTimer\n"
        "w.read_aloud.service.ready.connect(app.quit)\n"
        "QTimer.singleShot(20000, app.quit)\n"
        "app.exec()\n"
        "print('PySide6.QtTextToSpeech' in sys.modules, w.read_aloud.is_available())\n"
        "w.read_aloud.service.shutdown()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True"]


def test_a_kiosk_can_start_with_read_what_i_touch_on_and_keeps_it_for_the_next_family(qtbot):
    from car_t_guide.ui.app import create_application, create_main_window

    create_application()
    settings = CenterSettings(staff_pin_hash="x", read_what_i_touch=True)
    window = create_main_window("en", settings, today=TODAY, kiosk=True)
    window.show()
    try:
        read_aloud = window.read_aloud
        qtbot.waitUntil(lambda: read_aloud.touch is not None and read_aloud.touch.active,
                        timeout=10_000)
        assert read_aloud.touch_button.isChecked()
        read_aloud.touch_button.click()  # this family turns it off …
        assert not read_aloud.touch.active
        window.kiosk_mode.forget_family()  # … the next one finds it on again
        assert read_aloud.touch.active and read_aloud.touch_button.isChecked()
    finally:
        window.kiosk_mode.stop()
        window.kiosk_mode.closing_allowed = True
        window.close()
        window.deleteLater()
