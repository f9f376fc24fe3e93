"""Center settings: small TOML files clinic IT sets once per machine.

This module knows one file: its keys, how each value is checked, how it is read and written.
Where the files are and how their layers combine (machine-wide, user, ``--settings``) is in
``settings_layers``.

A broken file is refused as a whole with one plain line naming the file and the key: the app
never runs on half a configuration. An unknown key is a warning (a newer version's key is kept
when the file is saved again), unless it looks like a misspelling of a known one
(``emergncy_number``): that is refused, since the app would otherwise run on the default.

To add a key: a field in ``CenterSettings`` (with its source if it is a medical fact) and one
line in ``RULES`` saying how its value is checked.

Over 400 lines: one file format (every key's check, reading, layering and writing) kept in one
place, so a key cannot be read one way and written another.
"""

from __future__ import annotations

import math
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from car_t_guide.core.i18n import N_, SUPPORTED_LANGUAGES, _, normalize
from car_t_guide.core.machine.atomic import OWNER_ONLY, write_atomic
from car_t_guide.core.machine.small_files import NotASmallFile, read_small_file
from car_t_guide.core.machine.toml_writer import dumps, set_top_level_key, toml_value
from car_t_guide.core.plain_text import BIDI_CONTROLS, shown

SETTINGS_FILE_NAME = "settings.toml"
PAPER_SIZES = ("letter", "a4")
MAX_DAYS = 365
MAX_FOLLOW_UP_DAY = 15 * 366  # long-term follow-up lasts 15 years (fda-ltfu-guidance)
MAX_TEXT_CHARS = 500
MAX_FILE_BYTES = 256 * 1024  # a settings file is a few hundred bytes; this is generous
HEADER = "CAR T Family Guide center settings (see `car-t-guide settings`)."
LOCKED_KEY = "locked"  # machine-wide files only: the keys no other layer may change
SPEECH_VOICE_KEYS = tuple(f"speech_voice_{lang}" for lang in SUPPORTED_LANGUAGES)
# The default advice on fever medicine, in the center's own words when it sets its own. Pediatric
# oncology teams ask to be called before any fever or pain medicine is given, and no ibuprofen or
# aspirin without their word (blank-fever, cincy, gpoh, chop-home, huntsman): a fever medicine can
# hide the fever that is the first sign of CRS (sitc-2020). A catalogue entry, so the default is
# shown in the family's language; a center's own wording is shown as written.
DEFAULT_FEVER_MEDICINE = N_(
    "Call your CAR T team before you give any medicine for fever or pain. "
    "Do not give ibuprofen or aspirin unless the team says so."
)


@dataclass(frozen=True)
class CenterSettings:
    center_name: str = ""
    phone_24h: str = ""
    emergency_number: str = "911"
    # The CAR T product the center gives ("Kymriah (tisagenlecleucel)"), printed on the wallet
    # card when a family's session names none (plan.product); empty: a line to write it in.
    product: str = ""
    # June 2025 US label (fda-2025-rems): 2 weeks near the center, 2 weeks without driving.
    # Older and non-US labels: 28 and 56 days.
    stay_near_center_days: int = 14
    no_driving_days: int = 14
    follow_up_days: tuple[int, ...] = ()
    default_language: str = ""
    paper_size: str = ""  # "letter", "a4" or "" (from the system region)
    idle_timeout_seconds: float = 180.0
    idle_countdown_seconds: float = 30.0
    printer: str = ""
    fever_medicine: str = DEFAULT_FEVER_MEDICINE
    staff_pin_hash: str = ""  # scrypt, with its parameters
    # Read-aloud (ui/speech/): a center may turn it off, and "read what I touch" on from the
    # start; the voice for each language ("" = the best one the engine has: Latin American
    # Spanish where there is one); how fast "normal" reads, on Qt's scale (-1.0 slowest, 0 the
    # voice's own, 1.0 fastest; "slower" is a step below it); the volume (0.0 to 1.0).
    read_aloud: bool = True
    read_what_i_touch: bool = False
    speech_voice_en: str = ""
    speech_voice_es: str = ""
    speech_rate: float = 0.0
    speech_volume: float = 0.8
    extra: dict = field(default_factory=dict, compare=False)


DEFAULTS = CenterSettings()


class SettingsError(Exception):
    """A settings file that cannot be used; ``str()`` is one plain line: file, key, problem."""

    def __init__(self, source: str, key: str, message: str) -> None:
        super().__init__(": ".join(part for part in (source, key, message) if part))
        self.source = source
        self.key = key
        self.message = message


# --- checking each value ------------------------------------------------------------------------
# A rule takes the value as read and returns (the value to keep, why it is refused or None).

Checked = tuple[Any, "str | None"]


def _text_problem(value: Any) -> str | None:
    """Why this is not a one-line text, or None."""
    if not isinstance(value, str):
        return _("must be text in quotes, got {value}").format(value=_as_written(value))
    if len(value) > MAX_TEXT_CHARS:
        return _("is longer than {limit} characters").format(limit=MAX_TEXT_CHARS)
    if any(unicodedata.category(char) == "Cc" for char in value):
        return _("must be one line of text, without control characters")
    for char in value:
        if char in BIDI_CONTROLS:
            # The center's name prints on the summary and the wallet card: as in a session's
            # names, an override would show it backwards on screen but not on paper.
            return _(
                "contains a direction control character (U+{code:04X}), which can show the "
                "text backwards; please remove it"
            ).format(code=ord(char))
    return None


def _text(value: Any) -> Checked:
    return value, _text_problem(value)


# A phone number as people write it: an optional +, digits with spaces, dots, dashes, slashes
# or brackets between them, and maybe an extension ("ext. 12", "x12").
_PHONE = re.compile(r"\+?[0-9][0-9 ().\-/]*(?:\s*(?:ext\.?|x)\s*[0-9]{1,6})?", re.IGNORECASE)
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 6, 20
# Emergency numbers are short: 911, 112, 999, 000, 15, 061.
_EMERGENCY = re.compile(r"[0-9]{2,6}")


def _phone(value: Any) -> Checked:
    problem = _text_problem(value)
    if problem or not value.strip():
        return value, problem  # empty: not set here (``settings --check`` refuses it)
    digits = sum(char.isdigit() for char in value)
    if not _PHONE.fullmatch(value.strip()) or not (
        MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS
    ):
        return value, _(
            "'{value}' does not look like a phone number (digits, with spaces, +, -, "
            "brackets; {low} to {high} digits)"
        ).format(value=shown(value), low=MIN_PHONE_DIGITS, high=MAX_PHONE_DIGITS)
    return value.strip(), None


def _emergency_number(value: Any) -> Checked:
    problem = _text_problem(value)
    if problem:
        return value, problem
    if not value.strip():
        return value, _("is empty: families need a number to call in an emergency")
    if not _EMERGENCY.fullmatch(value.strip()):
        return value, _(
            "'{value}' does not look like an emergency number (2 to 6 digits, like 911 or 112)"
        ).format(value=shown(value))
    return value.strip(), None


def _days_problem(value: Any, low: int, high: int) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return _("must be a whole number of days, got {value}").format(value=_as_written(value))
    if not low <= value <= high:
        return _("must be from {low} to {high} days, got {value}").format(
            low=low, high=high, value=value
        )
    return None


def _days(value: Any) -> Checked:
    return value, _days_problem(value, 1, MAX_DAYS)


def _follow_up_days(value: Any) -> Checked:
    if not isinstance(value, list):
        return value, _("must be a list of days after the infusion, like [7, 14, 28]")
    for day in value:
        problem = _days_problem(day, 1, MAX_FOLLOW_UP_DAY)
        if problem:
            return value, problem
    return tuple(value), None


def _language(value: Any) -> Checked:
    problem = _text_problem(value)
    if problem or value == "":
        return value, problem
    found = normalize(value)
    if found is None:
        return value, _("'{value}' is not a language this app has; use one of: {options}").format(
            value=shown(value), options=", ".join(SUPPORTED_LANGUAGES)
        )
    return found, None


def _paper(value: Any) -> Checked:
    problem = _text_problem(value)
    if problem or value == "":
        return value, problem
    if value.lower() not in PAPER_SIZES:
        return value, _('must be "letter" or "a4", got \'{value}\'').format(value=shown(value))
    return value.lower(), None


def _seconds(low: float, high: float) -> Callable[[Any], Checked]:
    def check(value: Any) -> Checked:
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            return value, _("must be a number of seconds, got {value}").format(
                value=_as_written(value)
            )
        if not low <= value <= high:
            return value, _("must be from {low} to {high} seconds, got {value}").format(
                low=low, high=high, value=value
            )
        return float(value), None

    return check


def _number(low: float, high: float) -> Callable[[Any], Checked]:
    def check(value: Any) -> Checked:
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            return value, _("must be a number, got {value}").format(value=_as_written(value))
        if not low <= value <= high:
            return value, _("must be from {low} to {high}, got {value}").format(
                low=low, high=high, value=value
            )
        return float(value), None

    return check


def _fever_medicine(value: Any) -> Checked:
    problem = _text_problem(value)
    if problem is None and not value.strip():
        problem = _("must say what to do about fever medicine; leave the key out for the default")
    return value, problem


def _true_or_false(value: Any) -> Checked:
    if not isinstance(value, bool):
        return value, _("must be true or false, got {value}").format(value=_as_written(value))
    return value, None


def _as_written(value: Any) -> str:
    """A value as it looks in the TOML file, for messages: 'two' comes out as 'two'."""
    if isinstance(value, str):
        return f"'{shown(value)}'"
    return shown(toml_value(value))  # anything tomllib reads can be written back


#: How each key's value is checked, in the order `car-t-guide settings` prints them.
RULES: dict[str, Callable[[Any], Checked]] = {
    "center_name": _text,
    "phone_24h": _phone,
    "emergency_number": _emergency_number,
    "product": _text,
    "stay_near_center_days": _days,
    "no_driving_days": _days,
    "follow_up_days": _follow_up_days,
    "default_language": _language,
    "paper_size": _paper,
    "idle_timeout_seconds": _seconds(1, 86_400),
    "idle_countdown_seconds": _seconds(0, 3_600),
    "printer": _text,
    "fever_medicine": _fever_medicine,
    "staff_pin_hash": _text,  # its form is checked where it is used (core.machine.staff_pin)
    "read_aloud": _true_or_false,
    "read_what_i_touch": _true_or_false,
    **{key: _text for key in SPEECH_VOICE_KEYS},
    "speech_rate": _number(-1.0, 1.0),
    "speech_volume": _number(0.0, 1.0),
}

KEYS: tuple[str, ...] = tuple(f.name for f in fields(CenterSettings) if f.name != "extra")
if tuple(RULES) != KEYS:  # a key added to one and not the other is a programming error
    raise RuntimeError(f"settings RULES {tuple(RULES)} differ from CenterSettings {KEYS}")


def misspelling_of(key: str) -> str | None:
    """The known key this unknown one probably meant (``emergncy_number``), or None."""
    import difflib

    close = difflib.get_close_matches(key.lower(), (*KEYS, LOCKED_KEY), n=1, cutoff=0.8)
    return close[0] if close else None


# --- one file -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SettingsFile:
    """One file, checked: the values it sets, the keys it locks, what it does not know."""

    path: Path
    found: bool
    values: dict[str, Any] = field(default_factory=dict)  # known keys, checked and normalized
    locked: tuple[str, ...] = ()
    unknown: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def parse_settings(
    data: dict[str, Any], source: str, *, may_lock: bool = False
) -> tuple[CenterSettings, list[str]]:
    """Check every key of a decoded file; raise at the first bad one."""
    checked = _check_file(data, source, may_lock=may_lock)
    return CenterSettings(**checked.values, extra=dict(checked.unknown)), list(checked.warnings)


def _check_file(data: dict[str, Any], source: str, *, may_lock: bool) -> SettingsFile:
    values: dict[str, Any] = {}
    unknown: dict[str, Any] = {}
    warnings: list[str] = []
    locked: tuple[str, ...] = ()
    for key, value in data.items():
        if key == LOCKED_KEY and may_lock:
            locked = _check_locked(value, source, warnings)
            continue
        if key == LOCKED_KEY:
            raise SettingsError(
                source, key, _("only the machine-wide settings file can lock keys")
            )
        if key not in RULES:
            meant = misspelling_of(key)
            if meant:
                raise SettingsError(
                    source, shown(key), _("unknown setting; did you mean {key}?").format(key=meant)
                )
            warnings.append(
                ": ".join((source, shown(key), _("unknown setting, ignored (kept in the file)")))
            )
            unknown[key] = value
            continue
        kept, problem = RULES[key](value)
        if problem:
            raise SettingsError(source, key, problem)
        values[key] = kept
    return SettingsFile(Path(source), True, values, locked, unknown, tuple(warnings))


def _check_locked(value: Any, source: str, warnings: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SettingsError(
            source, LOCKED_KEY, _('must be a list of setting names, like ["emergency_number"]')
        )
    if "*" in value:
        return KEYS
    for name in value:
        if name not in RULES:
            meant = misspelling_of(name)
            if meant:
                raise SettingsError(
                    source,
                    LOCKED_KEY,
                    _("'{name}' is not a setting; did you mean {key}?").format(
                        name=shown(name), key=meant
                    ),
                )
            warnings.append(
                ": ".join(
                    (source, LOCKED_KEY, _("'{name}' is not a setting, ignored").format(
                        name=shown(name)
                    ))
                )
            )
    return tuple(key for key in KEYS if key in value)


def decode_settings_file(path: Path) -> dict[str, Any]:
    """The file's TOML as a dict; raises FileNotFoundError, or SettingsError saying why not.

    Only a regular file of at most MAX_FILE_BYTES is read (a FIFO or /dev/zero is refused, not
    waited on); a UTF-8 byte order mark, as Windows Notepad writes, is accepted.
    """
    source = str(path)
    try:
        raw = read_small_file(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise
    except NotASmallFile as refused:
        if refused.reason == "too_large":
            message = _("is larger than {size} KB; a settings file is a few lines").format(
                size=MAX_FILE_BYTES // 1024
            )
        else:
            message = _("is not a regular file")
        raise SettingsError(source, "", message) from None
    except OSError as error:
        raise SettingsError(
            source, "", _("cannot be read: {reason}").format(reason=error.strerror or error)
        ) from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise SettingsError(source, "", _("is not text (UTF-8)")) from None
    import tomllib  # only when a settings file is read, not at start-up

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(
            source, "", _("is not valid TOML ({reason})").format(reason=shown(str(error)))
        ) from None


def read_settings_file(path: Path, *, may_lock: bool = False) -> SettingsFile:
    """One file, checked; a missing file is ``found=False`` with nothing in it."""
    try:
        data = decode_settings_file(path)
    except FileNotFoundError:
        return SettingsFile(path, False)
    return _check_file(data, str(path), may_lock=may_lock)


# --- writing ------------------------------------------------------------------------------------


def settings_to_toml(settings: CenterSettings) -> str:
    """Only the values that differ from the defaults, then unknown keys as they were."""
    values: dict[str, Any] = {}
    for key in KEYS:
        value = getattr(settings, key)
        if value != getattr(DEFAULTS, key):
            values[key] = list(value) if isinstance(value, tuple) else value
    values.update({k: v for k, v in settings.extra.items() if k not in KEYS})
    return dumps(values, header=HEADER)


def save_settings(settings: CenterSettings, path: str | os.PathLike[str]) -> None:
    """Write the file all at once; an existing file keeps its permissions, a new one is
    owner-only (it may hold the staff PIN hash)."""
    target = Path(path)
    text = settings_to_toml(settings)
    import tomllib

    # Refuse to write what loading would refuse.
    parse_settings(tomllib.loads(text), str(target))
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = OWNER_ONLY
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text.encode("utf-8"), mode=mode)


def set_key_in_file(
    path: str | os.PathLike[str],
    key: str,
    value: Any,
    *,
    may_lock: bool = False,
    new_file_mode: int = OWNER_ONLY,
    group: int | None = None,
    secret: bool = False,
) -> None:
    """Change one key of one file, keeping everything else as written: other keys, unknown
    keys and comments. A missing file is made with ``new_file_mode``; an existing one keeps its
    mode, owner and group. ``group``: the group the file is given (the kiosk users' group).
    ``secret``: the value must not be readable by everyone (the staff PIN hash), so the file
    loses any permission for "others".

    Raises SettingsError for a file that cannot be read as settings (it is left untouched),
    OSError for one that cannot be written."""
    target = Path(path)
    try:
        before = decode_settings_file(target)
        text = read_small_file(target, MAX_FILE_BYTES).decode("utf-8").removeprefix("\ufeff")
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        before, text, info = {}, "", None
    _check_file(before, str(target), may_lock=may_lock)  # never rewrite a broken file
    if text.strip():
        text = set_top_level_key(text, key, value)
    else:
        text = dumps({key: value}, HEADER)
    import tomllib

    _check_file(tomllib.loads(text), str(target), may_lock=may_lock)
    mode = new_file_mode if info is None else stat.S_IMODE(info.st_mode)
    if secret:
        mode &= ~0o007
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text.encode("utf-8"), mode=mode)
    # The rename made a new file, owned by whoever runs this: give it back its owner and group.
    uid = info.st_uid if info is not None else -1
    gid = group if group is not None else (info.st_gid if info is not None else -1)
    if hasattr(os, "chown") and (uid, gid) != (-1, -1):
        try:
            os.chown(target, uid, gid)
        except PermissionError:
            pass  # not root: the file stays the caller's, as an ordinary user's file would be


def with_changes(settings: CenterSettings, **changes: Any) -> CenterSettings:
    """A copy with some values changed, keeping unknown keys."""
    return replace(settings, **changes, extra=dict(settings.extra))
