"""Hostile input and faults at the command line, round two (issue 10): each case answers with
one plain ``error:`` line and exit status 2 (or goes on with a ``warning:``), never a traceback,
and leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
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


# --- case 9: an export stopped in the middle ------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "example-1.json"


@pytest.mark.parametrize(("signal_name", "status"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_stop_signal_during_the_write_leaves_the_old_file_and_no_temporary(
    tmp_path, signal_name, status
):
    out = tmp_path / "ana.pdf"
    out.write_bytes(b"the summary printed last week")
    # The signal arrives exactly while the new file is being written (before the rename).
    script = (
        "import os, signal, sys\n"
        "from car_t_guide.core.machine import atomic\n"
        "real = os.fsync\n"
        "def interrupted(fd):\n"
        f"    os.kill(os.getpid(), signal.{signal_name})\n"
        "    real(fd)\n"
        "atomic.os.fsync = interrupted\n"
        "from car_t_guide.cli import main\n"
        f"sys.exit(main(['export', {str(EXAMPLE)!r}, '--out', {str(out)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == status, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "Traceback" not in result.stderr
    assert signal_name in errors[0] and str(out) in errors[0]
    assert out.read_bytes() == b"the summary printed last week"
    assert sorted(os.listdir(tmp_path)) == ["ana.pdf"]


def test_ctrl_c_while_the_summary_is_being_made_is_not_a_success(tmp_path):
    out = tmp_path / "ana.pdf"
    script = (
        "import os, signal, sys\n"
        "from car_t_guide.report import summary\n"
        "real = summary.build_summary\n"
        "def interrupted(*args, **kwargs):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real(*args, **kwargs)\n"
        "summary.build_summary = interrupted\n"
        "from car_t_guide.cli import main\n"
        f"sys.exit(main(['export', {str(EXAMPLE)!r}, '--out', {str(out)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 130
    assert "error: " in result.stderr and "SIGINT" in result.stderr
    assert not out.exists()


# --- case 13: file names printed raw --------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["ana\nerror: forged.json", "ana\x1b[2J\x1b[31m.json", "ana\r\u202egnp.json", "ana\x07.json"],
    ids=["newline", "escape sequence", "carriage return and bidi", "bell"],
)
def test_a_file_name_cannot_split_the_error_line_or_reach_the_terminal(tmp_path, name):
    session = tmp_path / name
    session.write_text('{"format": "car-t-guide-session", "version": 1, "plan": {}}')
    result = run("export", str(session), "--out", str(tmp_path / "a.pdf"))
    line = one_error_line(result)
    assert result.stderr.count("\n") == 1
    assert not any(char in result.stderr.rstrip("\n") for char in "\x1b\r\x07\u202e")
    assert "plan.collection" in line


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_a_file_name_that_is_not_utf8_is_shown_not_crashed_on(tmp_path):
    session = os.fsdecode(os.fsencode(str(tmp_path)) + b"/ana\xff\xfe.json")
    Path(session).write_text("{}")
    result = run("export", session, "--out", str(tmp_path / "a.pdf"))
    assert "\\xff\\xfe" in one_error_line(result)


@pytest.mark.parametrize("length", [250, 255])
def test_a_legal_long_out_name_is_written(tmp_path, length):
    out = tmp_path / ("n" * (length - 4) + ".pdf")
    result = run("export", str(EXAMPLE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert sorted(os.listdir(tmp_path)) == [out.name]


# --- case 14: screenshot --out a folder or an unwritable place ------------------------------------


def test_screenshot_out_a_folder_is_refused(tmp_path):
    folder = tmp_path / "pictures.png"
    folder.mkdir()
    result = run("screenshot", "--page", "welcome", "--out", str(folder),
                 env=offscreen_env(tmp_path))
    assert "folder" in one_error_line(result)


@pytest.mark.parametrize("place", ["/proc/welcome.png", "{tmp}/a-file/welcome.png"])
def test_screenshot_out_an_unwritable_place_is_refused(tmp_path, place):
    (tmp_path / "a-file").write_text("not a folder")
    out = place.format(tmp=tmp_path)
    result = run("screenshot", "--page", "welcome", "--out", out, env=offscreen_env(tmp_path))
    assert one_error_line(result).startswith(f"error: --out {out}: ")


def test_screenshot_with_a_long_name_is_written_owner_only(tmp_path):
    out = tmp_path / ("w" * 246 + ".png")
    result = run("screenshot", "--page", "welcome", "--out", str(out),
                 env=offscreen_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    assert out.stat().st_mode & 0o777 == 0o600


# --- case 4: a PIN hash with absurd scrypt parameters ---------------------------------------------


def test_kiosk_mode_does_not_start_with_a_pin_hash_this_machine_cannot_check(tmp_path):
    settings = tmp_path / "settings.toml"
    settings.write_text(
        'staff_pin_hash = "scrypt$n=1048576,r=1,p=1$QUJDREVGR0hJSktMTU5PUA==$'
        'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODk="\n'
    )
    result = run("--kiosk", "--settings", str(settings), env=offscreen_env(tmp_path))
    line = one_error_line(result)
    assert line.startswith(f"error: {settings}: staff_pin_hash: ")
    assert "set-staff-pin" in line


# --- case 5: date overflow ------------------------------------------------------------------------


@pytest.mark.parametrize("today", ["9999-12-31", "9001-01-01", "1899-12-31"])
def test_a_pretended_today_near_the_end_of_the_calendar_is_refused(tmp_path, today):
    result = run("export", str(EXAMPLE), "--out", str(tmp_path / "a.pdf"), "--today", today)
    assert one_error_line(result).startswith(f"error: argument --today: --today {today}: ")
    assert not (tmp_path / "a.pdf").exists()


def test_the_last_pretended_today_allowed_still_exports(tmp_path):
    session = tmp_path / "ana.json"
    session.write_text(HEAD.replace("2025-10-01", "9003-12-30") + "}")
    result = run("export", str(session), "--out", str(tmp_path / "a.pdf"), "--today", "9000-12-31")
    assert result.returncode == 0, result.stderr


# --- cases 8 and 16: a kiosk process that ends badly leaves nothing behind ---


def start_kiosk(tmp_path: Path, *, raise_core_limit: bool = False) -> subprocess.Popen:
    from car_t_guide.core.machine.staff_pin import hash_pin

    settings = tmp_path / "settings.toml"
    settings.write_text(f'staff_pin_hash = "{hash_pin("482916", n=2**10)}"\n')
    env = offscreen_env(tmp_path)
    env["TMPDIR"] = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir(exist_ok=True)

    log = tmp_path / "log" / "car-t-guide.log"
    starts_before = log.read_text().count("app_started") if log.exists() else 0

    def unlimited_cores():  # as a system that keeps core files would have it
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, resource.getrlimit(resource.RLIMIT_CORE)[1:] * 2)

    process = subprocess.Popen(
        [sys.executable, "-m", "car_t_guide", "--kiosk", "--settings", str(settings)],
        env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        preexec_fn=unlimited_cores if raise_core_limit else None,
    )
    deadline = time.monotonic() + 120
    while not (log.exists() and log.read_text().count("app_started") > starts_before):
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "the kiosk did not start"
        time.sleep(0.05)
    return process


def private_folders(tmp_path: Path) -> list[str]:
    return sorted(name for name in os.listdir(tmp_path / "tmp") if name.startswith("car-t-guide-"))


posix_only = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")


@posix_only
def test_sighup_stops_the_kiosk_tidily_and_removes_its_private_folder(tmp_path):
    process = start_kiosk(tmp_path)
    assert len(private_folders(tmp_path)) == 1
    process.send_signal(signal.SIGHUP)
    assert process.wait(timeout=60) == 0
    assert private_folders(tmp_path) == []


@posix_only
def test_after_a_native_crash_the_next_start_removes_the_left_folder_and_no_core_is_kept(tmp_path):
    crashed = start_kiosk(tmp_path, raise_core_limit=True)
    limits = Path(f"/proc/{crashed.pid}/limits")
    if limits.exists():  # Linux: the kiosk turned core files off for itself
        line = next(x for x in limits.read_text().splitlines() if x.startswith("Max core"))
        assert line.split()[4:6] == ["0", "0"], line
    crashed.send_signal(signal.SIGSEGV)
    assert crashed.wait(timeout=60) == -signal.SIGSEGV
    assert len(private_folders(tmp_path)) == 1  # nothing could tidy up after that
    assert not [name for name in os.listdir(tmp_path) if name.startswith("core")]
    again = start_kiosk(tmp_path)
    # The crashed run's folder is gone; only the new run's own is there.
    assert [str(again.pid) in name for name in private_folders(tmp_path)] == [True]
    again.send_signal(signal.SIGTERM)
    assert again.wait(timeout=60) == 0
    assert private_folders(tmp_path) == []


# --- case 15: a session in a language this app does not have -------------------------------------


def test_a_session_in_german_exports_in_the_next_language_with_a_warning(tmp_path):
    session = tmp_path / "ana.json"
    session.write_text(HEAD.replace('"version": 1,', '"version": 1, "language": "de",') + "}")
    result = run("export", str(session), "--out", str(tmp_path / "a.pdf"))
    assert result.returncode == 0, result.stderr
    assert f"warning: {session}: language: 'de' is not a language this app has" in result.stderr
    assert (tmp_path / "a.pdf").exists()


# --- case 2: two staff windows would share one autosave ------------------------------------------


def start_staff_window(tmp_path: Path) -> subprocess.Popen:
    env = offscreen_env(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "car_t_guide"], env=env, cwd=tmp_path,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    log = tmp_path / "log" / "car-t-guide.log"
    deadline = time.monotonic() + 120
    while not (log.exists() and "app_started" in log.read_text()):
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "the staff window did not start"
        time.sleep(0.05)
    return process


def wait_for_log(tmp_path: Path, words: str, count: int) -> None:
    log = tmp_path / "log" / "car-t-guide.log"
    deadline = time.monotonic() + 60
    while log.read_text().count(words) < count:
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.05)


@posix_only
def test_a_second_staff_start_brings_the_first_window_forward_and_leaves_its_work(tmp_path):
    first = start_staff_window(tmp_path)
    try:
        # The first window's unsaved work, autosaved a moment ago.
        autosave = tmp_path / "data" / "autosave.json"
        autosave.parent.mkdir(exist_ok=True)
        autosave.write_text(HEAD.replace("2025-10-01", "2013-03-20") + "}")
        second = run(env=offscreen_env(tmp_path), timeout=60)
        assert second.returncode == 0, second.stderr
        assert "already open" in second.stdout and "brought to the front" in second.stdout
        wait_for_log(tmp_path, "brought_to_front with_file=False", 1)
        assert autosave.exists()  # not offered as a leftover, not deleted
        session = tmp_path / "ana.json"
        session.write_text(HEAD.replace("2025-10-01", "2013-03-20") + "}")
        third = run("--open", str(session), env=offscreen_env(tmp_path), timeout=60)
        assert third.returncode == 0, third.stderr
        wait_for_log(tmp_path, "brought_to_front with_file=True", 1)
        assert autosave.exists()
        assert first.poll() is None
    finally:
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=60) == 0
