"""Refresh the catalogues after changing the app's strings.

    uv run python i18n/update.py

Extracts every _(), N_() and ngettext() string from desktop/ into car_t_guide.pot, merges it into
each language's .po, and compiles the .mo files the app reads. Translate the new entries in each
.po (no entry may stay empty or fuzzy: the tests check), then run this again to compile.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
POT = HERE / "car_t_guide.pot"
LANGUAGES = ["es"]


def pybabel(*args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(result.stderr)
    for line in result.stderr.splitlines():
        if "translated" in line:  # the one line worth reading: how much is translated
            print(line)


def merge(json_path: Path, lang: str = "es") -> None:
    """Fill empty entries of a .po from a JSON file {"msgid": "translation", ...}."""
    import json

    from babel.messages.pofile import read_po, write_po

    po = HERE / lang / "LC_MESSAGES" / "car_t_guide.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    incoming = json.loads(json_path.read_text(encoding="utf-8"))
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        if key in incoming and not (message.string if isinstance(message.string, str)
                                    else all(message.string)):
            value = incoming[key]
            if isinstance(value, list):
                # Spanish has a third CLDR plural form (millions) that reads like the plural.
                value = (value + [value[-1]] * catalog.num_plurals)[: catalog.num_plurals]
                message.string = tuple(value)
            else:
                message.string = value
    with po.open("wb") as handle:
        write_po(handle, catalog, width=100)


def main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] == "--merge":
        for name in sys.argv[2:]:
            merge(Path(name))
        return
    pybabel(
        "extract", "-F", str(HERE / "babel.cfg"), "-k", "_", "-k", "N_", "-k", "ngettext:1,2",
        "--no-location", "--sort-output", "--project", "car-t-guide", "-o", str(POT), "desktop",
    )
    for lang in LANGUAGES:
        po = HERE / lang / "LC_MESSAGES" / "car_t_guide.po"
        if po.exists():
            pybabel("update", "-i", str(POT), "-d", str(HERE), "-D", "car_t_guide", "-l", lang,
                    "--no-fuzzy-matching", "--ignore-obsolete")
        else:
            pybabel("init", "-i", str(POT), "-d", str(HERE), "-D", "car_t_guide", "-l", lang)
    pybabel("compile", "-d", str(HERE), "-D", "car_t_guide", "--statistics")


if __name__ == "__main__":
    main()
