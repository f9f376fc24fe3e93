"""How long the app takes to show its welcome screen, as a ratio to a bare PySide6 window.

    uv run python tests/benchmarks/bench_startup.py [--runs 7]

Each run is a fresh Python process (imports included, as a family at a kiosk would wait), timed
from process start to the first shown window, alternating the app and a bare QMainWindow so both
see the same machine. Also reports peak memory (max RSS) of each.
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
app.processEvents()
print(json.dumps({"seconds": time.perf_counter() - start,
                  "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

APP = r"""
import time, json, resource
start = time.perf_counter()
from car_t_guide.ui.app import create_application, create_main_window
app = create_application()
w = create_main_window("en"); w.show()
app.processEvents()
assert w.current_page_id() == "welcome"
print(json.dumps({"seconds": time.perf_counter() - start,
                  "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def run(script: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, check=True, timeout=120)
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
    app_m = statistics.median(r["max_rss_kib"] for r in app) / 1024
    print(f"welcome screen: {app_s * 1000:.0f} ms; bare PySide6 window: {bare_s * 1000:.0f} ms; "
          f"ratio {app_s / bare_s:.2f} (median of {args.runs})")
    print(f"peak memory: app {app_m:.0f} MiB; bare window {bare_m:.0f} MiB; "
          f"ratio {app_m / bare_m:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
