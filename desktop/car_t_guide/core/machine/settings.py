"""Center settings: one small TOML file clinic IT sets once per machine.

Where: ``--settings FILE``, else the ``CAR_T_GUIDE_SETTINGS`` variable, else ``settings.toml`` in
the platform's config folder. A missing file means the defaults. A broken file is refused as a
whole with one plain line naming the file and the key: the app never runs on half a
configuration. Unknown keys are a warning, and kept when the file is saved again.
"""

from __future__ import annotations

import math
import os
import stat
import tomllib
import unicodedata
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from car_t_guide.core.i18n import SUPPORTED_LANGUAGES, _, normalize
from car_t_guide.core.machine.atomic import OWNER_ONLY, write_atomic
from car_t_guide.core.machine.paths import config_dir
from car_t_guide.core.machine.toml_writer import dumps, toml_value
from car_t_guide.core.plain_text import shown

SETTINGS_VARIABLE = "CAR_T_GUIDE_SETTINGS"
SETTINGS_FILE_NAME = "settings.toml"
PAPER_SIZES = ("letter", "a4")
MAX_DAYS = 365
MAX_FOLLOW_UP_DAY = 15 * 366  # long-term follow-up lasts 15 years (fda-ltfu-guidance)
MAX_TEXT_CHARS = 500


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
    staff_pin_hash: str = ""  # scrypt, with its parameters
    extra: dict = field(default_factory=dict, compare=False)


# The keys of the file, in the order `car-t-guide settings` prints them.
KEYS: tuple[str, ...] = tuple(f.name for f in fields(CenterSettings) if f.name != "extra")
DEFAULTS = CenterSettings()


class SettingsError(Exception):
    """A settings file that cannot be used; ``str()`` is one plain line: file, key, problem."""

    def __init__(self, source: str, key: str, message: str) -> None:
        super().__init__(": ".join(part for part in (source, key, message) if part))
        self.source = source
        self.key = key
        self.message = message


@dataclass(frozen=True)
class LoadedSettings:
    settings: CenterSettings
    origin: dict[str, str]  # key -> "default" or the file it came from
    path: Path  # the file looked for (it may not exist)
    found: bool = False
    warnings: tuple[str, ...] = ()


def settings_path(explicit_path: str | os.PathLike[str] | None = None) -> Path:
    """``--settings FILE`` wins, then CAR_T_GUIDE_SETTINGS, then the platform location."""
    if explicit_path:
        return Path(explicit_path)
    from_environment = os.environ.get(SETTINGS_VARIABLE)
    if from_environment:
        return Path(from_environment)
    return config_dir() / SETTINGS_FILE_NAME


# --- checking each value ------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    """Why this is not a one-line text, or None."""
    if not isinstance(value, str):
        return _("must be text in quotes, got {value}").format(value=shown(str(value)))
    if len(value) > MAX_TEXT_CHARS:
        return _("is longer than {limit} characters").format(limit=MAX_TEXT_CHARS)
    if any(unicodedata.category(char) == "Cc" for char in value):
        return _("must be one line of text, without control characters")
    return None


def _days(value: Any, low: int, high: int) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return _("must be a whole number of days, got {value}").format(value=_as_written(value))
    if not low <= value <= high:
        return _("must be from {low} to {high} days, got {value}").format(
            low=low, high=high, value=value
        )
    return None


def _seconds(value: Any, low: float, high: float) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        return _("must be a number of seconds, got {value}").format(value=_as_written(value))
    if not low <= value <= high:
        return _("must be from {low} to {high} seconds, got {value}").format(
            low=low, high=high, value=value
        )
    return None


def _as_written(value: Any) -> str:
    """A value as it looks in the TOML file, for messages: 'two' comes out as 'two'."""
    if isinstance(value, str):
        return f"'{shown(value)}'"
    return shown(toml_value(value))  # anything tomllib reads can be written back


def _check(key: str, value: Any) -> tuple[Any, str | None]:
    """The value to keep (normalized) and why it is refused, if it is."""
    if key in (
        "center_name",
        "phone_24h",
        "emergency_number",
        "product",
        "printer",
        "staff_pin_hash",
    ):
        return value, _text(value)
    if key in ("stay_near_center_days", "no_driving_days"):
        return value, _days(value, 1, MAX_DAYS)
    if key == "follow_up_days":
        if not isinstance(value, list):
            return value, _("must be a list of days after the infusion, like [7, 14, 28]")
        for day in value:
            problem = _days(day, 1, MAX_FOLLOW_UP_DAY)
            if problem:
                return value, problem
        return tuple(value), None
    if key == "default_language":
        problem = _text(value)
        if problem or value == "":
            return value, problem
        found = normalize(value)
        if found is None:
            return value, _(
                "'{value}' is not a language this app has; use one of: {options}"
            ).format(value=shown(value), options=", ".join(SUPPORTED_LANGUAGES))
        return found, None
    if key == "paper_size":
        problem = _text(value)
        if problem or value == "":
            return value, problem
        if value.lower() not in PAPER_SIZES:
            return value, _('must be "letter" or "a4", got \'{value}\'').format(value=shown(value))
        return value.lower(), None
    if key in ("idle_timeout_seconds", "idle_countdown_seconds"):
        low, high = (1, 86_400) if key == "idle_timeout_seconds" else (0, 3_600)
        problem = _seconds(value, low, high)
        return (value if problem else float(value)), problem
    raise KeyError(key)  # every key of CenterSettings has a rule above


def parse_settings(data: dict[str, Any], source: str) -> tuple[CenterSettings, list[str]]:
    """Check every key of a decoded file; raise at the first bad one."""
    values: dict[str, Any] = {}
    warnings = []
    for key, value in data.items():
        if key not in KEYS:
            warnings.append(
                ": ".join((source, shown(key), _("unknown setting, ignored (kept in the file)")))
            )
            continue
        kept, problem = _check(key, value)
        if problem:
            raise SettingsError(source, key, problem)
        values[key] = kept
    extra = {key: value for key, value in data.items() if key not in KEYS}
    return CenterSettings(**values, extra=extra), warnings


# --- loading, describing, saving ----------------------------------------------------------------


def load_settings(explicit_path: str | os.PathLike[str] | None = None) -> LoadedSettings:
    path = settings_path(explicit_path)
    source = str(path)
    defaults = {key: "default" for key in KEYS}
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        warnings: tuple[str, ...] = ()
        if explicit_path:  # someone named this file: say it is not there
            warnings = (": ".join((source, _("not found; using the default settings"))),)
        return LoadedSettings(CenterSettings(), defaults, path, False, warnings)
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(
            source, "", _("is not valid TOML ({reason})").format(reason=error)
        ) from None
    except UnicodeDecodeError:
        raise SettingsError(source, "", _("is not text (UTF-8)")) from None
    except OSError as error:
        raise SettingsError(
            source, "", _("cannot be read: {reason}").format(reason=error.strerror or error)
        ) from None
    settings, warnings_list = parse_settings(data, source)
    origin = {key: (source if key in data else "default") for key in KEYS}
    return LoadedSettings(settings, origin, path, True, tuple(warnings_list))


def describe_settings(loaded: LoadedSettings) -> list[str]:
    """The lines of `car-t-guide settings`: each value in effect and where it came from.

    The staff PIN hash is never printed, only whether it is set.
    """
    lines = []
    for key in KEYS:
        value = getattr(loaded.settings, key)
        if key == "staff_pin_hash":
            written = _("set") if value else _("not set")
        else:
            written = toml_value(list(value) if isinstance(value, tuple) else value)
        origin = loaded.origin.get(key, "default")
        where = _("default") if origin == "default" else _("from {file}").format(file=origin)
        lines.append(f"{key} = {written}   ({where})")
    for key, value in loaded.settings.extra.items():
        where = _("unknown setting, ignored; from {file}").format(file=loaded.path)
        lines.append(f"{shown(key)} = {shown(toml_value(value), 80)}   ({where})")
    return lines


def settings_to_toml(settings: CenterSettings) -> str:
    """Only the values that differ from the defaults, then unknown keys as they were."""
    values: dict[str, Any] = {}
    for key in KEYS:
        value = getattr(settings, key)
        if value != getattr(DEFAULTS, key):
            values[key] = list(value) if isinstance(value, tuple) else value
    values.update({k: v for k, v in settings.extra.items() if k not in KEYS})
    return dumps(values, header="CAR T Family Guide center settings (see `car-t-guide settings`).")


def save_settings(settings: CenterSettings, path: str | os.PathLike[str]) -> None:
    """Write the file all at once; an existing file keeps its permissions, a new one is
    owner-only (it holds the staff PIN hash)."""
    target = Path(path)
    text = settings_to_toml(settings)
    # Refuse to write what load_settings would refuse.
    parse_settings(tomllib.loads(text), str(target))
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = OWNER_ONLY
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text.encode("utf-8"), mode=mode)


def with_changes(settings: CenterSettings, **changes: Any) -> CenterSettings:
    """A copy with some values changed, keeping unknown keys (e.g. a new staff PIN hash)."""
    return replace(settings, **changes, extra=dict(settings.extra))
