"""One staff window per user (issue 10, case 2): the lock is held for the process's life and let
go however the process ends."""

from __future__ import annotations

import subprocess
import sys

import pytest

from car_t_guide.core.machine.instance_lock import InstanceLock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")


def test_a_second_holder_is_refused_until_the_first_lets_go(tmp_path):
    first, second = InstanceLock(tmp_path / "lock"), InstanceLock(tmp_path / "lock")
    assert first.acquire() and first.held
    assert not second.acquire() and not second.held
    first.release()
    assert second.acquire()
    second.release()


def test_a_process_that_dies_holding_it_leaves_no_stale_lock(tmp_path):
    path = tmp_path / "lock"
    script = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "from car_t_guide.core.machine.instance_lock import InstanceLock\n"
        f"assert InstanceLock(Path({str(path)!r})).acquire()\n"
        "print('held', flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.stdout == b"held\n" and result.returncode == -9
    lock = InstanceLock(path)
    assert lock.acquire()
    lock.release()


def test_a_folder_that_cannot_be_written_does_not_stop_the_app(tmp_path):
    (tmp_path / "a-file").write_text("")
    assert InstanceLock(tmp_path / "a-file" / "lock").acquire()
