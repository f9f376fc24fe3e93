"""The staff PIN: rules, the stored hash, and the wait after wrong tries."""

from __future__ import annotations

import base64

import pytest

from car_t_guide.core.machine.staff_pin import (
    LockoutPolicy,
    MalformedPinHash,
    hash_pin,
    is_easy_to_guess,
    kiosk_pin_problem,
    parse_pin_hash,
    pin_problem,
    verify_pin,
)


def test_the_hash_holds_its_parameters_and_a_fresh_salt():
    first, second = hash_pin("482916"), hash_pin("482916")
    assert first.startswith("scrypt$n=16384,r=8,p=1$")
    assert first != second  # a new salt each time
    assert "482916" not in first
    parsed = parse_pin_hash(first)
    assert (parsed.n, parsed.r, parsed.p, len(parsed.salt), len(parsed.digest)) == (
        16384, 8, 1, 16, 32,
    )


def test_only_the_right_pin_matches():
    stored = hash_pin("482916")
    assert verify_pin("482916", stored)
    assert verify_pin(" 482916\n", stored)
    assert not verify_pin("482917", stored)
    assert not verify_pin("48291", stored)
    assert not verify_pin("", stored)


def test_digits_of_any_script_are_the_same_pin():
    assert verify_pin("٤٨٢٩١٦", hash_pin("482916"))


def test_parameters_are_read_from_the_stored_value():
    cheap = hash_pin("2468", n=2**10, r=4, p=2)
    assert cheap.startswith("scrypt$n=1024,r=4,p=2$")
    assert verify_pin("2468", cheap)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "   ",
        "1234",
        "bcrypt$2b$12$abcdefghijklmnopqrstuv",
        "scrypt$n=16384,r=8,p=1$not*base64$AAAA",
        "scrypt$n=16384,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==",
        "scrypt$n=1000,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,
        "scrypt$n=1073741824,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,
        "scrypt$n=16384,r=0,p=1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,
        "scrypt$n=16384,r=8,p=1$AA==$" + "A" * 44,
    ],
)
def test_a_malformed_stored_value_never_matches_and_says_why(stored):
    assert verify_pin("1234", stored) is False
    with pytest.raises(MalformedPinHash) as raised:
        parse_pin_hash(stored)
    message = str(raised.value)
    assert message.startswith("staff_pin_hash: ") and "\n" not in message


def test_a_cut_short_hash_is_refused():
    stored = hash_pin("482916")
    assert not verify_pin("482916", stored[:-10])


def test_a_hash_of_another_pin_with_the_same_salt_does_not_match():
    parsed = parse_pin_hash(hash_pin("482916"))
    other = parse_pin_hash(hash_pin("111111"))
    forged = f"scrypt$n=16384,r=8,p=1${base64.b64encode(parsed.salt).decode()}$" + (
        base64.b64encode(other.digest).decode()
    )
    assert not verify_pin("482916", forged)
    assert not verify_pin("111111", forged)


@pytest.mark.parametrize("pin", ["1357", "135792468024", "0000"])
def test_pins_of_4_to_12_digits_are_allowed(pin):
    assert pin_problem(pin) is None


@pytest.mark.parametrize("pin", ["", "123", "1234567890123", "12a4", "12 34", "-1234", "१२३"])
def test_other_pins_are_refused_with_a_reason(pin):
    assert pin_problem(pin)
    with pytest.raises(ValueError):
        hash_pin(pin)


@pytest.mark.parametrize(("pin", "easy"), [("0000", True), ("1234", True), ("98765", True),
                                           ("1357", False), ("482916", False)])
def test_easy_pins_are_noticed(pin, easy):
    assert is_easy_to_guess(pin) is easy


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_four_wrong_pins_cost_nothing_the_fifth_starts_a_wait():
    clock = FakeClock()
    policy = LockoutPolicy(clock=clock)
    for _ in range(4):
        assert policy.record_wrong() == 0
        assert not policy.is_locked()
    assert policy.record_wrong() == 30
    assert policy.is_locked()
    clock.now += 29.5
    assert policy.seconds_left() == pytest.approx(0.5)
    clock.now += 0.5
    assert not policy.is_locked()


def test_the_wait_doubles_up_to_15_minutes():
    clock = FakeClock()
    policy = LockoutPolicy(clock=clock)
    waits = []
    for _ in range(12):
        waits.append(policy.record_wrong())
        clock.now += policy.seconds_left()
    assert waits == [0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]


def test_the_right_pin_starts_the_count_again():
    clock = FakeClock()
    policy = LockoutPolicy(clock=clock)
    for _ in range(5):
        policy.record_wrong()
    clock.now += 30
    policy.record_right()
    assert policy.wrong_in_a_row == 0 and not policy.is_locked()
    assert [policy.record_wrong() for _ in range(5)] == [0, 0, 0, 0, 30]


def test_kiosk_mode_needs_a_readable_pin_and_says_how():
    assert kiosk_pin_problem(hash_pin("482916")) is None
    problem = kiosk_pin_problem("", "/etc/car-t-guide/settings.toml")
    assert problem.startswith("/etc/car-t-guide/settings.toml: staff_pin_hash: no staff PIN")
    assert "car-t-guide set-staff-pin" in problem and "\n" not in problem
    assert "set-staff-pin" in kiosk_pin_problem("scrypt$garbage")
