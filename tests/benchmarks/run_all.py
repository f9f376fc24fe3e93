"""Every benchmark, one after the other: the one command the README documents.

    uv run python tests/benchmarks/run_all.py           # the full runs (some minutes)
    uv run python tests/benchmarks/run_all.py --quick   # fewer runs each: what CI prints

Benchmarks are not tests: they report figures measured against a baseline taken in the same
run (a bare PySide6 window, a plain reportlab document), because machines here are shared and
noisy; each figure is printed beside its baseline, the ratio and the goal it has (issue 15).
They are kept out of `uv run pytest`. CI runs the quick form after the tests as a report: a slow
figure never fails it (the log shows the regression), a benchmark that cannot run at all does.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Each benchmark with the arguments of its quick form.
BENCHMARKS = {
    "bench_startup.py": ["--runs", "3"],
    "bench_screens.py": ["--runs", "3"],
    "bench_export.py": ["--runs", "3"],
    "bench_history.py": ["--runs", "1"],
    "soak_kiosk.py": ["--cycles", "40", "--warm-up", "10"],
}
# A benchmark that hangs is stopped, said, and the others still run.
TIMEOUT_SECONDS = 900


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs of each (CI)")
    args = parser.parse_args()
    # Read-aloud's engine is Qt's mock one, so the figures do not depend on whether the machine
    # runs speech-dispatcher (bench_read_aloud.py, run on its own, times speech itself).
    env = dict(os.environ, CAR_T_GUIDE_SPEECH_ENGINE="mock")
    status = 0
    for name, quick_args in BENCHMARKS.items():
        print(f"== {name}", flush=True)
        start = time.perf_counter()
        command = [sys.executable, str(HERE / name), *(quick_args if args.quick else [])]
        try:
            code = subprocess.run(command, env=env, timeout=TIMEOUT_SECONDS).returncode
        except subprocess.TimeoutExpired:
            print(f"{name} did not finish in {TIMEOUT_SECONDS} s: stopped", flush=True)
            code = 1
        if code:
            print(f"{name} failed (exit {code})", flush=True)
        print(f"({time.perf_counter() - start:.0f} s)", flush=True)
        status |= code
    return status


if __name__ == "__main__":
    sys.exit(main())
