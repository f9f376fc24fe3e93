"""Load the journey chart's libraries (pyqtgraph, numpy) while the family reads the welcome
screen, so their first visit to the journey page does not wait about a fifth of a second for
them.

Start-up does not import them (the welcome screen is painted first); a moment after the window
is shown, once, the chart's module is imported in the GUI thread (pyqtgraph makes Qt objects as
it loads, so not in a worker thread). Someone who reaches the journey page sooner imports it
there, as before; the warm-up then costs nothing. The objects loaded by then are set aside from
later garbage collections (ui/gc_guard.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

# Long enough for the welcome screen to be painted and the read-aloud engine to start (400 ms);
# a family takes longer than this to find the journey page.
WARM_UP_AFTER_MS = 1500


def warm_up_chart_later(parent: QObject) -> QTimer:
    timer = QTimer(parent)
    timer.setObjectName("chartWarmUp")
    timer.setSingleShot(True)
    timer.timeout.connect(warm_up_chart)
    timer.start(WARM_UP_AFTER_MS)
    return timer


def warm_up_chart() -> None:
    import car_t_guide.ui.widgets.journey_chart  # noqa: F401 (pyqtgraph, numpy)
    from car_t_guide.ui.gc_guard import set_aside_what_is_loaded

    # Everything start-up needs is loaded now: later full collections skip it.
    set_aside_what_is_loaded()
