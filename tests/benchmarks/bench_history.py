"""How the export grows with the treatment history: it should grow no faster than the history.

    uv run python tests/benchmarks/bench_history.py [--runs 3]

Exports (the real command, in a fresh process each) a family with 0, 250, 500 and 1,000
history events (1,000 is the most a session file may hold), and a hostile file with 60,000
events, which is refused at once. The baseline is the same family with no history, from the
same run; the cost per event should stay flat as the history grows (the chart's label
placement is O(n log n), the rest O(n)).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = (0, 250, 500, 1000)
HOSTILE = 60_000


def family(events: int) -> dict:
    doc = json.loads((ROOT / "resources" / "examples" / "example-1.json").read_text("utf-8"))
    doc = {key: value for key, value in doc.items() if not key.startswith("example")}
    doc.pop("translations", None)
    doc["history"] = [
        {
            "kind": ("treatment", "other", "remission")[i % 3],
            "date": f"{2000 + i % 13}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "note": f"Event {i}",
        }
        for i in range(events)
    ]
    return doc


def export_seconds(path: Path, out: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "car_t_guide", "export", str(path), "--out", str(out),
         "--today", "2013-05-20"],
        capture_output=True, text=True, env=dict(os.environ), timeout=600,
    )  # fmt: skip
    return time.perf_counter() - start, result.returncode


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rows = []
        for events in (*SIZES, HOSTILE):
            path = Path(folder) / f"h{events}.json"
            path.write_text(json.dumps(family(events)), encoding="utf-8")
            runs = [export_seconds(path, Path(folder) / "out.pdf") for _ in range(args.runs)]
            rows.append((events, statistics.median(s for s, _ in runs), runs[0][1]))
    base = rows[0][1]
    print(f"export by history length, median of {args.runs} fresh processes")
    print(f"{'events':>7} {'seconds':>8} {'ratio':>6} {'ms per event':>13}  exit")
    for events, seconds, status in rows:
        per_event = (seconds - base) / events * 1000 if events and status == 0 else float("nan")
        note = "  (refused: over the 1,000-event limit)" if status == 2 else ""
        print(f"{events:>7} {seconds:>8.2f} {seconds / base:>6.2f} {per_event:>13.2f}  {status}"
              + note)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
