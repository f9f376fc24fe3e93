"""Smoke test of a built app, as IT would try it: away from the source tree, every page in every
language, a summary exported, the version printed.

    python packaging/smoke_test.py dist/car-t-guide          # the frozen folder
    python packaging/smoke_test.py /opt/car-t-guide          # an installed Debian package

The folder is copied to a fresh temporary folder first (unless ``--in-place``), and every
command runs there with no ``PYTHONPATH``: the built app must find everything inside itself.
Each page is drawn offscreen (``screenshot``), the picture checked to be the right size and not
blank, and stderr to hold no traceback and no Qt plugin complaint. A trimmed build that lost a
module the journey chart imports on first use fails here. Exit 0 when all is well; prints the
start-up time of ``--version`` and of one screenshot. Needs only the Python standard library.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

LANGUAGES = ("en", "es")
PAGES = (
    "welcome", "steps:1", "steps:2", "steps:3", "steps:4", "steps:5", "steps:6", "journey",
    "side-effects", "warning-signs", "check-understanding", "summary",
)
SIZE = (1280, 800)
BAD_SIGNS = ("Traceback", "could not load the Qt platform plugin", "Cannot load library",
             "ModuleNotFoundError", "No module named")


class SmokeFailure(Exception):
    pass


def run(program: Path, *args: str, cwd: Path, env: dict[str, str]) -> tuple[str, float]:
    started = time.monotonic()
    result = subprocess.run([str(program), *args], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=180)
    took = time.monotonic() - started
    if result.returncode != 0 or any(sign in result.stderr for sign in BAD_SIGNS):
        raise SmokeFailure(f"{' '.join(args)}: exit {result.returncode}\n{result.stderr}")
    return result.stdout, took


def png_size_and_colours(path: Path) -> tuple[tuple[int, int], int]:
    """Width, height and (roughly) how many colours a PNG has, with the standard library."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SmokeFailure(f"{path}: not a PNG")
    width, height, depth, colour_type = struct.unpack(">IIBB", data[16:26])
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        if kind == b"IDAT":
            chunks.append(data[offset + 8:offset + 8 + length])
        offset += length + 12
    raw = zlib.decompress(b"".join(chunks))
    # Sample the filtered bytes of a few rows: a blank picture has one or two values there.
    stride = len(raw) // height
    sample = {raw[row * stride + 1:(row + 1) * stride] for row in range(0, height, 40)}
    return (width, height), len({bytes(chunk[i:i + 4]) for chunk in sample
                                 for i in range(0, len(chunk), 97)})


def smoke_test(folder: Path, *, in_place: bool = False, keep: Path | None = None
               ) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="car-t-guide-smoke-") as scratch:
        scratch_dir = Path(scratch)
        if not in_place:
            copy = scratch_dir / "app"
            shutil.copytree(folder, copy, symlinks=True)
            folder = copy
        program = folder / ("car-t-guide.exe" if os.name == "nt" else "car-t-guide")
        if not program.exists():
            program = folder / "bin" / "car-t-guide"
        work = scratch_dir / "work"
        work.mkdir()
        env = {key: value for key, value in os.environ.items()
               if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DISPLAY",
                              "WAYLAND_DISPLAY")}
        env.update(
            HOME=str(work / "home"),
            CAR_T_GUIDE_CONFIG_DIR=str(work / "config"),
            CAR_T_GUIDE_DATA_DIR=str(work / "data"),
            CAR_T_GUIDE_LOG_DIR=str(work / "log"),
            CAR_T_GUIDE_SYSTEM_CONFIG_DIRS=str(work / "system-config"),
            QT_QPA_PLATFORM="offscreen",
        )
        env.pop("CAR_T_GUIDE_SETTINGS", None)
        times: dict[str, float] = {}

        version, times["version"] = run(program, "--version", cwd=work, env=env)
        if not version.startswith("car-t-guide ") or "content" not in version:
            raise SmokeFailure(f"--version printed {version!r}")
        print(version.strip())

        for lang in LANGUAGES:
            for page in PAGES:
                out = work / f"{page.replace(':', '-')}-{lang}.png"
                _stdout, took = run(program, "screenshot", "--page", page, "--lang", lang,
                                    "--example", "1", "--today", "2013-05-20", "--out",
                                    str(out), cwd=work, env=env)
                times.setdefault("first_screenshot", took)
                size, colours = png_size_and_colours(out)
                if size != SIZE or colours < 3:
                    raise SmokeFailure(f"{out.name}: {size}, {colours} colours: blank or wrong")
                print(f"ok  screenshot {page} ({lang}) in {took:.1f} s")

        for lang in LANGUAGES:
            pdf = work / f"summary-{lang}.pdf"
            _stdout, took = run(program, "export", "--example", "2", "--lang", lang,
                                "--paper", "a4", "--out", str(pdf), cwd=work, env=env)
            head = pdf.read_bytes()[:5]
            if head != b"%PDF-" or pdf.stat().st_size < 20_000:
                raise SmokeFailure(f"{pdf.name}: not a full PDF")
            print(f"ok  export ({lang}) in {took:.1f} s, {pdf.stat().st_size // 1024} KB")
        settings_out, _took = run(program, "settings", "--json", cwd=work, env=env)
        if '"content_version"' not in settings_out:
            raise SmokeFailure("settings --json printed no versions")
        print("ok  settings --json")
        if keep is not None:  # the pictures and PDFs, to look at
            shutil.copytree(work, keep, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("home", "config", "data", "log*"))
        return times


def main() -> int:
    parser = argparse.ArgumentParser(description="Smoke test of a built CAR T Family Guide.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--in-place", action="store_true",
                        help="run the folder where it is (an installed package)")
    parser.add_argument("--keep", type=Path, help="copy the pictures and PDFs made here")
    args = parser.parse_args()
    try:
        times = smoke_test(args.folder.resolve(), in_place=args.in_place, keep=args.keep)
    except SmokeFailure as failure:
        print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"smoke test passed: --version {times['version']:.2f} s, "
          f"first screenshot {times['first_screenshot']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
