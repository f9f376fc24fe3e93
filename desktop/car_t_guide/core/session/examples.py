"""The four example families: the four patients of the seed article (CONTENT-SOURCES.md).

Where the article gives only a month or a year, the example file picks a plausible day and
carries ``example_note``; the screen and the summary show that note, translated.

The families' names and notes are written in English in the file, and in other languages under
``translations`` (``{"es": {"patient.display_name": ..., "history[2].note": ...}}``): an example
opened in Spanish reads in Spanish. The key is kept like any unknown field when the file is
saved again.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from car_t_guide.core.i18n import N_, _, current_language, normalize
from car_t_guide.core.machine.paths import resource
from car_t_guide.core.session.files import Session, load_session

EXAMPLE_COUNT = 4
# The text the example files carry; shown through the catalogue so it follows the language.
EXAMPLE_NOTE = N_("These dates are not exact. They are an example.")
TRANSLATIONS = "translations"
_FIELD = re.compile(r"(history|medicines)\[(\d+)\]\.(note|purpose)")


def example_path(n: int) -> Path:
    if not 1 <= n <= EXAMPLE_COUNT:
        raise ValueError(
            _("there are {count} example families: choose 1 to {count}").format(count=EXAMPLE_COUNT)
        )
    return resource("examples", f"example-{n}.json")


def load_example(n: int, *, today: date | None = None, lang: str | None = None) -> Session:
    """Example family ``n`` (1 to 4), as if opened from its file, with its names and notes in
    ``lang`` (default: the language showing) where the file has them."""
    session = load_session(example_path(n), today=today or date.today()).session
    return in_language(session, lang or current_language())


def in_language(session: Session, lang: str) -> Session:
    """Put the example's names and notes in ``lang`` (in place), where its file has them."""
    table = session.extra.get(TRANSLATIONS, {})
    texts = table.get(normalize(lang) or "") if isinstance(table, dict) else None
    if not isinstance(texts, dict) or not texts:
        return session
    for field, text in texts.items():
        if not isinstance(text, str):
            continue
        if field == "patient.display_name":
            session.patient.display_name = text
        elif field == "care_team.center":
            session.care_team.center = text
        elif match := _FIELD.fullmatch(field):
            items = session.history if match[1] == "history" else session.medicines
            index = int(match[2])
            if index < len(items):
                setattr(items[index], match[3], text)
    session.language = normalize(lang)
    return session


def is_example(session: Session) -> bool:
    return "example_note" in session.extra


def example_note(session: Session) -> str | None:
    """The "approximate dates" note in the language showing, or None for a real family."""
    return _(EXAMPLE_NOTE) if is_example(session) else None
