"""Hostile input and faults at the command line, round two (issue 10): each case answers with
one plain ``error:`` line and exit status 2 (or goes on with a ``warning:``), never a traceback,
and leaves nothing behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.test_commands import one_error_line, run

HEAD = '{"format": "car-t-guide-session", "version": 1, "plan": {"collection": "2025-10-01"}'


def offscreen_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["CAR_T_GUIDE_DATA_DIR"] = str(tmp_path / "data")
    env["CAR_T_GUIDE_LOG_DIR"] = str(tmp_path / "log")
    return env


@pytest.mark.parametrize(
    ("tail", "field"),
    [(', "x": ' + "9" * 5000 + "}", "x"), (', "x": 1e999}', "x")],
    ids=["5000-digit integer", "1e999"],
)
@pytest.mark.parametrize("command", ["export", "screenshot", "--open"])
def test_numbers_that_cannot_be_kept_are_refused_by_every_command(tmp_path, tail, field, command):
    session = tmp_path / "ana.json"
    session.write_text(HEAD + tail)
    if command == "export":
        args = ["export", str(session), "--out", str(tmp_path / "a.pdf")]
    elif command == "screenshot":
        args = ["screenshot", "--page", "journey", "--session", str(session),
                "--out", str(tmp_path / "a.png")]
    else:
        args = ["--open", str(session)]
    result = run(*args, env=offscreen_env(tmp_path))
    line = one_error_line(result)
    assert line.startswith(f"error: {session}: {field}: ")
    assert not (tmp_path / "a.pdf").exists() and not (tmp_path / "a.png").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs exist only on POSIX systems")
def test_a_session_that_is_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "ana.json"
    os.mkfifo(fifo)
    result = run("export", str(fifo), "--out", str(tmp_path / "a.pdf"), timeout=60)
    assert "not a session file" in one_error_line(result)


def test_a_device_named_as_a_session_is_refused_without_reading_it(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("needs /dev/zero")
    result = run("export", "/dev/zero", "--out", str(tmp_path / "a.pdf"), timeout=60)
    assert "not a session file" in one_error_line(result)
