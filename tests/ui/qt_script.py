"""Run a short Qt script in a fresh Python process (offscreen), for what only a new process can
show: which modules start-up imports, what happens before the first frame."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def run_offscreen(script: str):
    """The script's last line of output, read as JSON; the script must succeed."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
