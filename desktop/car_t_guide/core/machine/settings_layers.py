"""Where the center settings come from, and how their layers combine.

Layers, lowest first (a later layer's value replaces an earlier one's):

1. the defaults (``settings.CenterSettings``);
2. the machine-wide files clinic IT controls: ``car-t-guide/settings.toml`` in each folder of
   ``XDG_CONFIG_DIRS`` (``/etc/xdg`` when unset; the first folder wins) on Linux and other
   Unix systems, ``%PROGRAMDATA%\\car-t-guide\\settings.toml`` on Windows,
   ``/Library/Application Support/car-t-guide/settings.toml`` on macOS.
   ``CAR_T_GUIDE_SYSTEM_CONFIG_DIRS`` (folders that hold ``settings.toml``, separated like
   ``PATH``, the first winning; empty for none) replaces them: tests never read ``/etc``;
3. the user's file (``settings.toml`` in ``paths.config_dir()``);
4. the file named by ``--settings``, else by the ``CAR_T_GUIDE_SETTINGS`` variable.

A machine-wide file may lock keys: ``locked = ["emergency_number", "phone_24h"]`` (or
``["*"]`` for all). A locked key keeps the machine-wide value, or the default if no machine-wide
file sets it; a later layer that sets it gets a warning and is not used. A staff PIN hash set
machine-wide is always locked: a user's file cannot replace the PIN IT set.

Locks keep a laptop's user file or a ``--settings`` file from changing what IT fixed; they are not
a wall against someone who controls the app's environment (they could run another copy).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from car_t_guide.core.i18n import _
from car_t_guide.core.machine.paths import APP_NAME, config_dir
from car_t_guide.core.machine.settings import (
    KEYS,
    RULES,
    SETTINGS_FILE_NAME,
    CenterSettings,
    SettingsError,
    SettingsFile,
    decode_settings_file,
    misspelling_of,
    read_settings_file,
)
from car_t_guide.core.machine.staff_pin import MalformedPinHash, parse_pin_hash
from car_t_guide.core.machine.toml_writer import toml_value
from car_t_guide.core.plain_text import shown

SETTINGS_VARIABLE = "CAR_T_GUIDE_SETTINGS"
SYSTEM_DIRS_VARIABLE = "CAR_T_GUIDE_SYSTEM_CONFIG_DIRS"

DEFAULT = "default"
MACHINE = "machine-wide"
USER = "user"
OPTION = "--settings"
VARIABLE = SETTINGS_VARIABLE
ALWAYS_LOCKED_WHEN_MACHINE_WIDE = ("staff_pin_hash",)


# --- where the files are ------------------------------------------------------------------------


def machine_settings_paths() -> list[Path]:
    """The machine-wide files, the one that wins first (they may not exist)."""
    override = os.environ.get(SYSTEM_DIRS_VARIABLE)
    if override is not None:
        folders = [Path(folder) for folder in override.split(os.pathsep) if folder]
        return [folder / SETTINGS_FILE_NAME for folder in folders]
    if sys.platform == "win32":
        folders = [Path(os.environ.get("PROGRAMDATA") or r"C:\ProgramData") / APP_NAME]
    elif sys.platform == "darwin":
        folders = [Path("/Library/Application Support") / APP_NAME]
    else:
        xdg = os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg"
        # The XDG spec allows only absolute paths; a relative one would depend on the folder
        # the app happens to start in.
        folders = [Path(part) / APP_NAME for part in xdg.split(":") if part.startswith("/")]
    return [folder / SETTINGS_FILE_NAME for folder in folders]


def user_settings_path() -> Path:
    return config_dir() / SETTINGS_FILE_NAME


def named_settings_path(
    explicit_path: str | os.PathLike[str] | None = None,
) -> tuple[Path | None, str]:
    """The file named by ``--settings`` or the variable, and which of them named it; or
    (None, "") when neither did."""
    if explicit_path:
        return Path(explicit_path), OPTION
    from_environment = os.environ.get(SETTINGS_VARIABLE)
    if from_environment:
        return Path(from_environment), VARIABLE
    return None, ""


def settings_path(explicit_path: str | os.PathLike[str] | None = None) -> Path:
    """The file a user's change goes to: ``--settings FILE``, then CAR_T_GUIDE_SETTINGS, then
    the user's file."""
    named, _kind = named_settings_path(explicit_path)
    return named if named is not None else user_settings_path()


# --- loading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layer:
    name: str  # MACHINE, USER, OPTION or VARIABLE
    file: SettingsFile


@dataclass(frozen=True)
class LoadedSettings:
    settings: CenterSettings
    origin: dict[str, str]  # key -> the file it came from, or "default"
    path: Path  # the file a user's change would go to (named, else the user's file)
    found: bool = False  # whether any settings file was found
    warnings: tuple[str, ...] = ()
    layer_of: dict[str, str] = field(default_factory=dict)  # key -> DEFAULT, MACHINE, ...
    locked: frozenset[str] = frozenset()
    layers: tuple[Layer, ...] = ()


def load_settings(explicit_path: str | os.PathLike[str] | None = None) -> LoadedSettings:
    """Every layer, combined; raises SettingsError for any file that is there but unusable
    (a machine-wide file that cannot be read stops the app too: running without it would drop
    IT's locks)."""
    layers: list[Layer] = []
    warnings: list[str] = []
    for path in reversed(machine_settings_paths()):  # the least important first
        layers.append(Layer(MACHINE, read_settings_file(path, may_lock=True)))
    layers.append(Layer(USER, read_settings_file(user_settings_path())))
    named, kind = named_settings_path(explicit_path)
    if named is not None:
        layer = Layer(kind, read_settings_file(named))
        layers.append(layer)
        if not layer.file.found:  # someone named this file: say it is not there
            warnings.append(": ".join((str(named), _("not found; using the other settings"))))

    values: dict[str, Any] = {}
    origin = {key: DEFAULT for key in KEYS}
    layer_of = {key: DEFAULT for key in KEYS}
    locked: set[str] = set()
    locked_by: dict[str, Path] = {}
    for layer in layers:
        warnings.extend(layer.file.warnings)
        for key, value in layer.file.values.items():
            if key in locked:
                warnings.append(
                    ": ".join((
                        str(layer.file.path),
                        key,
                        _("locked by the machine-wide settings ({file}); this value is not used")
                        .format(file=locked_by[key]),
                    ))
                )
                continue
            values[key] = value
            origin[key] = str(layer.file.path)
            layer_of[key] = layer.name
        if layer.name == MACHINE:
            new_locks = set(layer.file.locked) | {
                key for key in ALWAYS_LOCKED_WHEN_MACHINE_WIDE if key in layer.file.values
            }
            for key in new_locks - locked:
                locked_by[key] = layer.file.path
            locked |= new_locks
    unknown: dict[str, Any] = {}
    for layer in layers:
        unknown.update(layer.file.unknown)
    return LoadedSettings(
        CenterSettings(**values, extra=unknown),
        origin,
        named if named is not None else user_settings_path(),
        any(layer.file.found for layer in layers),
        tuple(warnings),
        layer_of,
        frozenset(locked),
        tuple(layers),
    )


# --- describing ---------------------------------------------------------------------------------


def pin_hash_state(stored: str) -> tuple[str, str]:
    """("set" | "not set" | "not valid", why not valid): never the hash itself."""
    if not stored:
        return "not set", ""
    try:
        parse_pin_hash(stored)
    except MalformedPinHash as problem:
        return "not valid", str(problem).removeprefix("staff_pin_hash: ")
    return "set", ""


def _pin_hash_words(stored: str) -> str:
    state, why = pin_hash_state(stored)
    if state == "set":
        return _("set")
    if state == "not set":
        return _("not set")
    return _("not valid ({reason}); kiosk mode will not start").format(reason=why)


def _where(loaded: LoadedSettings, key: str) -> str:
    layer = loaded.layer_of.get(key, DEFAULT)
    if layer == DEFAULT:
        where = _("default")
    else:
        where = f"{_layer_name(layer)}: {loaded.origin[key]}"
    if key in loaded.locked:
        where += ", " + _("locked")
    return where


def _layer_name(layer: str) -> str:
    return {MACHINE: _("machine-wide"), USER: _("user")}.get(layer, layer)


def describe_settings(loaded: LoadedSettings) -> list[str]:
    """The lines of `car-t-guide settings`: the files looked at, then each value in effect with
    the layer it came from and whether it is locked. The staff PIN hash is never printed."""
    lines = [_("# Settings files, lowest layer first:")]
    for layer in loaded.layers:
        state = _("found") if layer.file.found else _("not found")
        lines.append(f"#   {_layer_name(layer.name)}: {layer.file.path} ({state})")
    for key in KEYS:
        value = getattr(loaded.settings, key)
        if key == "staff_pin_hash":
            written = _pin_hash_words(value)
        else:
            written = toml_value(list(value) if isinstance(value, tuple) else value)
        lines.append(f"{key} = {written}   ({_where(loaded, key)})")
    for layer in loaded.layers:
        for key, value in layer.file.unknown.items():
            where = _("unknown setting, ignored; from {file}").format(file=layer.file.path)
            lines.append(f"{shown(key)} = {shown(toml_value(value), 80)}   ({where})")
    return lines


def settings_as_json(loaded: LoadedSettings) -> dict[str, Any]:
    """What `car-t-guide settings --json` prints, for inventory tools (no PIN hash in it)."""
    settings: dict[str, Any] = {}
    for key in KEYS:
        value = getattr(loaded.settings, key)
        entry: dict[str, Any] = {
            "layer": loaded.layer_of.get(key, DEFAULT),
            "file": None if loaded.origin.get(key, DEFAULT) == DEFAULT else loaded.origin[key],
            "locked": key in loaded.locked,
        }
        if key == "staff_pin_hash":
            entry["value"], problem = pin_hash_state(value)
            if problem:
                entry["problem"] = problem
        else:
            entry["value"] = list(value) if isinstance(value, tuple) else value
        settings[key] = entry
    return {
        "layers": [
            {"layer": layer.name, "file": str(layer.file.path), "found": layer.file.found}
            for layer in loaded.layers
        ],
        "settings": settings,
        "unknown": [
            {"key": key, "file": str(layer.file.path), "value": toml_value(value)}
            for layer in loaded.layers
            for key, value in layer.file.unknown.items()
        ],
        "warnings": list(loaded.warnings),
    }


# --- `settings --check FILE` --------------------------------------------------------------------


def check_settings_file(path: Path) -> list[str]:
    """Every problem in one file, strictly, for IT's scripts: unknown keys, values the app
    would refuse, an empty phone or emergency number, a staff PIN hash the kiosk cannot use.
    Each problem is one line: file, key, what is wrong. An empty list means the file is good."""
    source = str(path)
    try:
        data = decode_settings_file(path)
    except FileNotFoundError:
        return [": ".join((source, _("not found")))]
    except SettingsError as problem:
        return [str(problem)]
    problems = []
    for key, value in data.items():
        if key == "locked":
            problems.extend(_locked_list_problems(source, value))
            continue
        if key not in RULES:
            meant = misspelling_of(key)
            hint = _("; did you mean {key}?").format(key=meant) if meant else ""
            problems.append(": ".join((source, shown(key), _("unknown setting") + hint)))
            continue
        kept, problem = RULES[key](value)
        if problem is None and key == "phone_24h" and not kept.strip():
            problem = _("is empty: families need a number to call day or night")
        if problem is None and key == "staff_pin_hash":
            try:
                parse_pin_hash(kept)
            except MalformedPinHash as malformed:
                problem = str(malformed).removeprefix("staff_pin_hash: ")
        if problem:
            problems.append(": ".join((source, key, problem)))
    return problems


def _locked_list_problems(source: str, value: Any) -> list[str]:
    """Problems with a ``locked`` list (unknown names are problems here, not warnings)."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return [": ".join((
            source, "locked", _('must be a list of setting names, like ["emergency_number"]')
        ))]
    problems = []
    for name in value:
        if name != "*" and name not in RULES:
            meant = misspelling_of(name)
            hint = _("; did you mean {key}?").format(key=meant) if meant else ""
            problems.append(
                ": ".join((source, "locked", _("'{name}' is not a setting").format(
                    name=shown(name)
                ) + hint))
            )
    return problems
