"""Run slow work (the summary PDF) in a worker thread, and hear the outcome in the GUI thread.

Modelled on Anki's ``CollectionOp``: ``job.run(work, success=..., failure=...)``. Each run makes
every earlier one stale: a run not started yet never starts, and a result that comes back for a
stale run is dropped, so the page only ever hears about what it asked for last. ``cancel()``
makes the current run stale too (a kiosk forgetting a family).

Nothing of Qt is created, deleted or collected in the worker: each task and its signals are
made in the GUI thread and let go there, and cyclic garbage is collected only in the GUI thread
(ui/gc_guard.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal

from car_t_guide.ui.gc_guard import collect_only_in_gui_thread


class _Signals(QObject):
    succeeded = Signal(int, object, str)  # run number, result, worker thread's name
    failed = Signal(int, object)  # run number, the exception


class _Task(QRunnable):
    def __init__(self, number: int, work: Callable[[], Any]):
        super().__init__()
        self.setAutoDelete(False)  # Python owns it (BackgroundJob._in_flight) until it is done
        self.signals = _Signals()
        self.number = number
        self.work: Callable[[], Any] | None = work
        self.done = False

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as problem:  # noqa: BLE001 - handed to the failure callback
            self.signals.failed.emit(self.number, problem)
        else:
            self.signals.succeeded.emit(self.number, result, threading.current_thread().name)
        finally:
            self.work = None  # what it closed over (a family's session) goes now
            self.done = True


class BackgroundJob(QObject):
    """One kind of work, one run at a time, the latest run's outcome only."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        collect_only_in_gui_thread()  # before the first worker thread exists
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._latest = 0
        self._in_flight: set[_Task] = set()
        self._callbacks: tuple[Callable, Callable] | None = None
        #: the worker thread's name of the last run that succeeded (for tests)
        self.thread_name = ""

    def run(
        self,
        work: Callable[[], Any],
        *,
        success: Callable[[Any], None],
        failure: Callable[[BaseException], None],
    ) -> None:
        self.cancel()
        self._latest += 1
        self._callbacks = (success, failure)
        task = _Task(self._latest, work)
        task.signals.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        task.signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._in_flight.add(task)
        self._pool.start(task)

    def cancel(self) -> None:
        """Make the current run stale: it never starts, or its outcome is dropped."""
        self._latest += 1
        self._callbacks = None
        for task in list(self._in_flight):
            if not task.done and self._pool.tryTake(task):
                task.work = None
                task.done = True
        self._prune()

    def _prune(self) -> None:
        self._in_flight = {task for task in self._in_flight if not task.done}

    def _on_succeeded(self, number: int, result: Any, thread_name: str) -> None:
        QTimer.singleShot(0, self._prune)
        if number == self._latest and self._callbacks is not None:
            success, _failure = self._callbacks
            self._callbacks = None
            self.thread_name = thread_name
            success(result)

    def _on_failed(self, number: int, problem: BaseException) -> None:
        QTimer.singleShot(0, self._prune)
        if number == self._latest and self._callbacks is not None:
            _success, failure = self._callbacks
            self._callbacks = None
            failure(problem)
