"""The command line: the app, ``screenshot``, ``export``, ``settings``.

Public contract (DESIGN.md): exit 0 on success; 2 on bad input with one plain ``error:`` line on
stderr, never a traceback. Qt is imported only by the commands that draw.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from car_t_guide import CONTENT_VERSION, __version__

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad input from the command line: reported as one ``error:`` line, exit status 2."""


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


def _app_parser() -> _Parser:
    parser = _Parser(prog="car-t-guide", description="CAR T Family Guide")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--lang", type=_lang, help="language code (en, es)")
    return parser


def _screenshot_parser() -> _Parser:
    parser = _Parser(prog="car-t-guide screenshot", description="Draw one page to a PNG file.")
    parser.add_argument("--page", type=_page, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", type=_lang)
    parser.add_argument("--size", type=_size, default=(1280, 800))
    parser.add_argument(
        "--text-size", choices=["normal", "large", "largest"], default="normal"
    )
    return parser


def _version_text() -> str:
    return f"car-t-guide {__version__} (content {CONTENT_VERSION})"


def _run_app(argv: list[str]) -> int:
    args = _app_parser().parse_args(argv)
    if args.version:
        print(_version_text())
        return EXIT_OK
    from car_t_guide.core.i18n import choose_language
    from car_t_guide.ui.app import run_app

    return run_app(choose_language(args.lang))


def _run_screenshot(argv: list[str]) -> int:
    args = _screenshot_parser().parse_args(argv)
    out: Path = args.out
    if out.suffix.lower() != ".png":
        raise UsageError(f"--out {out}: the picture is a PNG, so the file name must end in .png")
    if not out.parent.exists():
        raise UsageError(f"--out {out}: the folder {out.parent} does not exist")
    from car_t_guide.core.i18n import choose_language
    from car_t_guide.ui.screenshot import take_screenshot

    take_screenshot(
        args.page, out, lang=choose_language(args.lang), size=args.size, text_size=args.text_size
    )
    return EXIT_OK


COMMANDS = {"screenshot": _run_screenshot}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        return _run_app(argv)
    except UsageError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
