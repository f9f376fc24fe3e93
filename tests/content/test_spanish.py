"""Spanish, consistent: one form of address (usted), one term per concept, "SLC (en inglés,
CRS)" once per screen, and no English words, in the content files and in the catalogue.

The screens and the PDF, as drawn, are checked in tests/ui/test_spanish_screens.py and
tests/report/test_spanish_summary.py with the same rules (tests/content/spanish.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.content import readability as rd
from tests.content import spanish

REPO_ROOT = Path(__file__).resolve().parents[2]
PO_FILE = REPO_ROOT / "i18n" / "es" / "LC_MESSAGES" / "car_t_guide.po"
# Every content file is held to these rules (the teach-back file too, since its rewrite landed).
REWRITTEN_ELSEWHERE: set[str] = set()
# Catalogue entries that are for clinic IT or a doctor, not for a family, and may keep English
# names (settings keys, file formats).
NOT_FOR_FAMILIES = ("{key}", ".json", "TOML", "UTF-8", "PIN")


def _spanish_screens() -> list[rd.Screen]:
    found = []
    for path in rd.content_files("es"):
        if path.name in REWRITTEN_ELSEWHERE:
            continue
        document = rd.load_content(path)
        found += rd.screens(document, rd.relative_name(path))
    return found


SCREENS = _spanish_screens()


@pytest.mark.parametrize("screen", SCREENS, ids=[s.label for s in SCREENS])
def test_spanish_content_is_usted_one_term_and_no_english(screen):
    errors = []
    for text in screen.texts + screen.titles:
        errors += spanish.problems(screen.label, text)
    assert errors == []


@pytest.mark.parametrize("screen", SCREENS, ids=[s.label for s in SCREENS])
def test_crs_is_named_in_english_once_per_screen_that_talks_about_it(screen):
    body = " ".join(screen.texts)
    glosses = " ".join(screen.texts + screen.titles).count(spanish.CRS_GLOSS)
    assert glosses <= 1, f"{screen.label}: {spanish.CRS_GLOSS!r} {glosses} times"
    if "SLC" in body:
        assert glosses == 1, f"{screen.label}: talks about the SLC without {spanish.CRS_GLOSS!r}"


def test_the_spanish_catalogue_is_usted_one_term_and_no_english():
    with PO_FILE.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    errors = []
    for message in catalog:
        if not message.id:
            continue
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for text in strings:
            if any(mark in text for mark in NOT_FOR_FAMILIES):
                continue
            errors += spanish.problems(f"es catalogue {message.id!r}", text)
    assert errors == []


def test_the_rules_can_fail():
    assert spanish.english_words("Llame a your team ahora") == ["your", "team"]
    assert spanish.tu_forms("Llama a tu equipo si puedes") == ["tu", "puedes"]
    assert spanish.second_terms("La linfodepleción y las medicinas") == [
        "linfodepleción",
        "medicinas",
    ]
    assert spanish.english_words("Llame a su equipo de CAR T. Kymriah, ICANS, IVIG.") == []
