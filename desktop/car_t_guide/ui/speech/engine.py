"""The speech engine behind a small interface, in a thread of its own.

``SpeechService`` is what the rest of the app uses: ``start()``, then, once ``ready`` has been
said, ``voice_for(lang)``, ``say(text, voice, rate, volume)`` (an utterance number comes back),
``pause()``, ``resume()``, ``stop()``. It reports ``began``, ``ended`` (by itself, not stopped),
``paused``, ``resumed``, ``failed`` and, where the engine tells, ``word`` — each with the
utterance number, so a late report about an utterance that was stopped can be ignored.

Why a thread: Qt's speech-dispatcher engine lists every voice the synthesizer has when it is
loaded (13,000 espeak-ng voices and variants: 2 to 3 seconds), and its calls go over a socket.
The QTextToSpeech object is made, used and deleted only in the speech thread; the GUI thread
talks to it through queued signals and never waits for it (except once, at shutdown). The slow
load itself runs in Qt's own code, without Python's lock (see ``_Worker.set_up``): measured, the
screen never stops for more than a few tens of milliseconds while the engine starts.

Which engine: ``CAR_T_GUIDE_SPEECH_ENGINE`` if set (tests use Qt's ``mock`` engine, which ships
in the wheel), else speech-dispatcher on Linux and Qt's default engine elsewhere. The mock
engine is never picked unless asked for.
"""

from __future__ import annotations

import atexit
import os
import sys
import time
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QLoggingCategory,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)

from car_t_guide.core.i18n import SUPPORTED_LANGUAGES
from car_t_guide.core.speech import Voice, best_voice

ENGINE_VARIABLE = "CAR_T_GUIDE_SPEECH_ENGINE"
# An engine that takes a text and never starts speaking it has failed.
NEVER_BEGAN_MS = 15_000


def chosen_engine() -> str:
    """The engine read-aloud asks Qt for ("" = Qt's default for the platform)."""
    named = os.environ.get(ENGINE_VARIABLE, "").strip()
    if named:
        return named
    return "speechd" if sys.platform.startswith("linux") else ""


@dataclass(frozen=True)
class Availability:
    """What the engine can do, once it has started."""

    engine: str  # the engine's name, "" if none could start
    voices: tuple[Voice, ...] = ()  # every voice it has for the app's languages
    problem: str = ""  # why there is no engine, in the engine's words
    startup_seconds: float = 0.0

    def voice_for(self, lang: str, wanted: str = "") -> Voice | None:
        return best_voice(list(self.voices), lang, wanted)


class _Worker(QObject):
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
        self.moveToThread(QCoreApplication.instance().thread())

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


class SpeechService(QObject):
    """The GUI thread's side of the speech engine. See the module's comment."""

    ready = Signal()
    began = Signal(int)
    ended = Signal(int)
    paused = Signal(int)
    resumed = Signal(int)
    failed = Signal(int, str)
    word = Signal(int, int, int)

    _say = Signal(int, str, object, float, float)
    _stop = Signal()
    _pause = Signal()
    _resume = Signal()

    def __init__(self, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.engine_name = chosen_engine() if engine is None else engine
        self.availability: Availability | None = None
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._last = 0

    def start(self) -> None:
        """Start the engine in its thread (once); ``ready`` follows."""
        if self._thread is not None:
            return
        from car_t_guide.ui.gc_guard import collect_only_in_gui_thread

        collect_only_in_gui_thread()  # before the speech thread runs any Python
        # QtTextToSpeech brings QtMultimedia, which says on stderr that it found no PipeWire
        # library; it does not need one to speak.
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
        # The module itself is small (Qt's plugin is loaded by the worker): importing it here,
        # in the GUI thread, keeps its type registration out of the speech thread.
        import PySide6.QtTextToSpeech  # noqa: F401

        self._thread = QThread()
        self._thread.setObjectName("speech")
        self._worker = _Worker(self.engine_name)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.set_up)
        self._worker.ready.connect(self._on_ready)
        for ours, theirs in (
            (self.began, self._worker.began),
            (self.ended, self._worker.ended),
            (self.paused, self._worker.paused),
            (self.resumed, self._worker.resumed),
            (self.failed, self._worker.failed),
            (self.word, self._worker.word),
        ):
            theirs.connect(ours.emit)
        self._say.connect(self._worker.say)
        self._stop.connect(self._worker.stop)
        self._pause.connect(self._worker.pause)
        self._resume.connect(self._worker.resume)
        self._thread.start()

    def is_started(self) -> bool:
        return self._thread is not None

    def is_ready(self) -> bool:
        return self.availability is not None

    @Slot(object)
    def _on_ready(self, availability: Availability) -> None:
        self.availability = availability
        self.ready.emit()

    def voice_for(self, lang: str, wanted: str = "") -> Voice | None:
        """The voice that reads ``lang``, or None (no engine yet, or no voice for it)."""
        if self.availability is None:
            return None
        return self.availability.voice_for(lang, wanted)

    def say(self, text: str, voice: Voice, rate: float = 0.0, volume: float = 0.8) -> int:
        """Say ``text`` (stopping whatever was being said); its utterance number."""
        self._last += 1
        self._say.emit(self._last, text, voice, float(rate), float(volume))
        return self._last

    def stop(self) -> None:
        self._last += 1  # whatever comes back about earlier utterances is old news
        self._stop.emit()

    def pause(self) -> None:
        self._pause.emit()

    def resume(self) -> None:
        self._resume.emit()

    def latest(self) -> int:
        """The number of the last utterance asked for."""
        return self._last

    def shutdown(self) -> None:
        """Stop the engine and its thread, and wait for them (the app is ending)."""
        if self._thread is None:
            return
        thread, worker = self._thread, self._worker
        self._thread = None
        from PySide6.QtCore import QMetaObject

        if thread.isRunning():
            QMetaObject.invokeMethod(worker, "close", Qt.ConnectionType.BlockingQueuedConnection)
            thread.quit()
            thread.wait()
        self._worker = None


_shared: SpeechService | None = None


def shared_service() -> SpeechService:
    """The app's one speech service (made on first use, stopped when the app ends)."""
    global _shared
    if _shared is None:
        _shared = SpeechService()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(_shutdown_shared)
        atexit.register(_shutdown_shared)
    return _shared


def _shutdown_shared() -> None:
    if _shared is not None:
        _shared.shutdown()
