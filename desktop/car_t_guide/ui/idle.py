"""Notice when nobody has touched the kiosk for a while.

``IdleWatcher`` watches every event the application receives (an application-wide event
filter) and treats touch, mouse, key and wheel input as a person being there. After
``timeout_seconds`` without any, it emits ``idle()`` once; the next input emits ``activity()``
and starts the count again.

``wait_for_touch()`` stops the count until the next input: a kiosk that has just forgotten a
family (or has just started) sits on a clean welcome screen, and nobody is there to ask "Still
there?" until someone touches it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

USER_INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.TabletRelease,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.Wheel,
        QEvent.Type.InputMethod,  # on-screen keyboards type through the input method
    }
)
# One touch reaches the filter several times (the window, then each widget it bubbles up to):
# inputs closer together than this count once.
_SAME_INPUT_SECONDS = 0.05


def is_user_input(event: QEvent) -> bool:
    """True for input from a person. Qt's own synthetic events (a mouse move sent because a
    widget appeared under a resting pointer) are not spontaneous and do not count."""
    return event.type() in USER_INPUT and event.spontaneous()


class IdleWatcher(QObject):
    idle = Signal()
    activity = Signal()

    def __init__(self, timeout_seconds: float, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(_precise_for(timeout_seconds))
        self._timer.timeout.connect(self._on_timeout)
        self._timeout_ms = 0
        self.set_timeout(timeout_seconds)
        self._last_input = float("-inf")
        self._running = False

    @property
    def timeout_seconds(self) -> float:
        return self._timeout_ms / 1000

    def set_timeout(self, seconds: float) -> None:
        if not seconds > 0:
            raise ValueError(f"idle timeout must be more than 0 seconds, not {seconds}")
        self._timeout_ms = max(1, round(seconds * 1000))
        self._timer.setTimerType(_precise_for(seconds))
        if self._timer.isActive():
            self._timer.start(self._timeout_ms)

    def is_running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Start watching; the count starts now."""
        if not self._running:
            QApplication.instance().installEventFilter(self)
            self._running = True
        self._timer.start(self._timeout_ms)

    def stop(self) -> None:
        if self._running:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._running = False
        self._timer.stop()

    def restart(self) -> None:
        """Count from now again (someone answered "Still there?", or is listening)."""
        if self._running:
            self._timer.start(self._timeout_ms)

    def wait_for_touch(self) -> None:
        """No count until the next input: nobody has touched the screen since it was wiped."""
        self._timer.stop()

    def is_counting(self) -> bool:
        """True while a spell without input is being timed."""
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._running and is_user_input(event):
            now = time.monotonic()
            if now - self._last_input >= _SAME_INPUT_SECONDS:
                self._last_input = now
                self._timer.start(self._timeout_ms)
                self.activity.emit()
        return False  # only watching: the event goes on to where it was going

    def _on_timeout(self) -> None:
        if self._running:
            self.idle.emit()


def _precise_for(seconds: float) -> Qt.TimerType:
    # Coarse timers may fire up to 5% late; fine for minutes, not for the short waits in tests.
    return Qt.TimerType.PreciseTimer if seconds < 10 else Qt.TimerType.CoarseTimer
