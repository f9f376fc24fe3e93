"""`car-t-guide set-staff-pin [--from-stdin] [--system]`: set or change the staff PIN that
leaves kiosk mode.

On a terminal the PIN is asked twice and never echoed; ``--from-stdin`` reads one line, for
deployment scripts (``printf '%s\\n' "$PIN" | car-t-guide set-staff-pin --from-stdin``). Only the
salted scrypt hash is written, all at once, changing that one line of the settings file and
keeping everything else in it, comments included. The file is never readable by everyone: a
4-digit PIN's hash falls to a search in minutes.

``--system`` writes the machine-wide settings file (run by an administrator): it is given to the
``car-t-guide`` group, which the kiosk user belongs to, and a PIN set there is locked (a user's
own settings cannot replace it). Without it, the user's file (or ``--settings FILE``).
Exit 0, or 2 with one ``error:`` line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from car_t_guide.core.i18n import _
from car_t_guide.core.machine.staff_pin import (
    hash_pin,
    is_easy_to_guess,
    normalize_pin,
    pin_problem,
)
from car_t_guide.core.plain_text import terminal_line

EXIT_OK = 0
EXIT_BAD_INPUT = 2
KIOSK_GROUP = "car-t-guide"

AskSecret = Callable[[str], str]


class _PinRefused(Exception):
    """One plain line for the ``error:`` output."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one plain line instead of usage + message
        raise _PinRefused(message)


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """The command's options (on a parser of the caller's, or a new one)."""
    parser = parser or _Parser(
        prog="car-t-guide set-staff-pin",
        description="Set or change the staff PIN that leaves kiosk mode.",
    )
    parser.add_argument(
        "--from-stdin",
        action="store_true",
        help="read the PIN from the first line of standard input instead of asking",
    )
    parser.add_argument(
        "--system",
        action="store_true",
        help="write the machine-wide settings (as an administrator), readable by the kiosk user",
    )
    # The caller's parser may already have a shared --settings option; keep that one.
    with contextlib.suppress(argparse.ArgumentError):
        parser.add_argument("--settings", type=Path, help="the center settings file to change")
    return parser


def _ask_on_terminal(prompt: str) -> str:
    # getpass falls back to reading stdin *with echo* (and a warning) when there is no terminal;
    # turn that warning into a refusal, so a PIN is never shown on screen or in a CI log.
    with warnings.catch_warnings():
        warnings.simplefilter("error", getpass.GetPassWarning)
        try:
            return getpass.getpass(prompt)
        except getpass.GetPassWarning:
            raise _PinRefused(
                _("there is no terminal to ask for the PIN; use --from-stdin")
            ) from None


def _not_changed(reason: str) -> str:
    return _("{reason}; the staff PIN was not changed").format(reason=reason)


# A PIN is at most 12 digits: a line longer than this is not a PIN (and /dev/zero never ends).
MAX_STDIN_LINE = 256


def _pin_from_stdin(stdin: TextIO) -> str:
    line = stdin.readline(MAX_STDIN_LINE + 1)
    if not line:
        raise _PinRefused(_("--from-stdin: standard input is empty; give the PIN on one line"))
    if len(line) > MAX_STDIN_LINE:
        raise _PinRefused(_("--from-stdin: the first line is far too long to be a PIN"))
    return line.rstrip("\r\n")


def _pin_from_terminal(ask: AskSecret) -> str:
    first = ask(_("New staff PIN ({low} to {high} digits): ").format(low=4, high=12))
    problem = pin_problem(first)
    if problem:
        raise _PinRefused(problem)
    second = ask(_("Type the same PIN again: "))
    if normalize_pin(second) != normalize_pin(first):
        raise _PinRefused(_not_changed(_("the two PINs are not the same")))
    return first


def kiosk_group_id() -> int | None:
    """The id of the group whose members may read the machine-wide settings (the kiosk user's),
    or None where there is no such group (or no groups: Windows)."""
    try:
        import grp
    except ImportError:
        return None
    try:
        return grp.getgrnam(KIOSK_GROUP).gr_gid
    except KeyError:
        return None


def _refuse_if_locked_machine_wide() -> None:
    """A PIN set machine-wide wins over a user's: changing the user's would change nothing."""
    from car_t_guide.core.machine.settings import SettingsError, read_settings_file
    from car_t_guide.core.machine.settings_layers import machine_settings_paths

    for path in machine_settings_paths():
        try:
            found = read_settings_file(path, may_lock=True)
        except SettingsError as problem:
            raise _PinRefused(_not_changed(str(problem))) from None
        if "staff_pin_hash" in found.values or "staff_pin_hash" in found.locked:
            raise _PinRefused(
                _not_changed(
                    _("{file}: the staff PIN is set machine-wide and locked; an administrator "
                      "changes it with: car-t-guide set-staff-pin --system").format(file=path)
                )
            )


def _store(pin_hash: str, settings_path: Path, *, system: bool) -> list[str]:
    """Write the hash; returns warnings for the person running the command."""
    # Imported here: the settings module is only needed once a PIN has been typed.
    from car_t_guide.core.machine.settings import SettingsError, set_key_in_file

    group = kiosk_group_id() if system else None
    try:
        set_key_in_file(
            settings_path,
            "staff_pin_hash",
            pin_hash,
            may_lock=system,
            new_file_mode=0o640 if system else 0o600,
            group=group,
            secret=True,
        )
    except SettingsError as problem:
        raise _PinRefused(_not_changed(str(problem))) from None
    except OSError as error:
        reason = _("cannot be saved: {reason}").format(reason=error.strerror or error)
        if system and isinstance(error, PermissionError):
            reason += "; " + _("run it as an administrator (sudo)")
        raise _PinRefused(_not_changed(f"{settings_path}: {reason}")) from None
    if system and group is None and hasattr(os, "getuid"):
        return [
            _("there is no group '{group}', so only the file's owner can read {file}: the "
              "kiosk will not start as another user; create the group and add the kiosk user "
              "to it (the Debian package does both)").format(group=KIOSK_GROUP, file=settings_path)
        ]
    return []


def _target(named: str | os.PathLike[str] | None, system: bool) -> Path:
    """The file to write: with --system the machine-wide one, else the caller's path, else
    --settings, else the variable, else the user's file."""
    from car_t_guide.core.machine.settings_layers import machine_settings_paths, settings_path

    if system:
        if named:
            raise _PinRefused(_("--system and --settings name two different files; use one"))
        paths = machine_settings_paths()
        if not paths:
            raise _PinRefused(_("there is no machine-wide settings folder on this system"))
        return paths[0]
    _refuse_if_locked_machine_wide()
    return settings_path(named)


def run_set_staff_pin(
    args: argparse.Namespace | Sequence[str],
    stdin: TextIO | None = None,
    stderr: TextIO | None = None,
    settings_path: str | os.PathLike[str] | None = None,
    *,
    stdout: TextIO | None = None,
    ask_secret: AskSecret | None = None,
) -> int:
    """Run the command; returns the exit status.

    ``args``: the parsed options (a Namespace with ``from_stdin`` and maybe ``settings``) or the
    words after ``set-staff-pin``. ``settings_path``: the center settings file; when None,
    ``--settings``, then where core.settings looks. ``ask_secret``: asks for a PIN without echo
    (getpass; tests pass their own).
    """
    stdin = stdin if stdin is not None else sys.stdin
    stderr = stderr if stderr is not None else sys.stderr
    stdout = stdout if stdout is not None else sys.stdout
    try:
        options = args if isinstance(args, argparse.Namespace) else build_parser().parse_args(
            list(args)
        )
        system = bool(getattr(options, "system", False))
        path = _target(settings_path or getattr(options, "settings", None), system)
        try:
            if getattr(options, "from_stdin", False):
                pin = _pin_from_stdin(stdin)
            else:
                pin = _pin_from_terminal(ask_secret or _ask_on_terminal)
        except (EOFError, KeyboardInterrupt):
            raise _PinRefused(_not_changed(_("cancelled"))) from None
        problem = pin_problem(pin)
        if problem:
            raise _PinRefused(problem)
        if is_easy_to_guess(pin):
            # "warning:" stays English: scripts look for it (DESIGN.md, command line).
            print("warning: " + _("this PIN is easy to guess; a less obvious one is safer"),
                  file=stderr)
        for warning in _store(hash_pin(pin), path, system=system):
            print("warning: " + terminal_line(warning), file=stderr)
    except _PinRefused as problem:
        print(f"error: {terminal_line(str(problem))}", file=stderr)
        return EXIT_BAD_INPUT
    print(_("The staff PIN is set (saved in {file}).").format(file=path), file=stdout)
    return EXIT_OK
