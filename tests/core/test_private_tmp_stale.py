"""Private temporary folders left by a run that could not tidy up (SIGKILL, a native crash)
are removed at the next start, and nothing else is (issue 10, case 16)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from car_t_guide.core.machine import private_tmp


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def folder(parent, name: str, *, days_old: float = 0, content: bool = False):
    path = parent / name
    path.mkdir()
    if content:
        (path / "preview.pdf").write_text("Ana's summary")
    stamp = time.time() - days_old * 86400
    os.utime(path, (stamp, stamp))
    return path


def test_folders_of_gone_runs_are_removed_and_no_others(tmp_path):
    gone = folder(tmp_path, f"car-t-guide-{dead_pid()}-abc_1234", content=True)
    old_empty = folder(tmp_path, "car-t-guide-x8k2_q1z", days_old=2)
    kept = [
        folder(tmp_path, f"car-t-guide-{os.getppid()}-abcd1234"),  # its run is still going
        folder(tmp_path, "car-t-guide-y8k2_q1z", days_old=0.1),  # old naming, may be in use
        folder(tmp_path, "car-t-guide-z8k2_q1z", days_old=2, content=True),  # not empty
        folder(tmp_path, "car-t-guide-tests-abcd1234"),  # the test suite's own sandbox
        folder(tmp_path, f"other-app-{dead_pid()}-abcd1234"),
    ]
    (tmp_path / f"car-t-guide-{dead_pid()}-file1234").write_text("a file, not a folder")
    assert private_tmp.remove_stale_folders(tmp_path) == 2
    assert not gone.exists() and not old_empty.exists()
    assert all(path.exists() for path in kept)
    assert (tmp_path / [n for n in os.listdir(tmp_path) if "file1234" in n][0]).is_file()


def test_this_runs_own_folder_is_never_removed(tmp_path, monkeypatch):
    mine = folder(tmp_path, f"car-t-guide-{dead_pid()}-abcd1234")  # even under a reused name
    monkeypatch.setattr(private_tmp, "_folder", mine)
    assert private_tmp.remove_stale_folders(tmp_path) == 0
    assert mine.is_dir()


def test_the_folder_is_named_with_the_process_id():
    mine = private_tmp.private_tmp_dir()
    assert mine.name.startswith(f"car-t-guide-{os.getpid()}-")


def test_an_unreadable_parent_is_not_an_error(tmp_path):
    assert private_tmp.remove_stale_folders(tmp_path / "missing") == 0
