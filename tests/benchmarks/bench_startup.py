"""How long the app takes to paint its welcome screen, and its peak memory with the journey
page drawn, each as a ratio to a bare PySide6 window of the same size.

    uv run python tests/benchmarks/bench_startup.py [--runs 7]

Each run is a fresh Python process (imports included, as a family at a kiosk would wait), timed
from process start to the window rendered (``QWidget.grab``, the same for both), alternating the
app and a bare QMainWindow so both see the same machine. Peak memory is the process's max RSS:
for the app, after the journey page of example family 1 has been drawn as well (pyqtgraph and
numpy loaded); for the bare window, after it was drawn. Goals (issue 15): start at most 1.5x the
bare window, peak memory with the journey page at most 1.6x.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

BARE = r"""
import time, json, resource
start = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("Welcome")); w.resize(1280, 800); w.show()
app.processEvents(); w.grab()
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds,
                  "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

APP = r"""
import time, json, resource
start = time.perf_counter()
from car_t_guide.ui.app import create_application, create_main_window
app = create_application()
w = create_main_window("en"); w.resize(1280, 800); w.show()
app.processEvents(); w.grab()
seconds = time.perf_counter() - start
assert w.current_page_id() == "welcome"
rss_welcome = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from datetime import date
from car_t_guide.core.session.examples import load_example
w.set_session(load_example(1, today=date(2013, 5, 20)))
w.show_page("journey"); app.processEvents(); w.grab()
print(json.dumps({"seconds": seconds, "welcome_rss_kib": rss_welcome,
                  "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def run(script: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Bytecode is cached, as on an installed kiosk (this sandbox may turn the cache off).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, check=True, timeout=120)  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    run(BARE), run(APP)  # warm the disk cache for both
    bare, app = [], []
    for _ in range(args.runs):
        bare.append(run(BARE))
        app.append(run(APP))
    bare_s = statistics.median(r["seconds"] for r in bare)
    app_s = statistics.median(r["seconds"] for r in app)
    bare_m = statistics.median(r["max_rss_kib"] for r in bare) / 1024
    app_w = statistics.median(r["welcome_rss_kib"] for r in app) / 1024
    app_m = statistics.median(r["max_rss_kib"] for r in app) / 1024

    def verdict(ratio: float, goal: float) -> str:
        return f"goal {goal}: {'met' if ratio <= goal else 'MISSED'}"

    print(f"start-up and memory, offscreen, median of {args.runs} fresh processes each")
    print(f"welcome screen painted: {app_s * 1000:.0f} ms; bare PySide6 window: "
          f"{bare_s * 1000:.0f} ms; ratio {app_s / bare_s:.2f}  {verdict(app_s / bare_s, 1.5)}")
    print(f"peak memory with the journey drawn: {app_m:.0f} MiB; bare window {bare_m:.0f} MiB; "
          f"ratio {app_m / bare_m:.2f}  {verdict(app_m / bare_m, 1.6)}")
    print(f"peak memory at the welcome screen: {app_w:.0f} MiB; ratio {app_w / bare_m:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
