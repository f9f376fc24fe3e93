"""The command line: the app, ``screenshot``, ``export``, ``settings``, ``set-staff-pin``,
``voices``, ``transcript``.

Public contract (DESIGN.md): exit 0 on success; 2 on bad input with one plain ``error:`` line on
stderr, never a traceback. Qt is imported only by the commands that draw.

Over 400 lines: the whole public command line (each command's arguments and plain errors) is
one contract, read in one place.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys
from pathlib import Path

from car_t_guide import CONTENT_VERSION, __version__

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad input from the command line: reported as one ``error:`` line, exit status 2."""


class Interrupted(BaseException):
    """A stop signal (Ctrl+C, SIGTERM, SIGHUP) arrived while a command was writing a file.

    A BaseException, like KeyboardInterrupt, so every ``finally`` and the atomic writer's
    clean-up run on the way out, and no ``except Exception`` swallows it."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number

    @property
    def name(self) -> str:
        return signal.Signals(self.number).name


@contextlib.contextmanager
def _stop_signals_interrupt():
    """While a file is being made, a stop signal raises ``Interrupted`` instead of killing the
    process where it stands (which would leave its temporary file behind)."""

    def interrupt(number: int, _frame) -> None:
        raise Interrupted(number)

    numbers = [signal.SIGINT, signal.SIGTERM]
    if hasattr(signal, "SIGHUP"):
        numbers.append(signal.SIGHUP)
    previous = {}
    for number in numbers:
        with contextlib.suppress(ValueError, OSError):  # not the main thread: leave them
            previous[number] = signal.signal(number, interrupt)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _out_problem(out: Path, suffix: str, what: str) -> str | None:
    """Why ``--out`` cannot name the file to write, before any work is done."""
    if out.suffix.lower() != suffix:
        return f"--out {out}: the {what}, so the file name must end in {suffix}"
    if out.is_dir():
        return f"--out {out}: this is a folder; give the name of a file ending in {suffix}"
    if not out.parent.exists():
        return f"--out {out}: the folder {out.parent} does not exist"
    if not out.parent.is_dir():
        return f"--out {out}: {out.parent} is not a folder"
    return None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one plain line instead of usage + message
        raise UsageError(message)


def _page(value: str) -> str:
    from car_t_guide.ui.navigation import PAGE_ORDER, is_known_page

    if not is_known_page(value):
        raise argparse.ArgumentTypeError(
            f"unknown page {value!r}; pages are: {', '.join(PAGE_ORDER)}"
        )
    return value


def _size(value: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})x(\d{2,5})", value)
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not {value!r}")
    width, height = int(match[1]), int(match[2])
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"size {value} is outside 320x240 to 8000x8000")
    return width, height


def _lang(value: str) -> str:
    from car_t_guide.core.i18n import SUPPORTED_LANGUAGES, normalize

    found = normalize(value)
    if found is None:
        raise argparse.ArgumentTypeError(
            f"language {value!r} is not available; choose one of: {', '.join(SUPPORTED_LANGUAGES)}"
        )
    return found


# Plans reach 3 years past today and follow-up 15 years past the infusion: a pretended today
# in these years keeps every date the app works out inside the calendar (which ends in 9999).
TODAY_YEARS = (1900, 9000)


def _today(value: str):
    from datetime import date

    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--today must be a date written YYYY-MM-DD, not {value!r}"
        ) from None
    if not TODAY_YEARS[0] <= day.year <= TODAY_YEARS[1]:
        raise argparse.ArgumentTypeError(
            f"--today {value}: the year must be from {TODAY_YEARS[0]} to {TODAY_YEARS[1]}"
        )
    return day


def _example(value: str) -> int:
    from car_t_guide.core.session.examples import EXAMPLE_COUNT

    if not value.isdigit() or not 1 <= int(value) <= EXAMPLE_COUNT:
        raise argparse.ArgumentTypeError(
            f"--example must be a number from 1 to {EXAMPLE_COUNT}, not {value!r}"
        )
    return int(value)


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", type=_lang, help="language code (en, es)")
    parser.add_argument("--settings", type=Path, help="center settings file (TOML)")
    parser.add_argument("--today", type=_today, help="pretend today is this day (YYYY-MM-DD)")


def _app_parser() -> _Parser:
    parser = _Parser(prog="car-t-guide", description="CAR T Family Guide")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    _add_common(parser)
    family = parser.add_mutually_exclusive_group()
    family.add_argument("--open", type=Path, metavar="SESSION.json", help="open a family's file")
    family.add_argument("--example", type=_example, metavar="N", help="example family 1 to 4")
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="full screen for families alone; left only with the staff PIN",
    )
    parser.add_argument(
        "--idle-timeout",
        type=_seconds,
        metavar="SECONDS",
        help="kiosk: ask 'Still there?' after this long without a touch",
    )
    return parser


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0.05 <= seconds <= 86_400:
        raise argparse.ArgumentTypeError(
            f"--idle-timeout must be a number of seconds from 0.05 to 86400, not {value!r}"
        )
    return seconds


def _screenshot_parser() -> _Parser:
    parser = _Parser(prog="car-t-guide screenshot", description="Draw one page to a PNG file.")
    parser.add_argument("--page", type=_page, required=True)
    parser.add_argument("--out", type=Path, required=True)
    _add_common(parser)
    family = parser.add_mutually_exclusive_group()
    family.add_argument("--session", type=Path, metavar="SESSION.json")
    family.add_argument("--example", type=_example, metavar="N")
    parser.add_argument("--size", type=_size, default=(1280, 800))
    parser.add_argument("--text-size", choices=["normal", "large", "largest"], default="normal")
    return parser


def _version_text() -> str:
    return f"car-t-guide {__version__} (content {CONTENT_VERSION})"


def _warn(message: str) -> None:
    from car_t_guide.core.plain_text import terminal_line

    print(f"warning: {terminal_line(message)}", file=sys.stderr)


def _settings(args):
    from car_t_guide.core.machine.settings import SettingsError
    from car_t_guide.core.machine.settings_layers import load_settings

    try:
        loaded = load_settings(args.settings)
    except SettingsError as problem:
        # Never start with half a configuration.
        raise UsageError(str(problem)) from None
    for warning in loaded.warnings:
        _warn(warning)
    args.loaded_settings = loaded  # where each value came from, for the kiosk's PIN check
    return loaded


def _family(path: Path | None, example: int | None, today):
    """The session named on the command line, or None."""
    from car_t_guide.core.session import examples
    from car_t_guide.core.session.files import SessionError, load_session

    if example is not None:
        return examples.load_example(example, today=today, lang="en")  # as the file has it
    if path is None:
        return None
    try:
        loaded = load_session(path, today=today)
    except SessionError as problem:
        raise UsageError(str(problem)) from None
    for warning in loaded.warnings:
        _warn(str(warning))
    return loaded.session


def _context(args, path: Path | None, example: int | None):
    """Settings, today, the session and the language, in DESIGN.md's order of precedence:
    --lang, then the session's language, then the center default, then the system locale."""
    from datetime import date

    from car_t_guide.core.i18n import choose_language

    loaded = _settings(args)
    today = args.today or date.today()
    session = _family(path, example, today)
    lang = choose_language(
        args.lang, session.language if session else None, loaded.settings.default_language
    )
    if example is not None:
        from car_t_guide.core.session import examples

        examples.in_language(session, lang)  # the example family's notes in the chosen language
    return loaded.settings, today, session, lang


def _run_app(argv: list[str]) -> int:
    args = _app_parser().parse_args(argv)
    if args.version:
        print(_version_text())
        return EXIT_OK
    if args.kiosk and args.open:
        raise UsageError(
            "--open cannot be used with --kiosk: a kiosk never opens a family's file "
            "(--example is allowed)"
        )
    settings, today, session, lang = _context(args, args.open, args.example)
    if args.kiosk:
        from car_t_guide.core.machine.staff_pin import kiosk_pin_problem

        loaded = args.loaded_settings
        where = loaded.origin["staff_pin_hash"]
        problem = kiosk_pin_problem(
            settings.staff_pin_hash, str(loaded.path) if where == "default" else where
        )
        if problem:
            raise UsageError(problem)
    from car_t_guide.ui.app import needs_offscreen, run_app

    if needs_offscreen() and "QT_QPA_PLATFORM" not in os.environ:
        # Drawing offscreen here would leave an app nobody can see or close.
        raise UsageError(
            "no display found (DISPLAY and WAYLAND_DISPLAY are not set); "
            "run the app on a desktop, or use 'car-t-guide screenshot' or 'export' without one"
        )

    return run_app(
        lang,
        settings,
        session=session,
        today=today,
        session_path=args.open,
        kiosk=args.kiosk,
        idle_timeout=args.idle_timeout,
        example=args.example,
    )


def _run_settings(argv: list[str]) -> int:
    parser = _Parser(
        prog="car-t-guide settings",
        description="Print the center settings in effect, the layer each came from and whether "
        "it is locked; or check one settings file.",
    )
    parser.add_argument("--settings", type=Path, help="center settings file (TOML)")
    parser.add_argument("--json", action="store_true", help="print JSON, for inventory tools")
    parser.add_argument(
        "--check",
        type=Path,
        metavar="FILE",
        help="check one settings file strictly (unknown keys, empty or implausible numbers); "
        "exit 2 with one error: line per problem",
    )
    args = parser.parse_args(argv)
    if args.check is not None:
        return _check_settings(args.check, as_json=args.json)
    from car_t_guide.core.machine.settings_layers import describe_settings, settings_as_json

    loaded = _settings(args)
    if args.json:
        import json

        report = {"app_version": __version__, "content_version": CONTENT_VERSION}
        report.update(settings_as_json(loaded))
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return EXIT_OK
    for line in describe_settings(loaded):
        print(line)
    return EXIT_OK


def _check_settings(path: Path, *, as_json: bool) -> int:
    from car_t_guide.core.machine.settings_layers import check_settings_file
    from car_t_guide.core.plain_text import shown

    problems = check_settings_file(path)
    if as_json:
        import json

        print(json.dumps({"file": str(path), "ok": not problems, "problems": problems}, indent=2,
                         ensure_ascii=False))
    elif not problems:
        print(f"{shown(str(path), 4096)}: no problems found")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return EXIT_BAD_INPUT if problems else EXIT_OK


def _run_screenshot(argv: list[str]) -> int:
    args = _screenshot_parser().parse_args(argv)
    out: Path = args.out
    problem = _out_problem(out, ".png", "picture is a PNG")
    if problem:
        raise UsageError(problem)
    try:
        with _stop_signals_interrupt():
            _screenshot(args, out)
    except Interrupted as stop:
        raise _not_written(stop, out) from None
    return EXIT_OK


def _screenshot(args, out: Path) -> None:
    settings, today, session, lang = _context(args, args.session, args.example)
    from car_t_guide.ui.screenshot import take_screenshot

    try:
        take_screenshot(
            args.page,
            out,
            lang=lang,
            size=args.size,
            text_size=args.text_size,
            settings=settings,
            session=session,
            today=today,
        )
    except OSError as error:
        raise UsageError(f"--out {out}: cannot be written ({error.strerror or error})") from None


class _StoppedBySignal(Exception):
    """Reported as one ``error:`` line; the exit status is 128 + the signal's number."""

    def __init__(self, message: str, number: int) -> None:
        super().__init__(message)
        self.status = 128 + number


def _not_written(stop: Interrupted, out: Path) -> _StoppedBySignal:
    return _StoppedBySignal(
        f"--out {out}: stopped by {stop.name} before the file was written; "
        "nothing was changed there",
        stop.number,
    )


def _run_voices(argv: list[str]) -> int:
    parser = _Parser(
        prog="car-t-guide voices",
        description="For each language, the speech engine and voice read-aloud uses, or none.",
    )
    parser.add_argument("--settings", type=Path, help="center settings file (TOML)")
    args = parser.parse_args(argv)
    settings = _settings(args).settings
    from car_t_guide.ui.speech.voices_command import voice_lines

    for line in voice_lines(settings):
        print(line, file=sys.stderr if line.startswith("warning:") else sys.stdout)
    return EXIT_OK


def _run_transcript(argv: list[str]) -> int:
    parser = _Parser(
        prog="car-t-guide transcript",
        description="Print what read-aloud says for a page, one paragraph a line.",
    )
    parser.add_argument("--page", type=_page, required=True)
    _add_common(parser)
    family = parser.add_mutually_exclusive_group()
    family.add_argument("--session", type=Path, metavar="SESSION.json")
    family.add_argument("--example", type=_example, metavar="N")
    parser.add_argument(
        "--kiosk", action="store_true", help="what a kiosk reads (its pages differ a little)"
    )
    args = parser.parse_args(argv)
    settings, today, session, lang = _context(args, args.session, args.example)
    from car_t_guide.ui.speech.transcript import transcript

    lines = transcript(
        args.page, lang=lang, settings=settings, session=session, today=today, kiosk=args.kiosk
    )
    try:
        for line in lines:
            print(line)
        sys.stdout.flush()
    except BrokenPipeError:  # `transcript … | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


def _run_set_staff_pin(argv: list[str]) -> int:
    from car_t_guide.staff_pin_command import run_set_staff_pin

    return run_set_staff_pin(argv)  # its own options and its own error: lines


def _export_parser() -> _Parser:
    parser = _Parser(
        prog="car-t-guide export",
        description="Write a family's care summary as a PDF (no display needed).",
    )
    family = parser.add_mutually_exclusive_group(required=True)
    family.add_argument("session", type=Path, nargs="?", metavar="SESSION.json")
    family.add_argument("--example", type=_example, metavar="N", help="example family 1 to 4")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    parser.add_argument("--paper", choices=["letter", "a4"])
    _add_common(parser)
    return parser


def _run_export(argv: list[str]) -> int:
    # No QApplication here: the PDF is made by report/ alone.
    args = _export_parser().parse_args(argv)
    out: Path = args.out
    problem = _out_problem(out, ".pdf", "summary is a PDF")
    if problem:
        raise UsageError(problem)
    if args.session is not None and out.resolve() == args.session.resolve():
        raise UsageError(f"--out {out}: this is the session file itself; choose another name")
    try:
        with _stop_signals_interrupt():
            return _export(args, out)
    except Interrupted as stop:
        raise _not_written(stop, out) from None


def _export(args, out: Path) -> int:
    settings, today, session, lang = _context(args, args.session, args.example)
    source = args.session if args.session is not None else f"--example {args.example}"
    from car_t_guide.core.i18n import set_language
    from car_t_guide.core.paper import paper_for_region
    from car_t_guide.core.session.files import SessionError
    from car_t_guide.report.summary import export_summary

    set_language(lang)
    paper = paper_for_region(args.paper, settings)
    try:
        warnings = export_summary(
            out, session, lang=lang, paper=paper, settings=settings, today=today
        )
    except SessionError as problem:
        raise UsageError(f"{source}: {problem}") from None
    except OSError as problem:
        raise UsageError(
            f"--out {out}: cannot be written ({problem.strerror or problem})"
        ) from None
    seen = set()
    for warning in warnings:
        line = warning.line()
        if line not in seen:
            seen.add(line)
            _warn(f"{source}: {line}")
    return EXIT_OK


COMMANDS = {
    "screenshot": _run_screenshot,
    "settings": _run_settings,
    "set-staff-pin": _run_set_staff_pin,
    "export": _run_export,
    "voices": _run_voices,
    "transcript": _run_transcript,
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        return _run_app(argv)
    except UsageError as problem:
        _error(str(problem))
        return EXIT_BAD_INPUT
    except _StoppedBySignal as stopped:
        _error(str(stopped))
        return stopped.status
    except KeyboardInterrupt:
        return EXIT_OK


def _error(message: str) -> None:
    from car_t_guide.core.plain_text import terminal_line

    print(f"error: {terminal_line(message)}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
