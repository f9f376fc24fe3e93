"""The welcome screen appears without the heavy modules (chart, numbers, PDF)."""

from __future__ import annotations

from tests.ui.qt_script import run_offscreen

SCRIPT = r"""
import json, sys
from car_t_guide.ui.app import create_application, create_main_window
app = create_application()
window = create_main_window("en")
window.show()
app.processEvents()
assert window.current_page_id() == "welcome"
heavy = sorted(m for m in ("pyqtgraph", "numpy", "reportlab", "PySide6.QtPdf",
                            "PySide6.QtPdfWidgets", "PySide6.QtTextToSpeech")
               if m in sys.modules)
print(json.dumps(heavy))
"""


def test_welcome_screen_does_not_import_heavy_modules():
    assert run_offscreen(SCRIPT) == []


def test_the_check_can_fail():
    assert run_offscreen("import reportlab\n" + SCRIPT) == ["reportlab"]


WARM_UP = r"""
import gc, json, sys
from datetime import date
from car_t_guide.ui.app import create_application, create_main_window
from car_t_guide.ui.warm_up import warm_up_chart_later
app = create_application()
window = create_main_window("en", today=date(2013, 5, 20))
window.show()
app.processEvents()
before = "pyqtgraph" in sys.modules
made_before = sorted(page.page_id for page in window.pages.made())
timer = warm_up_chart_later(window)
timer.timeout.emit()  # as if the welcome screen had been up for a moment
after = "pyqtgraph" in sys.modules and gc.get_freeze_count() > 0
window.load_example(1)
app.processEvents()
chart = window.journey_page.chart
print(json.dumps([before, made_before, after, timer.isSingleShot(), chart.layout_data is not None]))
"""


def test_only_the_welcome_page_is_made_and_the_chart_loads_while_it_shows():
    before, made, after, once, drawn = run_offscreen(WARM_UP)
    assert made == ["welcome"]  # the other pages wait until they are first shown
    # The chart's libraries are loaded, and what start-up loaded is out of later collections.
    assert (before, after, once, drawn) == (False, True, True, True)


WATCHERS = r"""
import json
from PySide6.QtTest import QTest
from car_t_guide.ui import input_guard
from car_t_guide.ui.app import create_application, create_main_window, watch_input_once_painted
from car_t_guide.ui.widgets import focus_ring
app = create_application(watch_input=False)  # the app's own start (run_app)
window = create_main_window("en")
window.show()
before = [input_guard._guard is not None, focus_ring._rings is not None]
watch_input_once_painted(app, window)
assert QTest.qWaitForWindowExposed(window)
for _ in range(500):  # until the zero timer queued by the first frame has run (at most 5 s)
    if input_guard._guard is not None:
        break
    QTest.qWait(10)
after = [input_guard._guard is not None, focus_ring._rings is not None]
styled = type(window.language_box.itemDelegate()).__name__
print(json.dumps([before, after, styled]))
"""


def test_the_input_watchers_come_once_the_first_screen_is_painted():
    before, after, styled = run_offscreen(WATCHERS)
    assert before == [False, False]  # not on the way to the first frame
    assert after == [True, True]  # the wheel guard, Return presses and the focus ring
    assert styled == "QStyledItemDelegate"  # the language list follows the text size
