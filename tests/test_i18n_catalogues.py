"""Every shipped language is complete, and its compiled catalogue matches its source."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from car_t_guide.core import i18n

ROOT = Path(__file__).resolve().parents[1]
TRANSLATED = [lang for lang in i18n.SUPPORTED_LANGUAGES if lang != i18n.SOURCE_LANGUAGE]
# Words that are the same in both languages on purpose.
SAME_IN_ALL_LANGUAGES = {"CAR T", "OK", "A", "A+", "A++", "{number}", "PIN", "{result}: {details}"}


def po_catalog(lang):
    with (ROOT / "i18n" / lang / "LC_MESSAGES" / "car_t_guide.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def code_message_ids() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "desktop"),
        method_map=[("**.py", "python")],
        keywords={"_": None, "N_": None, "ngettext": (1, 2)},
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def text_of(message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_string_in_the_code_is_in_the_catalogue(lang):
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in po_catalog(lang) if m.id}
    missing = sorted(code_message_ids() - ids)
    assert missing == [], f"run 'uv run python i18n/update.py' and translate: {missing}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_entry_is_translated_and_not_fuzzy(lang):
    problems = []
    for message in po_catalog(lang):
        if not message.id:
            continue
        english = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = text_of(message)
        if message.fuzzy:
            problems.append(f"fuzzy: {english[0]!r}")
        elif not all(s.strip() for s in strings):
            problems.append(f"untranslated: {english[0]!r}")
        elif english[0] not in SAME_IN_ALL_LANGUAGES and strings[0] == english[0]:
            problems.append(f"same as English: {english[0]!r}")
    assert problems == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_compiled_catalogue_matches_its_source(lang):
    with (ROOT / "i18n" / lang / "LC_MESSAGES" / "car_t_guide.mo").open("rb") as handle:
        compiled = read_mo(handle)
    fresh = BytesIO()
    write_mo(fresh, po_catalog(lang))
    fresh.seek(0)
    expected = read_mo(fresh)
    def as_dict(catalog):
        return {
            (m.id if isinstance(m.id, str) else tuple(m.id)): (
                m.string if isinstance(m.string, str) else tuple(m.string)
            )
            for m in catalog
            if m.id
        }

    assert as_dict(compiled) == as_dict(expected), "run 'uv run python i18n/update.py'"


def test_placeholders_survive_translation():
    import re

    for lang in TRANSLATED:
        for message in po_catalog(lang):
            if not message.id:
                continue
            english = message.id if isinstance(message.id, str) else message.id[0]
            for string in text_of(message):
                assert set(re.findall(r"{\w+}", string)) == set(re.findall(r"{\w+}", english)), (
                    lang, english
                )


def test_the_app_translates_at_run_time():
    i18n.set_language("es")
    try:
        assert i18n._("Next") == "Siguiente"
        assert i18n.gettext_in("en", "Next") == "Next"
    finally:
        i18n.set_language("en")
