"""How quickly the screens answer: page switches, the journey page's first show, a language
switch, and the summary preview's first page, each beside a baseline from the same run.

    uv run python tests/benchmarks/bench_screens.py [--runs 5]

Each figure is the median over ``--runs`` fresh processes (offscreen). A figure runs from the
press (Next, a language) to the new page painted: the clock stops when the page showing has
received its paint event, as a frame on the screen would. Baselines, measured the same way:
- page switch and language switch: a bare QStackedWidget window of the same size switching
  between two plain pages of words (what Qt itself costs);
- the journey page's first show: the same bare switch (the goal is absolute: 300 ms). It is
  measured twice: "cold", pressing Next within the first moment after start-up, and after the
  welcome screen has been up for a moment (the app then loads the chart's libraries,
  ui/warm_up.py), which is what a family meets;
- the preview: a plain reportlab document of the same pages and fonts, built and loaded into
  QtPdf the same way.
Goals (issue 15): every page switch after its first show under one 60 Hz frame (16.7 ms), a
language switch under 100 ms, the journey page's first show under 300 ms. Next on a page of
several screens (side effects, check understanding) first steps through its screens: a new
screen is drawn from scratch, and is reported on its own lines.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

PAINTED = r"""
import time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

class PaintSeen(QObject):
    seen = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False

def painted(app, action, showing):
    # Seconds from `action` to the widget `showing()` returns afterwards, or a widget in it
    # (Qt skips a parent its children cover), being painted; watching is not counted.
    start = time.perf_counter()
    action()
    acted = time.perf_counter()
    widget, watcher = showing(), PaintSeen()
    watched = [widget, *widget.findChildren(QWidget)]
    for each in watched:
        each.installEventFilter(watcher)
    watching = time.perf_counter() - acted
    while not watcher.seen:
        app.processEvents()
        if time.perf_counter() - start > 10:
            raise SystemExit(f"never painted: {widget}")
    seconds = time.perf_counter() - start - watching
    for each in watched:
        each.removeEventFilter(watcher)
    return seconds
"""

BARE = PAINTED + r"""
import json
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget
app = QApplication([])
window = QMainWindow(); stack = QStackedWidget(); window.setCentralWidget(stack)
for text in ("One page of words. ", "Another page of words. "):
    stack.addWidget(QLabel(text * 40, wordWrap=True))
window.resize(1280, 800); window.show(); app.processEvents(); window.grab()
times = [painted(app, lambda i=i: stack.setCurrentIndex((i + 1) % 2), stack.currentWidget)
         for i in range(21)]
print(json.dumps({"switch": sorted(times)[len(times) // 2]}))
"""

APP = PAINTED + r"""
import json, sys
from datetime import date
from car_t_guide.ui.app import create_application, create_main_window
from car_t_guide.core.session.examples import load_example
from car_t_guide.ui.navigation import PAGE_ORDER
from car_t_guide.ui.warm_up import warm_up_chart
warm = sys.argv[1] == "warm"
app = create_application()
window = create_main_window("en", today=date(2013, 5, 20))
window.resize(1280, 800); window.show(); app.processEvents(); window.grab()
window.set_session(load_example(1, today=date(2013, 5, 20)))
app.processEvents()
if warm:
    warm_up_chart()  # what the app does once the welcome screen has been up a moment
showing = window.stack.currentWidget
figures = {}

def last_screen(page_id):
    page = window.pages[page_id]
    screens = page.screen_ids() if hasattr(page, "screen_ids") else []
    if screens:
        page.show_screen(screens[-1])

window.show_page("steps:6"); app.processEvents()
figures["journey_first"] = painted(app, window.go_next, showing)
if not warm:
    print(json.dumps(figures)); sys.exit()
for page in PAGE_ORDER[1:]:  # first shows (and the summary's PDF), not measured
    window.show_page(page); app.processEvents()
    if page == "summary":
        window.summary_page.wait_until_built()
switches = {}
for before, page in zip(PAGE_ORDER, PAGE_ORDER[1:]):
    window.show_page(before); last_screen(before); app.processEvents(); window.grab()
    switches[page] = painted(app, window.go_next, showing)
figures["switches"] = switches
screens = {}
for page_id in ("side-effects", "check-understanding"):
    page = window.pages[page_id]
    window.show_page(page_id); page.show_screen(page.screen_ids()[0]); app.processEvents()
    screens[page_id] = painted(app, window.go_next, showing)
figures["screens"] = screens
window.show_page("journey"); app.processEvents(); window.grab()
figures["language"] = painted(app, lambda: window.set_language("es"), showing)
figures["language_back"] = painted(app, lambda: window.set_language("en"), showing)
window.show_page("welcome"); app.processEvents()
window.summary_page.forget()
start = time.perf_counter()
window.show_page("summary"); window.summary_page.wait_until_built()
figures["preview"] = time.perf_counter() - start
figures["preview_pages"] = window.summary_page.document().pageCount()
print(json.dumps(figures))
"""

PLAIN_PREVIEW = r"""
import json, sys, time
sys.path.insert(0, "tests/benchmarks")
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QApplication
app = QApplication([])
from car_t_guide.report.fonts import register_fonts
from car_t_guide.report.paper import page_size
from bench_export import plain_document
pages = int(sys.argv[1])
start = time.perf_counter()
register_fonts()
pdf = plain_document(pages, page_size("letter"))
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
buffer = QBuffer(); buffer.setData(QByteArray(pdf)); buffer.open(QIODevice.OpenModeFlag.ReadOnly)
document = QPdfDocument(); document.load(buffer)
view = QPdfView(); view.setDocument(document); view.resize(800, 700); view.show()
app.processEvents(); view.viewport().grab()
print(json.dumps({"preview": time.perf_counter() - start}))
"""


def run(script: str, *args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Bytecode is cached, as on an installed kiosk (this sandbox may turn the cache off).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # Read-aloud's engine is the mock one: the figures do not depend on whether this machine
    # runs speech-dispatcher (bench_read_aloud.py times speech itself).
    env["CAR_T_GUIDE_SPEECH_ENGINE"] = "mock"
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                            text=True, env=env, check=True, timeout=300)  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    run(BARE), run(APP, "warm")  # bytecode and disk caches, for both
    bare, app, cold, plain = [], [], [], []
    for _ in range(args.runs):
        bare.append(run(BARE))
        app.append(run(APP, "warm"))
        cold.append(run(APP, "cold"))
        plain.append(run(PLAIN_PREVIEW, str(app[-1]["preview_pages"])))
    base = statistics.median(r["switch"] for r in bare)

    def row(name: str, seconds: float, baseline: float, goal: float | None) -> None:
        goal_text = ""
        if goal is not None:
            goal_text = f"  goal {goal * 1000:.1f} ms: {'met' if seconds <= goal else 'MISSED'}"
        print(f"{name:<44}{ms(seconds)}  baseline {ms(baseline)}  ratio {seconds / baseline:6.2f}"
              + goal_text)  # fmt: skip

    def median(key: str, runs: list[dict] = app) -> float:
        return statistics.median(r[key] for r in runs)

    print(f"screens, offscreen, press to painted, median of {args.runs} fresh processes")
    for page in app[0]["switches"]:
        seconds = statistics.median(r["switches"][page] for r in app)
        row(f"Next to {page}", seconds, base, 1 / 60)
    for page in app[0]["screens"]:
        seconds = statistics.median(r["screens"][page] for r in app)
        row(f"Next to {page}, its second screen", seconds, base, None)
    row("journey page, first show, cold", median("journey_first", cold), base, 0.3)
    row("journey page, first show, after warm-up", median("journey_first"), base, 0.3)
    row("language switch (en to es)", median("language"), base, 0.1)
    row("language switch (es to en)", median("language_back"), base, 0.1)
    row(f"summary preview, first page ({app[0]['preview_pages']} pages)", median("preview"),
        median("preview", plain), None)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
