"""Cyclic garbage is collected in the GUI thread only (never in the PDF worker thread)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from car_t_guide.ui.app import create_application
from car_t_guide.ui.gc_guard import collect_only_in_gui_thread


class Node:
    def __init__(self):
        self.me = self  # a cycle: only the cyclic collector frees it


def test_automatic_collection_is_off_and_the_gui_timer_collects(qtbot):
    create_application()
    guard = collect_only_in_gui_thread()
    assert not gc.isenabled()
    collected_in = []
    original = gc.collect

    def spy(*args):
        collected_in.append(threading.current_thread() is threading.main_thread())
        return original(*args)

    # Widgets earlier tests left for deletion would be freed during the wait below and bring
    # the count of new objects back under the threshold: free them first.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    node = Node()
    alive = weakref.ref(node)
    del node
    for _ in range(2 * guard.thresholds[0]):  # enough new objects to make a collection due
        Node()
    gc.collect = spy
    try:
        qtbot.waitUntil(lambda: alive() is None, timeout=3000)
    finally:
        gc.collect = original
    assert collected_in and all(collected_in)
