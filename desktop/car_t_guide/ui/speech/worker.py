"""The speech thread's side of read-aloud: it owns the QTextToSpeech object (made, used and
deleted only in that thread) and reports back to ``SpeechService`` (engine.py) through queued
signals. See engine.py for why there is a thread at all."""

from __future__ import annotations

import time
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal, Slot

from car_t_guide.core.i18n import SUPPORTED_LANGUAGES
from car_t_guide.core.speech import Voice, best_voice

# An engine that takes a text and never starts speaking it has failed.
NEVER_BEGAN_MS = 15_000


@dataclass(frozen=True)
class Availability:
    """What the engine can do, once it has started."""

    engine: str  # the engine's name, "" if none could start
    voices: tuple[Voice, ...] = ()  # every voice it has for the app's languages
    problem: str = ""  # why there is no engine, in the engine's words
    startup_seconds: float = 0.0

    def voice_for(self, lang: str, wanted: str = "") -> Voice | None:
        return best_voice(list(self.voices), lang, wanted)


class SpeechWorker(QObject):
    """Lives in the speech thread and owns the QTextToSpeech object."""

    ready = Signal(object)  # Availability
    began = Signal(int)
    ended = Signal(int)
    paused = Signal(int)
    resumed = Signal(int)
    failed = Signal(int, str)
    word = Signal(int, int, int)  # utterance, start, length in its text
    _switch_engine = Signal(str)
    _switched = Signal()

    def __init__(self, engine: str):
        super().__init__()
        self._engine_name = engine
        self._tts = None
        self._qvoices: dict[tuple[str, str], object] = {}
        self._current: int | None = None  # the utterance the engine is saying
        self._began = False
        self._pending: tuple | None = None  # waits for the engine to finish stopping
        self._watchdog: QTimer | None = None
        self._starting_up = False
        self._started = 0.0

    @Slot()
    def set_up(self) -> None:
        self._started = time.monotonic()
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(NEVER_BEGAN_MS)
        self._watchdog.timeout.connect(self._never_began)
        name = self._engine_name
        if name and name not in QTextToSpeech.availableEngines():
            self.ready.emit(Availability("", problem=f"no {name!r} speech engine in this Qt"))
            return
        # The mock engine starts at once. The real one is loaded by Qt's own setEngine slot,
        # called from this thread's event loop: a call from Python would hold Python's lock
        # for the seconds speech-dispatcher takes to list its voices, and the screen (Python
        # slots in the GUI thread) would freeze meanwhile.
        self._tts = QTextToSpeech("mock", self)
        if name == "mock":
            self._engine_loaded()
            return
        self._switch_engine.connect(self._tts.setEngine, Qt.ConnectionType.QueuedConnection)
        self._switched.connect(self._engine_loaded, Qt.ConnectionType.QueuedConnection)
        self._switch_engine.emit(name)  # "" = Qt's default engine for the platform
        self._switched.emit()  # queued after it: runs once the engine has loaded

    @Slot()
    def _engine_loaded(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts = self._tts
        name = self._engine_name
        if tts.engine() == "mock" and name != "mock":  # it did not load, or Qt found nothing
            self._tts = None
            shiboken6.delete(tts)
            self.ready.emit(Availability("", problem=f"the {name or 'default'} speech engine "
                                         "did not start"))
            return
        tts.stateChanged.connect(self._on_state)
        tts.sayingWord.connect(self._on_word)
        if tts.state() in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self._announce()
        else:  # it starts up in the background and says Ready (or Error) when done
            self._starting_up = True

    def _announce(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts = self._tts
        seconds = time.monotonic() - self._started
        if tts.state() == QTextToSpeech.State.Error:
            self.ready.emit(
                Availability("", problem=tts.errorString() or "the engine did not start",
                             startup_seconds=seconds)
            )
            return
        voices = []
        for locale in tts.availableLocales():
            if locale.name().split("_")[0] not in SUPPORTED_LANGUAGES:
                continue
            tts.setLocale(locale)
            for qvoice in tts.availableVoices():
                voice = Voice(qvoice.name(), qvoice.locale().name() or locale.name())
                if (voice.name, voice.locale) not in self._qvoices:
                    self._qvoices[(voice.name, voice.locale)] = qvoice
                    voices.append(voice)
        self.ready.emit(Availability(tts.engine(), tuple(voices), startup_seconds=seconds))

    # --- speaking ---------------------------------------------------------------------------
    @Slot(int, str, object, float, float)
    def say(self, utterance: int, text: str, voice: Voice, rate: float, volume: float) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._tts is None:
            self.failed.emit(utterance, "no speech engine")
            return
        self._pending = (utterance, text, voice, rate, volume)
        self._current = None
        if self._tts.state() in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Paused):
            self._tts.stop()  # the next one starts when the engine says it has stopped
            if self._tts.state() not in (
                QTextToSpeech.State.Speaking, QTextToSpeech.State.Paused
            ):
                self._start_pending()
        else:
            self._start_pending()

    def _start_pending(self) -> None:
        if self._pending is None:
            return
        utterance, text, voice, rate, volume = self._pending
        self._pending = None
        tts = self._tts
        qvoice = self._qvoices.get((voice.name, voice.locale))
        if qvoice is None:
            self.failed.emit(utterance, f"no voice {voice.name!r}")
            return
        if tts.voice() != qvoice:
            tts.setLocale(QLocale(voice.locale))
            tts.setVoice(qvoice)
        tts.setRate(rate)
        tts.setVolume(volume)
        self._current = utterance
        self._began = False
        self._watchdog.start()
        tts.say(text)

    @Slot()
    def stop(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._pending = None
        self._current = None
        if self._watchdog is not None:
            self._watchdog.stop()
        if self._tts is not None and self._tts.state() in (
            QTextToSpeech.State.Speaking, QTextToSpeech.State.Paused
        ):
            self._tts.stop()

    @Slot()
    def pause(self) -> None:
        if self._tts is not None and self._current is not None:
            self._tts.pause()

    @Slot()
    def resume(self) -> None:
        if self._tts is not None and self._current is not None:
            self._tts.resume()

    @Slot()
    def close(self) -> None:
        """Last call, in the speech thread: the engine goes, and this object goes back to the
        GUI thread so that it is deleted there."""
        self.stop()
        if self._tts is not None:
            tts, self._tts = self._tts, None
            shiboken6.delete(tts)
        if self._watchdog is not None:
            self._watchdog.stop()
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())

    def _on_state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._starting_up:
            if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
                self._starting_up = False
                self._announce()
            return
        current = self._current
        if state == QTextToSpeech.State.Speaking:
            if current is not None:
                if not self._began:
                    self._began = True
                    self._watchdog.stop()
                    self.began.emit(current)
                else:
                    self.resumed.emit(current)
        elif state == QTextToSpeech.State.Paused:
            if current is not None:
                self.paused.emit(current)
        elif state == QTextToSpeech.State.Ready:
            if self._pending is not None:
                self._start_pending()
            elif current is not None and self._began:
                self._current = None
                self.ended.emit(current)
        elif state == QTextToSpeech.State.Error:
            self._pending = None
            self._current = None
            if current is not None:
                self.failed.emit(current, self._tts.errorString())

    def _on_word(self, _word: str, _id: int, start: int, length: int) -> None:
        if self._current is not None:
            self.word.emit(self._current, start, length)

    def _never_began(self) -> None:
        current, self._current = self._current, None
        if current is not None:
            if self._tts is not None:
                self._tts.stop()
            self.failed.emit(current, "the speech engine did not start speaking")
