"""Atomic writes: the temporary name fits any legal target name, and temporaries left by a
writer that was killed are cleaned up by the next write (issue 10, cases 9 and 13)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from car_t_guide.core.machine import atomic
from car_t_guide.core.machine.atomic import remove_stale_temporaries, write_atomic

OLD = time.time() - atomic.STALE_AFTER_SECONDS - 60


def leftover(folder, name: str, *, old: bool = True):
    path = folder / name
    path.write_bytes(b"half a file")
    if old:
        os.utime(path, (OLD, OLD))
    return path


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.parametrize("length", [1, 200, 250, 255])
def test_a_target_name_of_any_legal_length_is_written(tmp_path, length):
    target = tmp_path / ("n" * (length - 4) + ".pdf" if length > 4 else "n")
    write_atomic(target, b"%PDF")
    assert target.read_bytes() == b"%PDF"
    assert sorted(os.listdir(tmp_path)) == [target.name]


def test_a_long_name_in_a_script_of_several_bytes_a_letter_is_written(tmp_path):
    target = tmp_path / ("한" * 80 + ".pdf")  # 244 bytes in UTF-8
    write_atomic(target, b"%PDF")
    assert sorted(os.listdir(tmp_path)) == [target.name]


def test_a_writer_killed_mid_write_leaves_a_temporary_the_next_write_removes(tmp_path):
    target = tmp_path / "ana.pdf"
    target.write_bytes(b"old")
    script = (
        "import os, signal, sys\n"
        "from car_t_guide.core.machine import atomic\n"
        "real = os.fsync\n"
        "def killed(fd):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "atomic.os.fsync = killed\n"
        f"atomic.write_atomic({str(target)!r}, b'new')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -9
    left = [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]
    assert len(left) == 1 and left[0].startswith(".ana.pdf.")
    assert target.read_bytes() == b"old"
    os.utime(tmp_path / left[0], (OLD, OLD))  # some time later
    write_atomic(target, b"newer")
    assert sorted(os.listdir(tmp_path)) == ["ana.pdf"]
    assert target.read_bytes() == b"newer"


def test_only_old_temporaries_of_ours_whose_writer_is_gone_are_removed(tmp_path):
    target = tmp_path / "ana.pdf"
    gone = leftover(tmp_path, f".ana.pdf.{dead_pid()}.0123abcd.tmp")
    before_our_naming = leftover(tmp_path, ".ana.pdf.x_Y9kq2z.tmp")  # tempfile.mkstemp's
    kept = [
        leftover(tmp_path, f".ana.pdf.{dead_pid()}.4567abcd.tmp", old=False),  # too young
        leftover(tmp_path, f".ana.pdf.{os.getppid()}.89abcdef.tmp"),  # its writer still runs
        leftover(tmp_path, ".other.pdf.12.0123abcd.tmp"),  # another file's
        leftover(tmp_path, ".ana.pdf.tmp"),  # not our pattern
        leftover(tmp_path, "ana.pdf.12.0123abcd.tmp"),  # not hidden: not ours
        leftover(tmp_path, ".ana.pdf.notes.txt"),
    ]
    assert remove_stale_temporaries(target) == 2
    assert not gone.exists() and not before_our_naming.exists()
    assert all(path.exists() for path in kept)


def test_a_folder_that_cannot_be_listed_is_not_an_error(tmp_path):
    assert remove_stale_temporaries(tmp_path / "missing" / "ana.pdf") == 0
