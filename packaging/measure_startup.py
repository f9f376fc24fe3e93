"""Start-up time of a built app against the development install (venv), as in
packaging/README.md's table.

    uv run python packaging/measure_startup.py [dist/car-t-guide] [--runs 7]

Median wall time of fresh processes, alternating the two so both see the same machine:
``--version`` (no Qt) and ``screenshot --page welcome`` (Qt started, the first page drawn).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "dist" / "car-t-guide")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    venv = [sys.executable, "-m", "car_t_guide"]
    frozen = [str(args.folder / "car-t-guide")]
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CAR_T_GUIDE_CONFIG_DIR=scratch,
                   CAR_T_GUIDE_LOG_DIR=scratch, CAR_T_GUIDE_DATA_DIR=scratch,
                   CAR_T_GUIDE_SYSTEM_CONFIG_DIRS=scratch)
        env.pop("CAR_T_GUIDE_SETTINGS", None)
        out = str(Path(scratch) / "welcome.png")
        for name, tail in (("--version", ["--version"]),
                           ("screenshot welcome", ["screenshot", "--page", "welcome", "--out",
                                                   out])):
            results = {"venv": [], "frozen": []}
            timed(venv + tail, env), timed(frozen + tail, env)  # warm the disk cache
            for _ in range(args.runs):
                results["venv"].append(timed(venv + tail, env))
                results["frozen"].append(timed(frozen + tail, env))
            print(f"{name:20} venv {statistics.median(results['venv']):.2f} s   "
                  f"frozen {statistics.median(results['frozen']):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
