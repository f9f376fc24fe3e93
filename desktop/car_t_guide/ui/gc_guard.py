"""Python's cyclic garbage collection, only ever in the GUI thread.

The summary PDF is built in a worker thread. If Python's collector ran there, it could free a
cycle holding Qt widgets of the GUI thread, from the wrong thread: a crash (seen as a rare
segmentation fault "Garbage-collecting" in the worker). So automatic collection is switched off
for the whole process and a timer in the GUI thread collects instead, generation by generation,
with the same thresholds Python itself uses (the approach of pyqtgraph's GarbageCollector).
Reference counting still frees everything that is not in a cycle at once.

Once the app has loaded what it needs (``set_aside_what_is_loaded``, a moment after start-up),
the objects alive then (modules, classes, content, the libraries' own) are collected once and
set aside (``gc.freeze``): a full collection then looks only at what came after, about 0.2 ms
instead of about 20 ms, so it never stalls a page switch.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500

_guard: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start()

    def collect_if_due(self) -> None:
        young, middle, old = gc.get_count()
        if young > self.thresholds[0]:
            gc.collect(0)
            if middle > self.thresholds[1]:
                gc.collect(1)
                if old > self.thresholds[2]:
                    gc.collect(2)


def set_aside_what_is_loaded() -> None:
    """Collect once, then leave everything alive now out of later full collections."""
    gc.collect()
    gc.freeze()


def collect_only_in_gui_thread() -> GuiThreadCollector:
    """Install once, after the QApplication exists (idempotent)."""
    global _guard
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    if _guard is None or _guard.parent() is not app:
        _guard = GuiThreadCollector(app)
    return _guard
