"""The staff PIN that lets staff leave kiosk mode: its rules, its hash, and the wait after
too many wrong tries.

Only a salted scrypt hash is ever stored, with its parameters, so the cost can be raised later
without breaking PINs already set:

    scrypt$n=16384,r=8,p=1$<salt, base64>$<hash, base64>

A PIN is short (4 to 12 digits), so the hash alone would not stop someone who can read the
settings file from trying every PIN; the lockout stops guessing at the kiosk, and the settings
file should be readable by its owner only.

A stored hash comes from a file someone can edit, so every parameter is bounded (memory, time,
and what OpenSSL's scrypt accepts), and ``pin_hash_problem`` checks it fully, a trial hash
included, before a kiosk starts: staff must never find a keypad that cannot check their PIN.
The wrong-PIN count and the wait survive a restart (``LockoutFile``: two numbers, no PIN).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from car_t_guide.core.i18n import _
from car_t_guide.core.machine.pin_lockout_file import LockoutFile, LockoutState

MIN_DIGITS = 4
MAX_DIGITS = 12

SCHEME = "scrypt"
DEFAULT_N = 2**14
DEFAULT_R = 8
DEFAULT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
# Limits on what a stored hash may ask for: a tampered settings file must not be able to make
# the kiosk spend gigabytes or minutes on one PIN check.
MAX_N = 2**20
MAX_R = 32
MAX_P = 16
MAX_MEMORY = 256 * 1024 * 1024
# n * r * p: the time one check takes (the default is 2**17, about 50 ms; 2**21 is a second or
# two on a slow kiosk).
MAX_WORK = 2**21
MAX_SALT_BYTES = 64
MAX_HASH_BYTES = 64

_STORED = re.compile(
    r"scrypt\$n=(?P<n>[0-9]{1,8}),r=(?P<r>[0-9]{1,3}),p=(?P<p>[0-9]{1,3})"
    r"\$(?P<salt>[A-Za-z0-9+/=]+)\$(?P<hash>[A-Za-z0-9+/=]+)"
)


class MalformedPinHash(ValueError):
    """The stored staff PIN hash is not one this app wrote (hand-edited, cut short, another
    scheme). The message says what is wrong, in one line, without the value itself."""


@dataclass(frozen=True)
class PinHash:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    def __str__(self) -> str:
        salt = base64.b64encode(self.salt).decode("ascii")
        digest = base64.b64encode(self.digest).decode("ascii")
        return f"{SCHEME}$n={self.n},r={self.r},p={self.p}${salt}${digest}"


# --- the rules ----------------------------------------------------------------------------------


def normalize_pin(pin: str) -> str:
    """Digits from any script as ASCII digits ('١٢٣٤' -> '1234'), surrounding spaces dropped:
    the same PIN typed on an Arabic or a Latin keyboard is the same PIN."""
    return "".join(
        str(unicodedata.decimal(char)) if unicodedata.category(char) == "Nd" else char
        for char in pin.strip()
    )


def pin_problem(pin: str) -> str | None:
    """Why this PIN cannot be used, or None when it can."""
    pin = normalize_pin(pin)
    if not pin:
        return _("The PIN is empty.")
    if not pin.isascii() or not pin.isdigit():
        return _("A PIN has digits only (0 to 9).")
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return _("A PIN has {low} to {high} digits.").format(low=MIN_DIGITS, high=MAX_DIGITS)
    return None


def is_easy_to_guess(pin: str) -> bool:
    """One digit repeated (0000) or a straight run (1234, 9876): allowed, but worth a warning."""
    pin = normalize_pin(pin)
    if len(set(pin)) == 1:
        return True
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:], strict=False)}
    return steps in ({1}, {-1})


# --- hashing ------------------------------------------------------------------------------------


def _memory_needed(n: int, r: int, p: int) -> int:
    # What OpenSSL's scrypt allocates: 128 * r * (n + 2) for V, 128 * r * p for B.
    return 128 * r * (n + 2) + 128 * r * p


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    # Allow what scrypt needs plus room, within MAX_MEMORY.
    memory = min(MAX_MEMORY, _memory_needed(n, r, p) * 2 + 1024 * 1024)
    return hashlib.scrypt(
        normalize_pin(pin).encode("ascii"), salt=salt, n=n, r=r, p=p, maxmem=memory, dklen=length
    )


def hash_pin(pin: str, *, n: int = DEFAULT_N, r: int = DEFAULT_R, p: int = DEFAULT_P) -> str:
    """The string to store for this PIN (a fresh random salt each time)."""
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    salt = secrets.token_bytes(SALT_BYTES)
    return str(PinHash(n, r, p, salt, _scrypt(pin, salt, n, r, p, HASH_BYTES)))


def _decode(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise MalformedPinHash(f"staff_pin_hash: the {what} is not valid base64") from None


def parse_pin_hash(stored: str) -> PinHash:
    """Read a stored hash; raises MalformedPinHash saying what is wrong."""
    if not isinstance(stored, str) or not stored.strip():
        raise MalformedPinHash("staff_pin_hash: no staff PIN is set")
    match = _STORED.fullmatch(stored.strip())
    if not match:
        raise MalformedPinHash(
            "staff_pin_hash: not a PIN hash this app wrote "
            "(expected scrypt$n=…,r=…,p=…$salt$hash); set the PIN again with set-staff-pin"
        )
    n, r, p = int(match["n"]), int(match["r"]), int(match["p"])
    if n < 2 or n & (n - 1) or n > MAX_N:
        raise MalformedPinHash(f"staff_pin_hash: n={n} must be a power of 2 up to {MAX_N}")
    if not 1 <= r <= MAX_R or not 1 <= p <= MAX_P:
        raise MalformedPinHash(
            f"staff_pin_hash: r={r}, p={p} must be between 1 and {MAX_R} and 1 and {MAX_P}"
        )
    if n >= 2 ** (16 * r):
        # scrypt's own rule (RFC 7914): n must be below 2^(128 * r / 8); OpenSSL refuses it.
        raise MalformedPinHash(f"staff_pin_hash: n={n} is too large for r={r} (scrypt's rule)")
    if 128 * r * n > MAX_MEMORY // 2:
        raise MalformedPinHash("staff_pin_hash: n and r ask for too much memory")
    if n * r * p > MAX_WORK:
        raise MalformedPinHash(
            f"staff_pin_hash: n={n}, r={r}, p={p} would make each PIN check take too long"
        )
    salt = _decode(match["salt"], "salt")
    digest = _decode(match["hash"], "hash")
    if len(salt) < 8 or len(digest) < 16:
        raise MalformedPinHash("staff_pin_hash: the salt or the hash is too short")
    if len(salt) > MAX_SALT_BYTES or len(digest) > MAX_HASH_BYTES:
        raise MalformedPinHash("staff_pin_hash: the salt or the hash is too long")
    return PinHash(n, r, p, salt, digest)


def pin_hash_problem(stored: str) -> str | None:
    """Why this stored staff PIN hash cannot be used, as one line starting
    ``staff_pin_hash: ``; None when a PIN is set and this machine can check it.

    The full check: the format, every parameter within bounds, and one trial hash with these
    parameters (the few milliseconds a PIN check takes), so a hash this machine's scrypt would
    refuse is found now, not when staff try to leave the kiosk. For ``settings --check`` and
    the kiosk's start."""
    try:
        parsed = parse_pin_hash(stored)
    except MalformedPinHash as problem:
        return str(problem)
    try:
        _scrypt("0000", parsed.salt, parsed.n, parsed.r, parsed.p, len(parsed.digest))
    except (ValueError, MemoryError, OverflowError):
        return (
            f"staff_pin_hash: this computer cannot check a PIN with n={parsed.n}, r={parsed.r}, "
            f"p={parsed.p}; set the PIN again with set-staff-pin"
        )
    return None


def kiosk_pin_problem(stored: str, settings_file: str = "") -> str | None:
    """Why kiosk mode cannot start with this stored hash, as one line that says how to fix it;
    None when a PIN is set and readable."""
    problem = pin_hash_problem(stored)
    if problem:
        where = f"{settings_file}: " if settings_file else ""
        return f"{where}{problem}; kiosk mode needs a staff PIN: run `car-t-guide set-staff-pin`"
    return None


def verify_pin(pin: str, stored: str) -> bool:
    """True only for the right PIN. A missing or malformed stored hash is never a match (call
    parse_pin_hash to learn why)."""
    try:
        parsed = parse_pin_hash(stored)
    except MalformedPinHash:
        return False
    if pin_problem(pin):
        return False
    try:
        candidate = _scrypt(pin, parsed.salt, parsed.n, parsed.r, parsed.p, len(parsed.digest))
    except (ValueError, MemoryError, OverflowError):
        return False  # pin_hash_problem says why; kiosk mode does not start with such a hash
    return hmac.compare_digest(candidate, parsed.digest)


# --- the wait after wrong PINs ------------------------------------------------------------------


class LockoutPolicy:
    """After ``free_tries`` wrong PINs in a row, each further wrong PIN makes staff wait: 30 s,
    then 60 s, 120 s … up to 15 minutes. The right PIN starts the count again.

    Keep one policy for the life of the app (not one per keypad), and do not reset it when a
    kiosk forgets a family: otherwise walking away would clear the wait. Give it a
    ``LockoutFile`` and it survives a restart too: the count and the wait are read back (a wait
    never longer than the longest, whatever the computer's clock did meanwhile).
    """

    def __init__(
        self,
        *,
        free_tries: int = 5,
        first_wait_seconds: float = 30.0,
        longest_wait_seconds: float = 15 * 60.0,
        clock: Callable[[], float] = time.monotonic,
        saved_in: LockoutFile | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.free_tries = free_tries
        self.first_wait_seconds = first_wait_seconds
        self.longest_wait_seconds = longest_wait_seconds
        self._clock = clock
        self._wall_clock = wall_clock
        self._saved_in = saved_in
        self._wrong_in_a_row = 0
        self._locked_until = 0.0
        if saved_in is not None:
            state = saved_in.load()
            self._wrong_in_a_row = state.wrong_in_a_row
            left = min(state.locked_until - wall_clock(), longest_wait_seconds)
            if left > 0:
                self._locked_until = clock() + left

    def _save(self) -> None:
        if self._saved_in is not None:
            left = self.seconds_left()
            until = self._wall_clock() + left if left > 0 else 0.0
            self._saved_in.save(LockoutState(self._wrong_in_a_row, until))

    @property
    def wrong_in_a_row(self) -> int:
        return self._wrong_in_a_row

    def seconds_left(self) -> float:
        """How long staff must still wait before the next try (0 when they may try now)."""
        return max(0.0, self._locked_until - self._clock())

    def is_locked(self) -> bool:
        return self.seconds_left() > 0

    def wait_after(self, wrong_in_a_row: int) -> float:
        """The wait that follows this many wrong PINs in a row."""
        over = wrong_in_a_row - self.free_tries
        if over < 0:
            return 0.0
        return min(self.longest_wait_seconds, self.first_wait_seconds * 2 ** min(over, 30))

    def record_wrong(self) -> float:
        """Count a wrong PIN; returns the wait that starts now (0 for the first few).

        A try made while locked is refused by the caller before it gets here; if one is
        recorded anyway, it counts like any other.
        """
        self._wrong_in_a_row += 1
        wait = self.wait_after(self._wrong_in_a_row)
        if wait:
            self._locked_until = self._clock() + wait
        self._save()
        return wait

    def record_right(self) -> None:
        self._wrong_in_a_row = 0
        self._locked_until = 0.0
        self._save()
