"""Stop cleanly on SIGTERM (systemd, clinic IT), SIGINT (Ctrl+C) and SIGHUP (the terminal or
session that started the app went away), even while Qt's event loop runs.

Python runs its signal handlers only when the interpreter gets control, and inside
``app.exec()`` it may not for a long time. So the C-level handler also writes the signal's
number into a socket (``signal.set_wakeup_fd``); a ``QSocketNotifier`` on the other end wakes
Qt, which calls into Python, which runs the handler. Where that cannot be set up, a 200 ms
timer gives Python control regularly instead.

The handler then calls ``on_stop(signal_number)`` once, and ends the event loop with
``app.exit(0)``. Not ``quit()``: in Qt 6 ``quit()`` first asks every window to close and gives
up when one refuses — as the kiosk window does.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QThread, QTimer

FALLBACK_INTERVAL_MS = 200
DEFAULT_SIGNALS = (signal.SIGTERM, signal.SIGINT) + (
    (signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ()
)


class StopOnSignals(QObject):
    def __init__(
        self,
        on_stop: Callable[[int], None],
        signals: Iterable[int] = DEFAULT_SIGNALS,
        *,
        use_wakeup_fd: bool = True,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._on_stop = on_stop
        self._signals = tuple(signals)
        self._previous_handlers: dict[int, object] = {}
        self._previous_wakeup_fd: int | None = None
        self._sockets: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None
        self._timer: QTimer | None = None
        self._stopping = False
        self.mode = ""
        self._install(use_wakeup_fd)

    # --- setting up ----------------------------------------------------------------------------
    def _install(self, use_wakeup_fd: bool) -> None:
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("signal handlers can only be installed from the main thread")
        for number in self._signals:
            self._previous_handlers[number] = signal.signal(number, self._python_handler)
        if use_wakeup_fd and self._install_wakeup_fd():
            self.mode = "wakeup-fd"
        else:
            self._timer = QTimer(self)
            self._timer.setInterval(FALLBACK_INTERVAL_MS)
            self._timer.timeout.connect(lambda: None)  # only to let Python run its handlers
            self._timer.start()
            self.mode = "timer"

    def _install_wakeup_fd(self) -> bool:
        try:
            reader, writer = socket.socketpair()
            reader.setblocking(False)
            writer.setblocking(False)
        except OSError:
            return False
        try:
            self._previous_wakeup_fd = signal.set_wakeup_fd(
                writer.fileno(), warn_on_full_buffer=False
            )
        except (ValueError, OSError):
            reader.close()
            writer.close()
            return False
        self._sockets = (reader, writer)
        self._notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        return True

    def uninstall(self) -> None:
        """Put back the handlers that were there before (tests; a second window)."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._sockets is not None:
            with contextlib.suppress(ValueError):
                signal.set_wakeup_fd(
                    -1 if self._previous_wakeup_fd is None else self._previous_wakeup_fd
                )
            for sock in self._sockets:
                sock.close()
            self._sockets = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        for number, handler in self._previous_handlers.items():
            signal.signal(number, handler)
        self._previous_handlers.clear()

    # --- on a signal -------------------------------------------------------------------------
    def _drain(self) -> None:
        # The bytes are only a wake-up call; by now Python has run (or is about to run) the
        # handler, which does the work.
        if self._sockets is None:
            return
        with contextlib.suppress(BlockingIOError, InterruptedError, OSError):
            while self._sockets[0].recv(64):
                pass

    def _python_handler(self, number: int, _frame) -> None:
        # Runs between two Python steps, maybe in the middle of some slot: only schedule the stop,
        # let the event loop run it when that slot is done.
        if self._stopping:
            # Asked again while stopping (Ctrl+C twice): end the loop at once.
            QCoreApplication.exit(0)
            return
        self._stopping = True
        QTimer.singleShot(0, lambda: self._stop(number))

    def _stop(self, number: int) -> None:
        if QThread.currentThread().loopLevel() == 0:
            # A signal during start-up, seen by a processEvents() before app.exec(): exit() would
            # do nothing yet, so wait for the event loop.
            QTimer.singleShot(50, lambda: self._stop(number))
            return
        try:
            self._on_stop(number)
        finally:
            QCoreApplication.exit(0)


def install_stop_handler(
    on_stop: Callable[[int], None],
    signals: Iterable[int] = DEFAULT_SIGNALS,
    *,
    use_wakeup_fd: bool = True,
) -> StopOnSignals:
    """Call ``on_stop(signal_number)`` then ``app.exit(0)`` on SIGTERM or SIGINT. Call after the
    QApplication exists, from the main thread; keep the returned object (it is parented to the
    application, so it lives as long as it)."""
    return StopOnSignals(
        on_stop, signals, use_wakeup_fd=use_wakeup_fd, parent=QCoreApplication.instance()
    )
