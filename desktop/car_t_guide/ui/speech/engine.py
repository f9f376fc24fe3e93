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
load itself runs in Qt's own code, without Python's lock (see ``SpeechWorker.set_up`` in
worker.py): measured, the screen never stops for more than a few tens of milliseconds while the
engine starts.

Which engine: ``CAR_T_GUIDE_SPEECH_ENGINE`` if set (tests use Qt's ``mock`` engine, which ships
in the wheel), else speech-dispatcher on Linux and Qt's default engine elsewhere. The mock
engine is never picked unless asked for.
"""

from __future__ import annotations

import atexit
import os
import sys

from PySide6.QtCore import QCoreApplication, QLoggingCategory, QObject, Qt, QThread, Signal, Slot

from car_t_guide.core.speech import Voice
from car_t_guide.ui.speech.worker import Availability, SpeechWorker

ENGINE_VARIABLE = "CAR_T_GUIDE_SPEECH_ENGINE"


def chosen_engine() -> str:
    """The engine read-aloud asks Qt for ("" = Qt's default for the platform)."""
    named = os.environ.get(ENGINE_VARIABLE, "").strip()
    if named:
        return named
    return "speechd" if sys.platform.startswith("linux") else ""



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
        self._worker: SpeechWorker | None = None
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
        self._worker = SpeechWorker(self.engine_name)
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
            # Queued, with a bounded wait: a speech-dispatcher that never answers keeps the
            # speech thread inside Qt's engine call, and the app must still end.
            QMetaObject.invokeMethod(worker, "close", Qt.ConnectionType.QueuedConnection)
            thread.quit()
            if not thread.wait(SHUTDOWN_WAIT_MS):
                # Stuck waiting on speech-dispatcher: the app is ending, and Qt would abort it
                # when the running thread is deleted, so the thread is stopped where it waits.
                thread.terminate()
                thread.wait(SHUTDOWN_WAIT_MS)
        self._worker = None


_shared: SpeechService | None = None
# How long the app waits for the speech thread to stop when it ends.
SHUTDOWN_WAIT_MS = 3000


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
