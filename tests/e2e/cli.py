"""Run the real command line in a fresh process, as a script or a nurse at a terminal would."""

from __future__ import annotations

import subprocess
import sys


def run(*args, env=None, input_text=None, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "car_t_guide", *args],
        capture_output=True,
        text=True,
        env=env,
        input=input_text,
        timeout=timeout,
    )
