"""Every benchmark, one after the other: the one command the README documents.

    uv run python tests/benchmarks/run_all.py

Benchmarks are not tests: they report figures measured against a baseline taken in the same
run (a bare PySide6 window, a plain reportlab document), because machines here are shared and
noisy. They are kept out of `uv run pytest`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["bench_startup.py", "bench_screens.py", "bench_export.py", "soak_kiosk.py"]


def main() -> int:
    status = 0
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        status |= subprocess.run([sys.executable, str(HERE / name)]).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
