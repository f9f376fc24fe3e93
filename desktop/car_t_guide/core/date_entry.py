"""Dates as a nurse types them, understood the way she meant them.

A date field takes the language's own short numeric form ("3/20/2013" in English, "20/3/2013"
in Spanish, in the order CLDR gives for the language), ISO ("2013-03-20"), or words
("March 20, 2013", "20 de marzo de 2013"). A history date may stop at the month ("3/2013",
"2013-03", "March 2013") or the year ("2013"). The field shows back, in words, what it
understood ("Wednesday, March 20, 2013"), so "11/02" can never be taken the wrong way silently.

A two-digit year is read as the nearest year in the past century or the next few years
("13" is 2013, "98" is 1998), and the words under the field say which.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from car_t_guide.core.dates import BadDate, PartialDate
from car_t_guide.core.i18n import translations_in
from car_t_guide.core.plain_text import shown

# Words that may sit between the parts of a written date ("20 de marzo de 2013", "the 5th").
_FILLER_WORDS = {"de", "del", "of", "the", "st", "nd", "rd", "th"}
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
# Two-digit years: up to this many years after today's year count as this century.
_TWO_DIGIT_FUTURE = 10


class DateEntryError(BadDate):
    """What was typed is not a date this field can take; str() is one plain line."""


def numeric_order(lang: str) -> str:
    """The order of day, month and year in the language's short numeric date: "MDY", "DMY" or
    "YMD"."""
    from babel.dates import get_date_format  # Babel loads when a date is first typed

    pattern = get_date_format("short", locale=lang).pattern
    order = ""
    for letter in pattern:
        part = {"d": "D", "M": "M", "L": "M", "y": "Y"}.get(letter)
        if part and part not in order:
            order += part
    return order if sorted(order) == ["D", "M", "Y"] else "MDY"


def format_entry(value: PartialDate | date | None, lang: str) -> str:
    """A date as the field shows it: the numeric form a nurse would type ("3/20/2013",
    "3/2013", "2013"); empty when not known."""
    if value is None:
        return ""
    if isinstance(value, date):
        value = PartialDate.from_date(value)
    if value.month is None:
        return str(value.year)
    if value.day is None:
        return f"{value.month}/{value.year}"
    parts = {"D": str(value.day), "M": str(value.month), "Y": str(value.year)}
    order = numeric_order(lang)
    return "/".join(parts[p] for p in order) if order != "YMD" else value.isoformat()


def typing_hint(lang: str, *, full: bool) -> str:
    """What the field takes, with an example in the language's order."""
    t = translations_in(lang)
    example = format_entry(date(2013, 3, 20), lang)
    if full:
        return t.gettext("For example {example}").format(example=example)
    return t.gettext("For example {example}, {month} or {year}").format(
        example=example, month=format_entry(PartialDate(2013, 3), lang), year="2013"
    )


def _month_words(lang: str) -> dict[str, int]:
    """Month names and short names, in the language and in English, without accents."""
    from babel.dates import get_month_names

    words: dict[str, int] = {}
    for locale in (lang, "en"):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=locale).items():
                    words.setdefault(_plain(name).rstrip("."), number)
    return words


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _year(text: str, today: date) -> int:
    number = int(text)
    if len(text) == 4:
        return number
    if len(text) == 2:
        year = today.year // 100 * 100 + number
        return year if year <= today.year + _TWO_DIGIT_FUTURE else year - 100
    raise ValueError(text)


def parse_entry(text: str, lang: str, *, today: date, full: bool = False) -> PartialDate | None:
    """What ``text`` means as a date, or None when it is empty (not known).

    ``full``: the day must be known (a plan date). Raises DateEntryError with a plain message.
    """
    t = translations_in(lang)
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    try:
        value = _parse(cleaned, lang, today)
    except BadDate as problem:  # a month 13, a February 30
        raise DateEntryError(str(problem)) from None
    except (ValueError, OverflowError):
        value = None
    if value is None:
        example = format_entry(date(2013, 3, 20), lang)
        raise DateEntryError(
            t.gettext("'{text}' is not a date this field understands. Type it like {example}.")
            .format(text=shown(cleaned), example=example)
        )
    if full and not value.is_full:
        raise DateEntryError(t.gettext("Type the day too, like {example}.").format(
            example=format_entry(date(2013, 3, 20), lang)))
    return value


def _parse(text: str, lang: str, today: date) -> PartialDate | None:
    tokens = _TOKEN.findall(text)
    leftover = _TOKEN.sub("", text)
    if any(c not in " /-.,'" for c in leftover):
        return None
    words = [w for w in tokens if not w.isdigit()]
    numbers = [n for n in tokens if n.isdigit()]
    if not all(n.isascii() for n in numbers):
        return None  # digits from other scripts ("２０１３"): refused, never guessed
    if words:
        return _parse_words(words, numbers, lang, today)
    return _parse_numbers(numbers, lang, today)


def _parse_words(words: list[str], numbers: list[str], lang: str, today: date):
    months = _month_words(lang)
    named = [months.get(_plain(w)) for w in words if _plain(w) not in _FILLER_WORDS]
    if len(named) != 1 or named[0] is None:
        return None
    month = named[0]
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) > 1 or len(numbers) != len(years) + len(days):
        return None
    day = int(days[0]) if days else None
    return PartialDate(int(years[0]), month, day)


def _parse_numbers(numbers: list[str], lang: str, today: date) -> PartialDate | None:
    if len(numbers) == 1:
        return PartialDate(int(numbers[0])) if len(numbers[0]) == 4 else None
    if len(numbers) == 2:
        first, second = numbers
        if len(first) == 4 and len(second) <= 2:  # 2013-03
            return PartialDate(int(first), int(second))
        if len(first) <= 2 and len(second) == 4:  # 3/2013
            return PartialDate(int(second), int(first))
        return None
    if len(numbers) != 3:
        return None
    if len(numbers[0]) == 4:  # 2013-03-20, whatever the language
        year, month, day = numbers
        if len(month) > 2 or len(day) > 2:
            return None
        return PartialDate(int(year), int(month), int(day))
    order = numeric_order(lang).replace("Y", "")
    if len(numbers[2]) not in (2, 4) or any(len(n) > 2 for n in numbers[:2]):
        return None
    parts = dict(zip(order, numbers[:2], strict=True))
    return PartialDate(_year(numbers[2], today), int(parts["M"]), int(parts["D"]))
