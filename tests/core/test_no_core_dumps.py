"""Kiosk mode turns core dumps off (issue 10, case 8): tried in a child process, since it
changes the process for good."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="RLIMIT_CORE and PR_SET_DUMPABLE are Linux's"
)

SCRIPT = """
import ctypes, resource
resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
from car_t_guide.core.machine.no_core_dumps import turn_off_core_dumps
held = turn_off_core_dumps()
libc = ctypes.CDLL(None)
print(held, resource.getrlimit(resource.RLIMIT_CORE), libc.prctl(3, 0, 0, 0, 0))
"""


def test_core_dumps_are_off_for_the_process():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    # Both held; no core file at any size; PR_GET_DUMPABLE says 0.
    assert result.stdout.split() == ["True", "(0,", "0)", "0"]
