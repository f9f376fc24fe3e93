"""`car-t-guide set-staff-pin`: asks twice without echo, or reads stdin; stores only the hash."""

from __future__ import annotations

import io
import os
import stat
import sys
import tomllib

import pytest

from car_t_guide.core.machine.staff_pin import verify_pin
from car_t_guide.staff_pin_command import run_set_staff_pin


def run(tmp_path, args, stdin="", answers=None, path=None):
    out, err = io.StringIO(), io.StringIO()
    asked = []

    def ask(prompt):
        asked.append(prompt)
        if not answers:
            raise EOFError
        return answers.pop(0)

    status = run_set_staff_pin(
        args, io.StringIO(stdin) if isinstance(stdin, str) else stdin, err,
        path or tmp_path / "settings.toml",
        stdout=out, ask_secret=ask,
    )
    return status, out.getvalue(), err.getvalue(), asked


def stored_hash(path):
    return tomllib.loads(path.read_text(encoding="utf-8"))["staff_pin_hash"]


def test_from_stdin_stores_only_the_hash_owner_only(tmp_path):
    status, out, err, asked = run(tmp_path, ["--from-stdin"], "482916\n")
    assert (status, err, asked) == (0, "", [])
    path = tmp_path / "settings.toml"
    text = path.read_text(encoding="utf-8")
    assert "482916" not in text
    assert verify_pin("482916", stored_hash(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert str(path) in out


def test_on_a_terminal_the_pin_is_asked_twice(tmp_path):
    status, _out, err, asked = run(tmp_path, [], answers=["482916", "482916"])
    assert (status, err) == (0, "")
    assert len(asked) == 2
    assert verify_pin("482916", stored_hash(tmp_path / "settings.toml"))


def test_two_different_pins_change_nothing(tmp_path):
    status, _out, err, _asked = run(tmp_path, [], answers=["482916", "482917"])
    assert status == 2
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "not the same" in err
    assert not (tmp_path / "settings.toml").exists()


@pytest.mark.parametrize("pin", ["12", "12ab", "1234567890123", ""])
def test_a_pin_against_the_rules_is_refused(tmp_path, pin):
    status, _out, err, _asked = run(tmp_path, ["--from-stdin"], pin + "\n")
    assert status == 2 and err.startswith("error: ") and err.count("\n") == 1
    assert not (tmp_path / "settings.toml").exists()


def test_empty_stdin_is_refused(tmp_path):
    status, _out, err, _asked = run(tmp_path, ["--from-stdin"], "")
    assert status == 2 and "standard input is empty" in err


def test_an_endless_stdin_is_refused_without_reading_it_all(tmp_path):
    class Endless:
        """Like /dev/zero: a line that never ends (readline without a limit never returns)."""

        read = 0

        def readline(self, limit=-1):
            assert limit > 0, "read without a limit"
            self.read += limit
            return "0" * limit

    stdin = Endless()
    status, _out, err, _asked = run(tmp_path, ["--from-stdin"], stdin)
    assert status == 2 and "too long" in err and err.count("\n") == 1
    assert stdin.read < 1000


def test_cancel_on_the_terminal(tmp_path):
    status, _out, err, _asked = run(tmp_path, [], answers=[])
    assert status == 2 and "cancelled" in err


def test_an_easy_pin_is_stored_with_a_warning(tmp_path):
    status, _out, err, _asked = run(tmp_path, ["--from-stdin"], "1234\n")
    assert status == 0 and err.startswith("warning: ")


def test_other_settings_are_kept_and_a_pin_can_be_changed(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('center_name = "Hospital Infantil"\nidle_timeout_seconds = 90.5\n'
                    'future_key = "kept"\n', encoding="utf-8")
    os.chmod(path, 0o640)
    assert run(tmp_path, ["--from-stdin"], "482916\n")[0] == 0
    assert run(tmp_path, ["--from-stdin"], "735102\n")[0] == 0
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["center_name"] == "Hospital Infantil"
    assert data["idle_timeout_seconds"] == 90.5
    assert data["future_key"] == "kept"
    assert verify_pin("735102", data["staff_pin_hash"])
    assert not verify_pin("482916", data["staff_pin_hash"])
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # an existing file keeps its permissions


def test_a_broken_settings_file_is_left_untouched(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("center_name = \n", encoding="utf-8")
    status, _out, err, _asked = run(tmp_path, ["--from-stdin"], "482916\n")
    assert status == 2 and err.startswith(f"error: {path}") and err.count("\n") == 1
    assert path.read_text(encoding="utf-8") == "center_name = \n"


def test_an_unknown_option_is_one_error_line(tmp_path):
    status, _out, err, _asked = run(tmp_path, ["--pin", "1234"])
    assert status == 2 and err.startswith("error: ") and err.count("\n") == 1


def test_the_default_place_is_the_settings_variable(tmp_path, monkeypatch):
    target = tmp_path / "elsewhere.toml"
    monkeypatch.setenv("CAR_T_GUIDE_SETTINGS", str(target))
    err = io.StringIO()
    status = run_set_staff_pin(["--from-stdin"], io.StringIO("482916\n"), err, None,
                               stdout=io.StringIO())
    assert status == 0, err.getvalue()
    assert verify_pin("482916", stored_hash(target))


def test_without_a_terminal_the_pin_is_never_echoed(tmp_path):
    """The real command in a subprocess with no terminal at all: it refuses, it does not fall
    back to reading the PIN with echo."""
    import subprocess

    script = (
        "import sys\n"
        "from car_t_guide.staff_pin_command import run_set_staff_pin\n"
        f"sys.exit(run_set_staff_pin([], settings_path={str(tmp_path / 's.toml')!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], input="482916\n482916\n", capture_output=True,
        text=True, timeout=60, start_new_session=True,  # no controlling terminal
    )
    assert result.returncode == 2, result.stderr
    assert "use --from-stdin" in result.stderr
    assert "482916" not in result.stdout + result.stderr
    assert not (tmp_path / "s.toml").exists()


def test_settings_option_names_the_file(tmp_path):
    target = tmp_path / "clinic.toml"
    err = io.StringIO()
    status = run_set_staff_pin(["--from-stdin", "--settings", str(target)],
                               io.StringIO("482916\n"), err, None, stdout=io.StringIO())
    assert status == 0, err.getvalue()
    assert verify_pin("482916", stored_hash(target))


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX terminal")
def test_on_a_real_terminal_the_pin_is_not_echoed(tmp_path):
    import fcntl
    import pty
    import subprocess
    import termios
    import time

    target = tmp_path / "s.toml"
    script = (
        "import sys\n"
        "from car_t_guide.staff_pin_command import run_set_staff_pin\n"
        f"sys.exit(run_set_staff_pin([], settings_path={str(target)!r}))\n"
    )
    leader, follower = pty.openpty()

    def take_the_terminal():
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [sys.executable, "-c", script], stdin=follower, stdout=follower, stderr=follower,
        start_new_session=True, preexec_fn=take_the_terminal,
    )
    os.close(follower)
    seen = b""

    def read_until(text, timeout=30):
        nonlocal seen
        deadline = time.monotonic() + timeout
        while text not in seen and time.monotonic() < deadline:
            try:
                seen += os.read(leader, 1024)
            except OSError:
                break
        assert text in seen, seen

    try:
        read_until(b"New staff PIN")
        os.write(leader, b"482916\n")
        read_until(b"again")
        os.write(leader, b"482916\n")
        assert process.wait(timeout=30) == 0
        read_until(b"The staff PIN is set")
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
    assert b"482916" not in seen
    assert verify_pin("482916", stored_hash(target))
