"""Reading a page aloud, paragraph by paragraph, with the one being read highlighted and
scrolled into view.

``PageReader.read(page)`` says each of ``page_paragraphs(page)`` in turn through a
``SpeechService``; ``pause()``, ``resume()``, ``back()`` (one paragraph), ``stop()``, and
``set_rate()`` (the current paragraph starts again at the new speed). ``say_once(text)`` says
one thing with nothing highlighted ("read what I touch", the "Still there?" question).

A page that rebuilds itself while it is read (a new screen, a language or text size) throws its
widgets away: the reader notices before each paragraph, and stops.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from car_t_guide.core.speech import Voice
from car_t_guide.ui import theme
from car_t_guide.ui.speech.engine import SpeechService
from car_t_guide.ui.speech.reading import Paragraph, page_paragraphs

IDLE, READING, PAUSED = "idle", "reading", "paused"


class Highlight(QWidget):
    """A calm frame drawn over the paragraph being read; it lets every touch through."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("readAloudHighlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None

    def follow(self, target: QWidget, words: str) -> None:
        self.target = target
        self.setAccessibleName(words)  # a screen reader hears what is being read
        top_left = target.mapTo(self.parentWidget(), target.rect().topLeft())
        pad = 6
        self.setGeometry(QRect(top_left, target.size()).adjusted(-pad, -pad // 2, pad, pad // 2))
        self.show()
        self.raise_()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(theme.FOCUS)
        fill.setAlpha(40)
        painter.setBrush(fill)
        painter.setPen(QPen(QColor(theme.FOCUS), 3))
        painter.drawRoundedRect(self.rect().adjusted(2, 2, -2, -2), 8, 8)
        painter.end()


class PageReader(QObject):
    state_changed = Signal(str)  # IDLE, READING, PAUSED
    paragraph_started = Signal(int, str)  # its number in the page, its words

    def __init__(
        self,
        service: SpeechService,
        voice: Callable[[], Voice | None],
        rate: Callable[[], float],
        volume: Callable[[], float],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.service = service
        self._voice = voice
        self._rate = rate
        self._volume = volume
        self.state = IDLE
        self.page = None
        self.paragraphs: list[Paragraph] = []
        self.index = 0
        self._content: QWidget | None = None
        self._utterance = 0
        self._done_while_paused = False
        self._highlight: Highlight | None = None
        self._reading = 0  # counts the pages read, so that news about an old one is ignored
        self._watch = None  # the connection to the read page's "destroyed"
        service.ended.connect(self._on_ended)
        service.failed.connect(self._on_failed)

    # --- what the owner asks --------------------------------------------------------------
    def read(self, page, start: int = 0) -> bool:
        """Read ``page`` from paragraph ``start``; False when there is nothing to read."""
        self.stop()
        paragraphs = page_paragraphs(page)
        if not paragraphs or self._voice() is None:
            return False
        self.page = page
        self._content = page.scroll.widget()
        # The page rebuilt (another screen, its zoom, a date picked): what is said is gone.
        self._reading += 1
        self._watch = self._content.destroyed.connect(
            lambda *_args, reading=self._reading: self._on_content_gone(reading)
        )
        self.paragraphs = paragraphs
        self.index = max(0, min(start, len(paragraphs) - 1))
        self._set_state(READING)
        self._say_current()
        return True

    def pause(self) -> None:
        if self.state == READING:
            self.service.pause()
            self._set_state(PAUSED)

    def resume(self) -> None:
        if self.state != PAUSED:
            return
        self._set_state(READING)
        if self._done_while_paused:
            self._done_while_paused = False
            self._next()
        else:
            self.service.resume()

    def back(self) -> None:
        """Back one paragraph (or the first one again), reading from there."""
        if self.state == IDLE:
            return
        self.index = max(0, self.index - 1)
        self._done_while_paused = False
        self._set_state(READING)
        self._say_current()

    def restart_paragraph(self) -> None:
        """Say the current paragraph again from its start (e.g. at a new speed)."""
        if self.state != IDLE:
            self._done_while_paused = False
            self._set_state(READING)
            self._say_current()

    def stop(self) -> None:
        if self.state != IDLE or self._utterance:
            self.service.stop()
        self._utterance = 0
        self._done_while_paused = False
        self._clear_highlight()
        if self._watch is not None:
            if self._content is not None and shiboken6.isValid(self._content):
                QObject.disconnect(self._watch)
            self._watch = None
        self.page = None
        self._content = None
        self.paragraphs = []
        self._set_state(IDLE)

    def say_once(self, text: str) -> bool:
        """Say one thing (what was touched, a question), stopping any page being read."""
        voice = self._voice()
        self.stop()
        if not text or voice is None:
            return False
        self.service.say(text, voice, self._rate(), self._volume())
        return True

    def highlighted(self) -> QWidget | None:
        """The widget being read, while it is highlighted."""
        if self._highlight is None or not shiboken6.isValid(self._highlight):
            return None
        if self._highlight.isHidden():
            return None
        return self._highlight.target

    # --- the flow -------------------------------------------------------------------------
    def _page_is_unchanged(self) -> bool:
        return (
            self.page is not None
            and shiboken6.isValid(self.page)
            and self._content is not None
            and shiboken6.isValid(self._content)
            and self.page.scroll.widget() is self._content
        )

    def _say_current(self) -> None:
        if not self._page_is_unchanged():
            self.stop()
            return
        paragraph = self.paragraphs[self.index]
        voice = self._voice()
        if voice is None or not shiboken6.isValid(paragraph.widget):
            self.stop()
            return
        self._show_highlight(paragraph.widget)
        self._utterance = self.service.say(paragraph.text, voice, self._rate(), self._volume())
        self.paragraph_started.emit(self.index, paragraph.text)

    def _next(self) -> None:
        if self.index + 1 >= len(self.paragraphs):
            self.stop()  # the end of the page
            return
        self.index += 1
        self._say_current()

    def _on_ended(self, utterance: int) -> None:
        if utterance != self._utterance or self.state == IDLE:
            return
        if self.state == PAUSED:
            self._done_while_paused = True  # the next paragraph waits for "Keep reading"
            return
        self._next()

    def _on_content_gone(self, reading: int) -> None:
        if not shiboken6.isValid(self):  # the window went first
            return
        if reading == self._reading and self.state != IDLE:
            self._content = None
            self.stop()

    def _on_failed(self, utterance: int, _why: str) -> None:
        if utterance == self._utterance:
            self.stop()

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    # --- the highlight --------------------------------------------------------------------
    def _show_highlight(self, widget: QWidget) -> None:
        content = self._content
        if self._highlight is None or not shiboken6.isValid(self._highlight) or (
            self._highlight.parentWidget() is not content
        ):
            self._highlight = Highlight(content)
        self._highlight.follow(widget, self.paragraphs[self.index].text)
        self.page.scroll.ensureWidgetVisible(widget, 16, 32)

    def _clear_highlight(self) -> None:
        if self._highlight is not None and shiboken6.isValid(self._highlight):
            self._highlight.hide()
            self._highlight.deleteLater()
        self._highlight = None
