"""`car-t-guide set-staff-pin [--from-stdin]`: set or change the staff PIN that leaves kiosk mode.

On a terminal the PIN is asked twice and never echoed; ``--from-stdin`` reads one line, for
deployment scripts (``printf '%s\\n' "$PIN" | car-t-guide set-staff-pin --from-stdin``). Only the
salted scrypt hash is written, into the center settings file, all at once, keeping every other
setting. Exit 0, or 2 with one ``error:`` line on stderr, never a traceback.
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

EXIT_OK = 0
EXIT_BAD_INPUT = 2

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


def _pin_from_stdin(stdin: TextIO) -> str:
    line = stdin.readline()
    if not line:
        raise _PinRefused(_("--from-stdin: standard input is empty; give the PIN on one line"))
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


def _store(pin_hash: str, settings_path: Path) -> None:
    # Imported here: the settings module is only needed once a PIN has been typed.
    from car_t_guide.core.machine.settings import (
        SettingsError,
        load_settings,
        save_settings,
        with_changes,
    )

    try:
        loaded = load_settings(settings_path)
        save_settings(with_changes(loaded.settings, staff_pin_hash=pin_hash), settings_path)
    except SettingsError as problem:
        raise _PinRefused(_not_changed(str(problem))) from None
    except OSError as error:
        reason = _("cannot be saved: {reason}").format(reason=error.strerror or error)
        raise _PinRefused(_not_changed(f"{settings_path}: {reason}")) from None


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
        # The caller's path, else --settings, else where core.settings looks (the variable,
        # then the platform's config folder).
        from car_t_guide.core.machine.settings import settings_path as resolve_settings_path

        path = resolve_settings_path(settings_path or getattr(options, "settings", None))
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
        _store(hash_pin(pin), path)
    except _PinRefused as problem:
        print(f"error: {problem}", file=stderr)
        return EXIT_BAD_INPUT
    print(_("The staff PIN is set (saved in {file}).").format(file=path), file=stdout)
    return EXIT_OK
