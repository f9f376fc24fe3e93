"""Read-aloud in the main window: the top-bar buttons, the F9 shortcut, and when to stop.

The window makes one ``ReadAloud`` and puts its ``buttons`` in the top bar. Nothing speaks until
the engine has started (in its thread, a moment after the first screen is shown) and has a voice
for the language showing: until then, and in a language without a voice, the buttons are
hidden — never a button that does nothing. A center can turn read-aloud off (``read_aloud =
false``).

- "Read aloud" (F9) reads the page; while reading it is "Pause", then "Keep reading".
- "Read what I touch" says each button or line as it is touched or reached with Tab.
- While a page is read, a bar above Back / Next shows where the reading is ("Part 3 of 12")
  with "Back one part", "Stop reading" and "Slower" (the window puts ``reading_bar`` there):
  the top bar stays as short as it was, at every text size.

Speech stops when the page, its screen or the language changes, on "Start over" and when a
kiosk forgets the family (``forget()``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton

from car_t_guide.core import i18n
from car_t_guide.core.i18n import _
from car_t_guide.core.speech import NORMAL, SLOWER, Voice, rate_for
from car_t_guide.ui.speech.engine import SpeechService, shared_service
from car_t_guide.ui.speech.reader import IDLE, PAUSED, READING, PageReader
from car_t_guide.ui.speech.reading import page_paragraphs
from car_t_guide.ui.widgets.text import label

if TYPE_CHECKING:
    from car_t_guide.ui.main_window import MainWindow

# The engine starts this long after the window is made: the first screen is drawn first.
START_AFTER_MS = 400
SHORTCUT = "F9"


class ReadAloud(QObject):
    def __init__(self, window: MainWindow, service: SpeechService | None = None):
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.enabled = bool(self.settings.read_aloud)
        self.service = service or shared_service()
        self.speed = NORMAL
        self.reader = PageReader(
            self.service, self.voice, self.rate, lambda: self.settings.speech_volume, self
        )
        self.reader.state_changed.connect(self._show_state)
        self.touch = None  # ui/speech/touch.py, made when first switched on
        self._create_buttons()
        self.action = QAction(window, shortcut=QKeySequence(SHORTCUT), triggered=self.toggle)
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(self.action)
        window.page_changed.connect(self._on_page_changed)
        window.language_changed.connect(self._on_language_changed)
        self.retranslate()
        self._show_availability()
        if self.enabled:
            self.service.ready.connect(self._on_engine_ready)
            if self.service.is_ready():
                QTimer.singleShot(0, self._on_engine_ready)
            else:
                QTimer.singleShot(START_AFTER_MS, self.service.start)

    # --- the buttons --------------------------------------------------------------------------
    def _create_buttons(self) -> None:
        self.read_button = QPushButton()
        self.read_button.setObjectName("readAloud")
        self.read_button.clicked.connect(self.toggle)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.reader.back)
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.reader.stop)
        self.slower_button = QPushButton()
        self.slower_button.setCheckable(True)
        self.slower_button.toggled.connect(self._on_slower)
        self.touch_button = QPushButton()
        self.touch_button.setCheckable(True)
        self.touch_button.toggled.connect(self.set_read_what_i_touch)
        # In the top bar:
        self.buttons = [self.read_button, self.touch_button]
        for button in self.buttons:
            button.setVisible(False)
        # Over Back / Next while a page is read:
        self.reading_bar = QFrame()
        self.reading_bar.setObjectName("readingBar")
        row = QHBoxLayout(self.reading_bar)
        row.setContentsMargins(16, 8, 16, 0)
        self.progress_label = label("", "position")
        row.addWidget(self.progress_label, 1)
        for button in (self.back_button, self.stop_button, self.slower_button):
            row.addWidget(button)
        self.reading_bar.setVisible(False)
        self.reader.paragraph_started.connect(self._show_progress)

    def retranslate(self) -> None:
        texts = {
            self.back_button: _("Back one part"),
            self.stop_button: _("Stop reading"),
            self.slower_button: _("Slower"),
            self.touch_button: _("Read what I touch"),
        }
        for button, text in texts.items():
            button.setText(text)
            button.setAccessibleName(text)
            button.setToolTip(text)
        self._show_state(self.reader.state)

    def _show_state(self, state: str) -> None:
        text = {IDLE: _("Read aloud"), READING: _("Pause"), PAUSED: _("Keep reading")}[state]
        self.read_button.setText(text)
        self.read_button.setAccessibleName(text)
        self.read_button.setToolTip(f"{text} ({SHORTCUT})")
        self._show_availability()

    def _show_availability(self) -> None:
        available = self.is_available()
        self.read_button.setVisible(available)
        self.touch_button.setVisible(available)
        self.reading_bar.setVisible(available and self.reader.state != IDLE)
        self.action.setEnabled(available)

    def _show_progress(self, index: int, _text: str) -> None:
        text = _("Part {number} of {total}").format(
            number=index + 1, total=len(self.reader.paragraphs)
        )
        self.progress_label.setText(text)
        self.progress_label.setAccessibleName(text)

    # --- what the engine can do ---------------------------------------------------------------
    def voice(self) -> Voice | None:
        """The voice for the language showing, or None (then nothing is offered)."""
        if not self.enabled:
            return None
        lang = i18n.current_language()
        return self.service.voice_for(lang, getattr(self.settings, f"speech_voice_{lang}", ""))

    def rate(self) -> float:
        return rate_for(self.speed, self.settings.speech_rate)

    def is_available(self) -> bool:
        return self.voice() is not None

    @Slot()
    def _on_engine_ready(self) -> None:
        self._show_availability()
        if self.settings.read_what_i_touch and self.window.kiosk:
            self.touch_button.setChecked(True)

    # --- what the family does -----------------------------------------------------------------
    @Slot()
    def toggle(self) -> None:
        """The speaker button and F9: read the page, pause, keep reading."""
        if not self.is_available():
            return
        if self.reader.state == IDLE:
            self.read_page()
        elif self.reader.state == READING:
            self.reader.pause()
        else:
            self.reader.resume()

    def read_page(self) -> bool:
        page = self.window.stack.currentWidget()
        return self.reader.read(page)

    def stop(self) -> None:
        self.reader.stop()

    def _on_slower(self, checked: bool) -> None:
        self.speed = SLOWER if checked else NORMAL
        self.reader.restart_paragraph()

    def set_read_what_i_touch(self, on: bool) -> None:
        if on and self.touch is None:
            from car_t_guide.ui.speech.touch import TouchReader

            quiet = {*self.buttons, self.back_button, self.stop_button, self.slower_button}
            self.touch = TouchReader(self.window, self.reader, quiet, self)
        if self.touch is not None:
            self.touch.set_active(on)
        if self.touch_button.isChecked() != on:
            self.touch_button.setChecked(on)

    def say(self, text: str) -> bool:
        """Say one thing now (the "Still there?" question), if read-aloud can."""
        return self.is_available() and self.reader.say_once(text)

    # --- when speech stops ---------------------------------------------------------------------
    def _on_page_changed(self, _page_id: str) -> None:
        self.reader.stop()
        if self.touch is not None and self.touch.active:
            # A touch that opened a page says where it led: the page's first words (its title).
            first = page_paragraphs(self.window.stack.currentWidget())[:1]
            if first:
                self.reader.say_once(first[0].text)

    def _on_language_changed(self, _lang: str) -> None:
        self.reader.stop()
        self.retranslate()

    def forget(self) -> None:
        """A kiosk's next family: nothing goes on being said, and the modes start afresh."""
        self.reader.stop()
        self.slower_button.setChecked(False)
        self.set_read_what_i_touch(bool(self.settings.read_what_i_touch and self.window.kiosk))
        self._show_availability()
