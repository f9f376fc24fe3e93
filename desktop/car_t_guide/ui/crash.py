"""What happens on an unexpected error: a calm screen, and a log line without personal data.

``CrashHandler`` replaces ``sys.excepthook`` (which PySide6 calls for an exception raised in a
slot or a Qt virtual method) and ``threading.excepthook``. It logs the exception's type and
where it happened — never its message, which can quote a name or a phone number — then asks
``on_crash()`` to show the "Something went wrong" screen, from the event loop, after the
failing slot has returned. It never prints a traceback to stderr (stderr of a kiosk often ends
up in the system journal), unless ``show_details`` is set for developers.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal

from car_t_guide.core.machine.logs import code_location, describe_exception

log = logging.getLogger("car_t_guide.crash")


class CrashHandler(QObject):
    _crashed = Signal()

    def __init__(
        self,
        on_crash: Callable[[], None],
        *,
        show_details: bool = False,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._on_crash = on_crash
        self._show_details = show_details
        self._previous_hook = None
        self._previous_thread_hook = None
        self._in_on_crash = False
        self.count = 0
        # Queued: the screen is shown from the event loop (and from the GUI thread when the
        # error happened in another thread).
        self._crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> CrashHandler:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread
        return self

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            threading.excepthook = self._previous_thread_hook
            self._previous_hook = self._previous_thread_hook = None

    def handle(
        self,
        kind: type[BaseException],
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            (self._previous_hook or sys.__excepthook__)(kind, error, tb)
            return
        self.count += 1
        log.error("unexpected_error type=%s at %s", kind.__qualname__, code_location(tb))
        log.error("unexpected_error details: %s", describe_exception(kind, error, tb))
        if self._show_details:
            sys.__excepthook__(kind, error, tb)
        if self._in_on_crash:
            # The calm screen itself failed: do not try again in a loop.
            log.error("crash_screen_failed")
            return
        self._crashed.emit()

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self) -> None:
        self._in_on_crash = True
        try:
            self._on_crash()
        except Exception as error:  # the calm screen failed: log it, do not loop back here
            log.error(
                "crash_screen_failed type=%s at %s",
                type(error).__qualname__,
                code_location(error.__traceback__),
            )
        finally:
            self._in_on_crash = False


def install_crash_handler(
    on_crash: Callable[[], None], *, show_details: bool = False, parent: QObject | None = None
) -> CrashHandler:
    """Install and return the handler (keep it; ``uninstall()`` restores the old hooks)."""
    return CrashHandler(on_crash, show_details=show_details, parent=parent).install()
