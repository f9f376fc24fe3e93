"""How long the app takes to paint its welcome screen, and its peak memory with the journey
page drawn, each as a ratio to a bare PySide6 window of the same size.

    uv run python tests/benchmarks/bench_startup.py [--runs 7]

Each run is a fresh Python process (imports included, as a family at a kiosk would wait), timed
from process start to the window's first frame painted (the same for both), alternating the
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

# The clock stops once the window's first expose has been handled (Qt paints the window while
# handling it): a zero timer queued from the expose fires right after that paint.
FIRST_FRAME = r"""
import time
from PySide6.QtCore import QEvent, QObject, QTimer

class FirstFrame(QObject):
    painted_at = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and self.painted_at is None:
            QTimer.singleShot(0, self.stop)
        return False
    def stop(self):
        if self.painted_at is None:
            self.painted_at = time.perf_counter()

def wait_for_first_frame(app, window):
    frame = FirstFrame()
    window.windowHandle().installEventFilter(frame)
    return frame
"""

BARE = r"""
import time, json, resource
start = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
""" + FIRST_FRAME + r"""
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("Welcome")); w.resize(1280, 800); w.show()
frame = wait_for_first_frame(app, w)
while frame.painted_at is None:
    app.processEvents()
seconds = frame.painted_at - start
print(json.dumps({"seconds": seconds,
                  "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

# The app's own start (ui/app.py run_app): the input watchers come once the window is painted.
APP = r"""
import time, json, resource
start = time.perf_counter()
from car_t_guide.ui.app import create_application, create_main_window, watch_input_once_painted
""" + FIRST_FRAME + r"""
app = create_application(watch_input=False)
w = create_main_window("en"); w.resize(1280, 800); w.show()
frame = wait_for_first_frame(app, w)
watch_input_once_painted(app, w)
while frame.painted_at is None:
    app.processEvents()
seconds = frame.painted_at - start
assert w.current_page_id() == "welcome"
app.processEvents(); w.grab()
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
    # Read-aloud's engine is the mock one: the figures do not depend on whether this machine
    # runs speech-dispatcher (bench_read_aloud.py times speech itself).
    env["CAR_T_GUIDE_SPEECH_ENGINE"] = "mock"
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
