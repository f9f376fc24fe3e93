"""Dates: partial history dates, and the one place dates are written out for people.

The screen and the PDF both call the formatters here, so they always agree. Formats come from
CLDR through Babel ("May 22, 2013", "22 de mayo de 2013"); the few words around dates ("day 28",
"2 weeks after the infusion") come from the app's gettext catalogue, in the language asked for.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

# Babel (and its locale data) is imported by the formatters below, when a date is first written
# out: the welcome screen shows none.
from car_t_guide.core.i18n import _, current_language, translations_in
from car_t_guide.core.plain_text import shown

# ASCII digits only: "２０１３" or Arabic-Indic digits would pass \d.
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


class BadDate(ValueError):
    """A date text a person wrote that is not a real date; str() is one plain line."""


@dataclass(frozen=True)
class PartialDate:
    """A history date known to the year, the month or the day ("2009", "2002-07", "2013-05-22").

    Ordered by (year, month, day) with an unknown part first, so a year sorts before its months.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise BadDate(_("a day needs a month"))
        if self.month is not None and not 1 <= self.month <= 12:
            raise BadDate(_("month {month} does not exist").format(month=self.month))
        if not 1 <= self.year <= 9999:
            raise BadDate(_("year {year} is not a real year").format(year=self.year))
        if self.day is not None:
            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise BadDate(
                    _("{month} has no day {day}").format(
                        month=format_month_year(self.year, self.month, current_language()),
                        day=self.day,
                    )
                )

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        return self._key() >= other._key()

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        found = _PARTIAL.fullmatch(text)
        if found is None:
            raise BadDate(
                _("'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD").format(
                    text=shown(text)
                )
            )
        year, month, day = (int(part) if part else None for part in found.groups())
        assert year is not None
        return cls(year, month, day)

    @classmethod
    def from_date(cls, day: date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def is_full(self) -> bool:
        return self.day is not None

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.day is not None:
            return self.first_day
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()


def parse_full_date(text: str) -> date:
    """A plan date: the day must be known."""
    found = PartialDate.parse(text)
    if not found.is_full:
        raise BadDate(_("'{text}' needs a full date: YYYY-MM-DD").format(text=shown(text)))
    return found.first_day


def add_years(day: date, years: int) -> date:
    """The same day some years on; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# --- Writing dates out (Babel, CLDR) ---------------------------------------------------------


def format_day(day: date, lang: str) -> str:
    """'May 22, 2013' / '22 de mayo de 2013'."""
    from babel.dates import format_date

    return format_date(day, "long", locale=lang)


def format_day_with_weekday(day: date, lang: str) -> str:
    """'Wednesday, May 22, 2013' / 'miércoles, 22 de mayo de 2013'."""
    from babel.dates import format_date

    return format_date(day, "full", locale=lang)


def format_short_day(day: date, lang: str) -> str:
    """'Sat, May 11' / 'sáb, 11 de mayo': a day in a printed table whose year is said above it
    (the month in full: an abbreviation can read as another language's word, "may")."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMMEd", day, locale=lang)


def format_month_year(year: int, month: int, lang: str) -> str:
    """'May 2013' / 'mayo de 2013'."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", date(year, month, 1), locale=lang)


def format_year(year: int, lang: str) -> str:
    """'2014' (or '2014年'): a year as the language writes it alone."""
    from babel.dates import format_skeleton

    return format_skeleton("y", date(year, 1, 1), locale=lang)


def format_partial(partial: PartialDate, lang: str) -> str:
    """A history date at the precision it is known: 'May 22, 2013', 'May 2013' or '2014'."""
    if partial.day is not None:
        return format_day(partial.first_day, lang)
    if partial.month is not None:
        return format_month_year(partial.year, partial.month, lang)
    return format_year(partial.year, lang)


def format_span(first: date, last: date, lang: str) -> str:
    """Two days as one range, sharing what they share: 'May 3 – 6, 2013'."""
    if first == last:
        return format_day(first, lang)
    from babel.dates import format_interval

    return format_interval(first, last, "yMMMMd", locale=lang)


@lru_cache(maxsize=4096)  # the chart's axis asks for the same few hundred numbers each draw
def format_number(n: int, lang: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(n, locale=lang)


# --- Time relative to the infusion (gettext, plural-aware) -----------------------------------


def format_duration(days: int, lang: str) -> str:
    """'2 weeks' for whole weeks, else '10 days'."""
    if days and days % 7 == 0:
        weeks = days // 7
        return (
            translations_in(lang)
            .ngettext("{n} week", "{n} weeks", weeks)
            .format(n=format_number(weeks, lang))
        )
    return (
        translations_in(lang)
        .ngettext("{n} day", "{n} days", days)
        .format(n=format_number(days, lang))
    )


def format_after_infusion(days: int, lang: str, *, about: bool = False) -> str:
    """'3 days after the infusion', 'about 2 weeks after the infusion'.

    Whole sentences per case, not glued pieces, so every language can order its own words.
    """
    tr = translations_in(lang)
    weeks = days // 7 if days and days % 7 == 0 else None
    if weeks is not None and about:
        text = tr.ngettext(
            "about {n} week after the infusion", "about {n} weeks after the infusion", weeks
        )
    elif weeks is not None:
        text = tr.ngettext("{n} week after the infusion", "{n} weeks after the infusion", weeks)
    elif about:
        text = tr.ngettext(
            "about {n} day after the infusion", "about {n} days after the infusion", days
        )
    else:
        text = tr.ngettext("{n} day after the infusion", "{n} days after the infusion", days)
    return text.format(n=format_number(weeks if weeks is not None else days, lang))


def format_day_number(n: int, lang: str) -> str:
    """'day 28': days counted from the infusion, which is day 0."""
    _ = translations_in(lang).gettext  # named _ so the catalogue extractor finds the text
    return _("day {n}").format(n=format_number(n, lang))
