"""The four example families: the four patients of the seed article (CONTENT-SOURCES.md).

Where the article gives only a month or a year, the example file picks a plausible day and
carries ``example_note``; the screen and the summary show that note, translated.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from car_t_guide.core.i18n import N_, _
from car_t_guide.core.machine.paths import resource
from car_t_guide.core.session.files import Session, load_session

EXAMPLE_COUNT = 4
# The text the example files carry; shown through the catalogue so it follows the language.
EXAMPLE_NOTE = N_("Dates are approximate, for illustration.")


def example_path(n: int) -> Path:
    if not 1 <= n <= EXAMPLE_COUNT:
        raise ValueError(
            _("there are {count} example families: choose 1 to {count}").format(count=EXAMPLE_COUNT)
        )
    return resource("examples", f"example-{n}.json")


def load_example(n: int, *, today: date | None = None) -> Session:
    """Example family ``n`` (1 to 4), as if opened from its file."""
    return load_session(example_path(n), today=today or date.today()).session


def is_example(session: Session) -> bool:
    return "example_note" in session.extra


def example_note(session: Session) -> str | None:
    """The "approximate dates" note in the language showing, or None for a real family."""
    return _(EXAMPLE_NOTE) if is_example(session) else None
