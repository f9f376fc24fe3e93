"""Center settings as clinic IT meets them: layers and locks, `settings --check` and `--json`,
`set-staff-pin --system`, and files that are not what they seem (issue 14; issue 10, 6/12/15)."""

from __future__ import annotations

import json
import os
import stat
import tomllib

import pytest

from car_t_guide.core.machine.staff_pin import verify_pin
from tests.e2e.cli import run


def error_lines(result) -> list[str]:
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


@pytest.fixture
def machine_file(tmp_path, monkeypatch):
    """The machine-wide settings file clinic IT controls (its folder redirected, as in tests)."""
    folder = tmp_path / "etc-xdg" / "car-t-guide"
    folder.mkdir(parents=True)
    monkeypatch.setenv("CAR_T_GUIDE_SYSTEM_CONFIG_DIRS", str(folder))
    return folder / "settings.toml"


@pytest.fixture
def user_file(tmp_path, monkeypatch):
    folder = tmp_path / "home-config"
    folder.mkdir()
    monkeypatch.setenv("CAR_T_GUIDE_CONFIG_DIR", str(folder))
    return folder / "settings.toml"


LOCKING = """# Set by clinic IT for every kiosk and laptop of the center.
center_name = "Hospital Infantil"
phone_24h = "+34 900 000 000"
emergency_number = "112"
no_driving_days = 56
locked = ["center_name", "phone_24h", "emergency_number"]
"""


def test_a_user_file_cannot_override_a_locked_machine_wide_key(machine_file, user_file, tmp_path):
    machine_file.write_text(LOCKING, encoding="utf-8")
    user_file.write_text('emergency_number = "911"\nno_driving_days = 28\n', encoding="utf-8")
    named = tmp_path / "mine.toml"
    named.write_text('phone_24h = "+1 555 010 0199"\n', encoding="utf-8")
    result = run("settings", "--settings", str(named))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f'emergency_number = "112"   (machine-wide: {machine_file}, locked)' in out
    assert f'phone_24h = "+34 900 000 000"   (machine-wide: {machine_file}, locked)' in out
    # An unlocked key: the user's file wins over the machine-wide one.
    assert f"no_driving_days = 28   (user: {user_file})" in out
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert f"warning: {user_file}: emergency_number: locked by the machine-wide settings " \
        f"({machine_file}); this value is not used" in warnings
    assert any(line.startswith(f"warning: {named}: phone_24h: locked") for line in warnings)


def test_json_says_each_values_layer_and_lock_for_inventory_tools(machine_file, user_file):
    machine_file.write_text(LOCKING, encoding="utf-8")
    user_file.write_text("stay_near_center_days = 28\n", encoding="utf-8")
    result = run("settings", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["app_version"] and report["content_version"]
    settings = report["settings"]
    assert settings["emergency_number"] == {
        "value": "112", "layer": "machine-wide", "file": str(machine_file), "locked": True
    }
    assert settings["stay_near_center_days"] == {
        "value": 28, "layer": "user", "file": str(user_file), "locked": False
    }
    assert settings["printer"]["layer"] == "default"
    assert settings["staff_pin_hash"]["value"] == "not set"
    assert [layer["layer"] for layer in report["layers"]] == ["machine-wide", "user"]


def test_locked_star_locks_every_key_even_at_its_default(machine_file, user_file):
    machine_file.write_text('locked = ["*"]\n', encoding="utf-8")
    user_file.write_text("idle_timeout_seconds = 999\n", encoding="utf-8")
    result = run("settings", "--json")
    entry = json.loads(result.stdout)["settings"]["idle_timeout_seconds"]
    assert entry == {"value": 180.0, "layer": "default", "file": None, "locked": True}


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ('emergncy_number = "112"\n', "emergncy_number", "unknown setting; did you mean"),
        ('colour = "blue"\n', "colour", "unknown setting"),
        ('emergency_number = ""\n', "emergency_number", "is empty"),
        ('emergency_number = "one-one-two"\n', "emergency_number", "does not look like"),
        ('phone_24h = ""\n', "phone_24h", "is empty"),
        ('phone_24h = "call me"\n', "phone_24h", "does not look like a phone number"),
        ('staff_pin_hash = "hello"\n', "staff_pin_hash", "not a PIN hash this app wrote"),
        ('locked = ["emergncy_number"]\n', "locked", "did you mean emergency_number?"),
        ("no_driving_days = -3\n", "no_driving_days", "from 1 to 365"),
    ],
)
def test_check_refuses_each_bad_case_and_exits_non_zero(tmp_path, text, key, words):
    path = tmp_path / "new-settings.toml"
    path.write_text('center_name = "Hospital Infantil"\n' + text, encoding="utf-8")
    result = run("settings", "--check", str(path))
    assert result.returncode == 2
    (line,) = error_lines(result)
    assert line.startswith(f"error: {path}: {key}: ")
    assert words in line


def test_check_lists_every_problem_and_passes_a_good_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('emergency_number = ""\nphone_24h = "call me"\nemergncy_number = "112"\n')
    assert len(error_lines(run("settings", "--check", str(bad)))) == 3
    good = tmp_path / "good.toml"
    good.write_text(LOCKING, encoding="utf-8")
    result = run("settings", "--check", str(good))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"{good}: no problems found\n"
    as_json = json.loads(run("settings", "--check", str(bad), "--json").stdout)
    assert as_json["ok"] is False and len(as_json["problems"]) == 3


def test_the_settings_variable_naming_a_missing_file_warns(tmp_path):
    """Issue 10 (15): it gave silent defaults, while --settings warned."""
    missing = tmp_path / "typo.toml"
    result = run("settings", env=dict(os.environ, CAR_T_GUIDE_SETTINGS=str(missing)))
    assert result.returncode == 0
    assert f"warning: {missing}: not found; using the other settings" in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="a POSIX device")
def test_settings_from_dev_zero_is_one_error_line_not_a_memory_error():
    """Issue 10 (6): `--settings /dev/zero` read until memory ran out."""
    result = run("export", "--example", "1", "--out", "x.pdf", "--settings", "/dev/zero")
    assert result.returncode == 2
    assert error_lines(result) == ["error: /dev/zero: is not a regular file"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_settings_from_a_fifo_is_refused_not_waited_on(tmp_path):
    """Issue 10 (6): a settings file that is a FIFO hung forever."""
    fifo = tmp_path / "settings.toml"
    os.mkfifo(fifo)
    result = run("settings", env=dict(os.environ, CAR_T_GUIDE_SETTINGS=str(fifo)), timeout=30)
    assert result.returncode == 2
    assert error_lines(result) == [f"error: {fifo}: is not a regular file"]


def test_a_settings_file_with_a_byte_order_mark_is_read(tmp_path):
    """Issue 10 (15): a BOM (Windows Notepad) was refused, though sessions accept one."""
    path = tmp_path / "center.toml"
    path.write_bytes('\ufeffcenter_name = "Hospital Niño Jesús"\n'.encode())
    result = run("settings", "--settings", str(path))
    assert result.returncode == 0, result.stderr
    assert 'center_name = "Hospital Niño Jesús"' in result.stdout


# --- the staff PIN ------------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_set_staff_pin_keeps_comments_and_hides_the_hash_from_others(tmp_path):
    """Issue 10 (12): into an existing 0644 file the hash stayed world-readable, and the
    file's comments were dropped."""
    path = tmp_path / "center.toml"
    text = '# Kiosk 3, front hall: call IT at 4411 before changing\ncenter_name = "Hospital"\n'
    path.write_text(text, encoding="utf-8")
    os.chmod(path, 0o644)
    result = run("set-staff-pin", "--from-stdin", "--settings", str(path), input_text="482916\n")
    assert result.returncode == 0, result.stderr
    written = path.read_text(encoding="utf-8")
    assert written.startswith(text)
    assert verify_pin("482916", tomllib.loads(written)["staff_pin_hash"])
    assert stat.S_IMODE(path.stat().st_mode) & 0o007 == 0


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_set_staff_pin_system_writes_the_machine_wide_file_and_locks_it(machine_file, user_file):
    result = run("set-staff-pin", "--system", "--from-stdin", input_text="482916\n")
    assert result.returncode == 0, result.stderr
    assert verify_pin("482916", tomllib.loads(machine_file.read_text())["staff_pin_hash"])
    assert stat.S_IMODE(machine_file.stat().st_mode) == 0o640  # the kiosk's group may read it
    # A PIN set machine-wide cannot be replaced from the user's side ...
    again = run("set-staff-pin", "--from-stdin", input_text="735102\n")
    assert again.returncode == 2
    assert "set machine-wide and locked" in error_lines(again)[0]
    assert not user_file.exists()
    # ... nor by a user's file written by hand.
    from car_t_guide.core.machine.staff_pin import hash_pin

    user_file.write_text(f'staff_pin_hash = "{hash_pin("735102")}"\n')
    shown = json.loads(run("settings", "--json").stdout)["settings"]["staff_pin_hash"]
    assert shown == {"value": "set", "layer": "machine-wide", "file": str(machine_file),
                     "locked": True}
