"""The stored staff PIN hash is checked fully before a kiosk starts (issue 10, case 4), and the
wait after wrong PINs survives a restart without keeping anything personal (case 7)."""

from __future__ import annotations

import base64
import json
import stat

import pytest

from car_t_guide.core.machine.pin_lockout_file import FILE_NAME, LockoutFile
from car_t_guide.core.machine.staff_pin import (
    LockoutPolicy,
    hash_pin,
    kiosk_pin_problem,
    pin_hash_problem,
    verify_pin,
)

SALT = base64.b64encode(b"sixteen byte slt").decode()
DIGEST = base64.b64encode(b"thirty-two bytes of a pin hash!!").decode()


def stored(n: int, r: int, p: int, salt: str = SALT, digest: str = DIGEST) -> str:
    return f"scrypt$n={n},r={r},p={p}${salt}${digest}"


@pytest.mark.parametrize(
    ("n", "r", "p", "words"),
    [
        (2**20, 1, 1, "too large for r=1"),  # the hostile case: scrypt itself refuses it
        (2**16, 1, 1, "too large for r=1"),
        (2**17, 16, 1, "memory"),
        (2**14, 8, 16 + 1, "between 1"),
        (2**16, 8, 16, "too long"),  # a minute per PIN check
        (2**13, 32, 16, "too long"),
    ],
)
def test_absurd_scrypt_parameters_are_refused_before_the_kiosk_starts(n, r, p, words):
    problem = pin_hash_problem(stored(n, r, p))
    assert problem is not None and words in problem
    assert problem.startswith("staff_pin_hash: ") and "\n" not in problem
    assert kiosk_pin_problem(stored(n, r, p), "/etc/car-t-guide/settings.toml").startswith(
        "/etc/car-t-guide/settings.toml: staff_pin_hash: "
    )


@pytest.mark.parametrize(
    "value",
    [stored(2**14, 8, 1, salt=base64.b64encode(b"s" * 65).decode()),
     stored(2**14, 8, 1, digest=base64.b64encode(b"d" * 65).decode())],
)
def test_a_salt_or_hash_longer_than_any_we_write_is_refused(value):
    assert "too long" in pin_hash_problem(value)


def test_every_pin_check_with_absurd_parameters_is_a_plain_no_never_an_error():
    assert verify_pin("1234", stored(2**20, 1, 1)) is False


@pytest.mark.parametrize(("n", "r", "p"), [(2**14, 8, 1), (2**10, 4, 2), (2**16, 2, 1)])
def test_hashes_this_app_writes_pass_the_full_check(n, r, p):
    assert pin_hash_problem(hash_pin("482916", n=n, r=r, p=p)) is None


def test_the_full_check_tries_the_hash(monkeypatch):
    from car_t_guide.core.machine import staff_pin

    def refused(*args, **kwargs):
        raise ValueError("[digital envelope routines] memory limit exceeded")

    good = hash_pin("482916")
    monkeypatch.setattr(staff_pin.hashlib, "scrypt", refused)
    assert "cannot check a PIN" in pin_hash_problem(good)


# --- the lockout across restarts ---


class Clocks:
    def __init__(self):
        self.monotonic = 500.0  # restarts begin again from a different monotonic time
        self.wall = 1_800_000_000.0

    def policy(self, path):
        return LockoutPolicy(
            clock=lambda: self.monotonic, wall_clock=lambda: self.wall, saved_in=LockoutFile(path)
        )

    def restart(self, seconds_later: float = 5.0):
        self.monotonic = 7.0
        self.wall += seconds_later


def test_five_wrong_pins_then_a_restart_still_wait(tmp_path):
    clocks, path = Clocks(), tmp_path / FILE_NAME
    policy = clocks.policy(path)
    for _ in range(5):
        policy.record_wrong()
    assert policy.is_locked()
    clocks.restart(seconds_later=10)
    again = clocks.policy(path)
    assert again.is_locked()
    assert again.seconds_left() == pytest.approx(20)
    assert again.wrong_in_a_row == 5
    clocks.restart(seconds_later=25)
    later = clocks.policy(path)
    assert not later.is_locked()
    assert later.record_wrong() == 60  # the count went on: the next wait is longer


def test_the_file_holds_two_numbers_only_and_is_owner_only(tmp_path):
    clocks, path = Clocks(), tmp_path / FILE_NAME
    policy = clocks.policy(path)
    for _ in range(6):
        policy.record_wrong()
    assert set(json.loads(path.read_text())) == {"wrong_in_a_row", "locked_until"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    policy.record_right()
    assert json.loads(path.read_text()) == {"wrong_in_a_row": 0, "locked_until": 0.0}
    clocks.restart()
    assert clocks.policy(path).wrong_in_a_row == 0


def test_a_clock_set_back_never_makes_the_wait_longer_than_the_longest(tmp_path):
    clocks, path = Clocks(), tmp_path / FILE_NAME
    policy = clocks.policy(path)
    for _ in range(5):
        policy.record_wrong()
    clocks.restart(seconds_later=-10 * 365 * 86400)  # the clock went back ten years
    assert clocks.policy(path).seconds_left() <= 15 * 60


@pytest.mark.parametrize(
    "content",
    ["", "not json", "[]", '{"wrong_in_a_row": "5", "locked_until": 0}',
     '{"wrong_in_a_row": -1, "locked_until": 0}', '{"wrong_in_a_row": 1, "locked_until": NaN}',
     '{"wrong_in_a_row": 1}'],
)
def test_an_unreadable_file_is_a_fresh_start_not_a_crash(tmp_path, content):
    path = tmp_path / FILE_NAME
    path.write_text(content)
    policy = Clocks().policy(path)
    assert policy.wrong_in_a_row == 0 and not policy.is_locked()
    policy.record_wrong()
    assert json.loads(path.read_text())["wrong_in_a_row"] == 1


def test_a_disk_that_refuses_the_file_does_not_stop_the_wait(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    policy = Clocks().policy(blocked / FILE_NAME)  # its folder is a file: never writable
    for _ in range(5):
        policy.record_wrong()
    assert policy.is_locked()
