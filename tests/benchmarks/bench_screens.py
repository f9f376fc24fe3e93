"""How quickly the screens answer: page switches, the journey page's first show, a language
switch, and the summary preview's first page, each beside a baseline from the same run.

    uv run python tests/benchmarks/bench_screens.py [--runs 5]

Each figure is the median of ``--runs`` fresh processes (offscreen). "Painted" means the window
was rendered (``QWidget.grab``), so drawing is part of every figure. Baselines:
- page switch and language switch: a bare QStackedWidget window of the same size switching
  between two plain pages, rendered the same way (what Qt itself costs);
- the journey page's first show: the same bare switch (the goal is absolute: under 300 ms);
- the preview: a plain reportlab document of the same pages and fonts, built and loaded into
  QtPdf the same way.
Goals (issue 15): every page switch after its first show under one 60 Hz frame (16.7 ms), a
language switch under 100 ms, the journey page's first show under 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

BARE = r"""
import json, time
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget
app = QApplication([])
window = QMainWindow(); stack = QStackedWidget(); window.setCentralWidget(stack)
for text in ("One page of words", "Another page of words"):
    stack.addWidget(QLabel(text * 20, wordWrap=True))
window.resize(1280, 800); window.show(); app.processEvents(); window.grab()
times = []
for i in range(20):
    start = time.perf_counter()
    stack.setCurrentIndex((i + 1) % 2); app.processEvents(); window.grab()
    times.append(time.perf_counter() - start)
print(json.dumps({"switch": sorted(times)[len(times) // 2]}))
"""

APP = r"""
import json, time
from datetime import date
from car_t_guide.ui.app import create_application, create_main_window
from car_t_guide.core.session.examples import load_example
from car_t_guide.ui.navigation import PAGE_ORDER
app = create_application()
window = create_main_window("en", today=date(2013, 5, 20))
window.resize(1280, 800); window.show(); app.processEvents(); window.grab()
window.set_session(load_example(1, today=date(2013, 5, 20)))
app.processEvents()

def painted(action):
    start = time.perf_counter()
    action(); app.processEvents(); window.grab()
    return time.perf_counter() - start

figures = {}
figures["journey_first"] = painted(lambda: window.show_page("journey"))
window.show_page("welcome"); app.processEvents()
for page in PAGE_ORDER[1:]:  # first shows (and the summary's PDF), not measured
    window.show_page(page); app.processEvents()
    if page == "summary":
        window.summary_page.wait_until_built()
window.show_page("welcome"); app.processEvents(); window.grab()
switches = {}
for page in PAGE_ORDER[1:]:
    if page == "summary":
        continue  # its preview is measured on its own below
    switches[page] = painted(window.go_next)
figures["switches"] = switches
figures["language"] = painted(lambda: window.set_language("es"))
window.set_language("en"); app.processEvents()
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
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                            text=True, env=env, check=True, timeout=300)  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bare, app, plain = [], [], []
    for _ in range(args.runs):
        bare.append(run(BARE))
        app.append(run(APP))
        plain.append(run(PLAIN_PREVIEW, str(app[-1]["preview_pages"])))
    base = statistics.median(r["switch"] for r in bare)

    def row(name: str, seconds: float, baseline: float, goal: float | None) -> None:
        goal_text = ""
        if goal is not None:
            goal_text = f"  goal {goal * 1000:.0f} ms: {'met' if seconds <= goal else 'MISSED'}"
        print(f"{name:<34}{ms(seconds)}  baseline {ms(baseline)}  ratio {seconds / baseline:6.2f}"
              + goal_text)  # fmt: skip

    print(f"screens, offscreen, median of {args.runs} fresh processes")
    for page in app[0]["switches"]:
        row(f"Next to {page}", statistics.median(r["switches"][page] for r in app), base, 1 / 60)
    row("journey page, first show", statistics.median(r["journey_first"] for r in app), base,
        0.3)  # fmt: skip
    row("language switch (en to es)", statistics.median(r["language"] for r in app), base, 0.1)
    row(f"summary preview, first page ({app[0]['preview_pages']} pages)",
        statistics.median(r["preview"] for r in app),
        statistics.median(r["preview"] for r in plain), None)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
