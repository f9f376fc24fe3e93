"""The private temporary folder: owner-only, emptied on reset, removed at exit."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile

import pytest

from car_t_guide.core.machine import private_tmp


@pytest.fixture(autouse=True)
def _fresh():
    yield
    private_tmp.remove()


def test_the_folder_is_owner_only_and_stays_the_same():
    folder = private_tmp.private_tmp_dir()
    assert folder.is_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert private_tmp.private_tmp_dir() == folder


def test_wipe_empties_it_and_keeps_it():
    folder = private_tmp.private_tmp_dir()
    (folder / "preview.pdf").write_bytes(b"%PDF Ana")
    (folder / "jobs").mkdir()
    (folder / "jobs" / "page1.png").write_bytes(b"png")
    os.symlink(folder / "preview.pdf", folder / "link")
    assert private_tmp.wipe() == folder
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_use_as_default_temp_sends_tempfile_and_qt_there_and_is_undone():
    before_tmpdir = os.environ.get("TMPDIR")
    folder = private_tmp.use_as_default_temp()
    with tempfile.NamedTemporaryFile() as handle:
        assert os.path.dirname(handle.name) == str(folder)
    assert os.environ["TMPDIR"] == str(folder)
    private_tmp.remove()
    assert not folder.exists()
    assert os.environ.get("TMPDIR") == before_tmpdir
    assert tempfile.gettempdir() != str(folder)


def test_it_is_removed_at_exit(tmp_path):
    script = (
        "from car_t_guide.core.machine import private_tmp\n"
        "folder = private_tmp.use_as_default_temp()\n"
        "(folder / 'preview.pdf').write_bytes(b'x')\n"
        "print(folder)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    folder = result.stdout.strip()
    assert folder.startswith(str(tmp_path))
    assert not os.path.exists(folder)
