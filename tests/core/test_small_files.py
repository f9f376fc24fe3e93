"""Reading a named file never hangs on a FIFO or reads a device forever."""

from __future__ import annotations

import os

import pytest

from car_t_guide.core.machine.small_files import NotASmallFile, read_small_file


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes(b"12345")
    assert read_small_file(path, limit=5) == b"12345"


def test_a_file_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes(b"123456")
    with pytest.raises(NotASmallFile) as caught:
        read_small_file(path, limit=5)
    assert caught.value.reason == "too_large"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs exist only on POSIX systems")
def test_a_fifo_with_no_writer_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotASmallFile) as caught:
        read_small_file(fifo, limit=100)
    assert caught.value.reason == "not_regular"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_a_device_is_refused_without_reading_it():
    with pytest.raises(NotASmallFile):
        read_small_file("/dev/zero", limit=100)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises((NotASmallFile, IsADirectoryError)):
        read_small_file(tmp_path, limit=100)
