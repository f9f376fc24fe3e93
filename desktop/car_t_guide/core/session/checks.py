"""What can be wrong with a session, in plain words that name the field.

Used by the loader (the first error refuses the file; warnings go on) and by the nurse's form
(every problem shown beside its field as they type). Dates in messages are written in the
language showing, by core/dates.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from car_t_guide.core.dates import add_years, format_day, format_partial
from car_t_guide.core.i18n import SUPPORTED_LANGUAGES, _, current_language, ngettext, normalize
from car_t_guide.core.plain_text import BIDI_CONTROLS, shown
from car_t_guide.core.session.fields import (
    CARE_TEAM_FIELDS,
    HISTORY_EVENT_FIELDS,
    MAX_NAME_CHARS,
    MAX_YEARS_AHEAD,
    MEDICINE_FIELDS,
    MIN_YEAR,
    PATIENT_FIELDS,
    PLAN_FIELDS,
    TOPIC_REVIEW_FIELDS,
    Text,
)
from car_t_guide.core.session.model import Session

# Lymphodepleting chemotherapy for ALL lasts 4 days (kymriah-pi): it ends on start + 3.
LYMPHODEPLETION_DAYS = 4
# The infusion is usually 2 to 14 days after lymphodepletion ends (kymriah-pi).
INFUSION_AFTER_LYMPHODEPLETION_DAYS = (2, 14)
# Line breaks and tabs belong in a nurse's note; no other control character does.
_NOTE_WHITESPACE = {"\n", "\r", "\t"}


@dataclass(frozen=True)
class Problem:
    field: str  # "plan.infusion", "history[2].date"
    message: str  # one plain line, in the language showing
    is_error: bool


def lymphodepletion_end(start: date) -> date:
    return start + timedelta(days=LYMPHODEPLETION_DAYS - 1)


def _day(value: date) -> str:
    return format_day(value, current_language())


# --- one value --------------------------------------------------------------------------------


def text_problem(value: str, rule: Text) -> str | None:
    """Why this text cannot be kept, or None."""
    if len(value) > rule.max_chars:
        return _("is {count} characters long; the most is {limit}").format(
            count=len(value), limit=rule.max_chars
        )
    for char in value:
        category = unicodedata.category(char)
        if char in BIDI_CONTROLS and not rule.multiline:
            # An override (U+202E) shows "Ana" as "anA" on screen, while the PDF prints the
            # letters as typed: the screen and the paper would disagree about a child's name.
            return _(
                "contains a direction control character (U+{code:04X}), which can show the "
                "text backwards; please remove it"
            ).format(code=ord(char))
        if category == "Cc" and not (rule.multiline and char in _NOTE_WHITESPACE):
            return _("contains a control character (U+{code:04X}); please remove it").format(
                code=ord(char)
            )
        if category == "Cs":
            return _("contains a broken character (U+{code:04X}); please remove it").format(
                code=ord(char)
            )
    return None


def has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def latest_allowed_day(today: date) -> date:
    return add_years(today, MAX_YEARS_AHEAD)


def date_range_problem(first_day: date, shown: str, today: date) -> str | None:
    """A year before 1900, or a date more than 3 years after today, is a typing mistake."""
    if first_day.year < MIN_YEAR:
        return _("{date} is before {year}").format(date=shown, year=MIN_YEAR)
    if first_day > latest_allowed_day(today):
        return _("{date} is more than {years} years after today").format(
            date=shown, years=MAX_YEARS_AHEAD
        )
    return None


# --- the whole session --------------------------------------------------------------------------


def check_session(session: Session, *, today: date) -> list[Problem]:
    """Every problem, errors and warnings, in the order of the file."""
    return [
        *check_texts(session),
        *check_date_ranges(session, today),
        *check_plan_order(session),
        *check_names_print(session),
        *check_language(session),
    ]


def check_language(session: Session) -> list[Problem]:
    """A language this app does not have ("de") is no reason to refuse a family's file: it
    opens, and the nurse is told why the screens are not in that language. The value is kept
    and written back as it was."""
    if session.language is None or normalize(session.language) is not None:
        return []
    return [
        Problem(
            "language",
            _(
                "'{value}' is not a language this app has (it has {options}); the center's "
                "or the computer's language is used instead"
            ).format(value=shown(session.language), options=", ".join(SUPPORTED_LANGUAGES)),
            False,
        )
    ]


def check_texts(session: Session) -> list[Problem]:
    found: list[Problem] = []

    def check(field_name: str, value: str | None, fields: tuple, name: str) -> None:
        rule = next(f.rule for f in fields if f.name == name)
        if value is not None:
            message = text_problem(value, rule)
            if message:
                found.append(Problem(field_name, message, True))

    check("patient.display_name", session.patient.display_name, PATIENT_FIELDS, "display_name")
    check("care_team.center", session.care_team.center, CARE_TEAM_FIELDS, "center")
    check("care_team.phone_24h", session.care_team.phone_24h, CARE_TEAM_FIELDS, "phone_24h")
    check("plan.product", session.plan.product, PLAN_FIELDS, "product")
    for i, event in enumerate(session.history):
        check(f"history[{i}].note", event.note, HISTORY_EVENT_FIELDS, "note")
    for i, review in enumerate(session.topics_reviewed):
        check(f"topics_reviewed[{i}].by", review.by, TOPIC_REVIEW_FIELDS, "by")
    for i, medicine in enumerate(session.medicines):
        check(f"medicines[{i}].name", medicine.name, MEDICINE_FIELDS, "name")
        check(f"medicines[{i}].purpose", medicine.purpose, MEDICINE_FIELDS, "purpose")
    return found


def check_date_ranges(session: Session, today: date) -> list[Problem]:
    lang = current_language()
    found: list[Problem] = []

    def check(field_name: str, first_day: date | None, shown: str) -> None:
        if first_day is not None:
            message = date_range_problem(first_day, shown, today)
            if message:
                found.append(Problem(field_name, message, True))

    for i, event in enumerate(session.history):
        check(f"history[{i}].date", event.date.first_day, format_partial(event.date, lang))
    for name in ("collection", "bridging_start", "lymphodepletion_start", "infusion"):
        day = getattr(session.plan, name)
        check(f"plan.{name}", day, _day(day) if day else "")
    for i, review in enumerate(session.topics_reviewed):
        check(f"topics_reviewed[{i}].on", review.on, _day(review.on) if review.on else "")
    for i, medicine in enumerate(session.medicines):
        check(
            f"medicines[{i}].until", medicine.until, _day(medicine.until) if medicine.until else ""
        )
    return found


def check_plan_order(session: Session) -> list[Problem]:
    """collection ≤ bridging_start ≤ lymphodepletion_start < infusion (DESIGN.md).

    Before collection is an error (the dates cannot be right); the rest are warnings, because a
    center may have a reason, and the nurse should look again rather than be blocked.
    """
    plan = session.plan
    found: list[Problem] = []
    if plan.collection is None:
        found.append(
            Problem("plan.collection", _("missing: the T cell collection date is needed"), True)
        )
    else:
        for name in ("bridging_start", "lymphodepletion_start", "infusion"):
            day = getattr(plan, name)
            if day is not None and day < plan.collection:
                found.append(
                    Problem(
                        f"plan.{name}",
                        _("{date} is before T cell collection on {collection}").format(
                            date=_day(day), collection=_day(plan.collection)
                        ),
                        True,
                    )
                )
    found.extend(_bridging_warnings(session))
    found.extend(_infusion_warnings(session))
    return found


def _bridging_warnings(session: Session) -> list[Problem]:
    plan = session.plan
    if plan.bridging_start is None:
        return []
    if plan.lymphodepletion_start is not None and plan.bridging_start > plan.lymphodepletion_start:
        return [
            Problem(
                "plan.bridging_start",
                _("{date} is after lymphodepletion starts on {start}").format(
                    date=_day(plan.bridging_start), start=_day(plan.lymphodepletion_start)
                ),
                False,
            )
        ]
    if plan.infusion is not None and plan.bridging_start >= plan.infusion:
        return [
            Problem(
                "plan.bridging_start",
                _("{date} is not before the infusion on {infusion}").format(
                    date=_day(plan.bridging_start), infusion=_day(plan.infusion)
                ),
                False,
            )
        ]
    return []


def _infusion_warnings(session: Session) -> list[Problem]:
    plan = session.plan
    if plan.infusion is None or plan.lymphodepletion_start is None:
        return []
    end = lymphodepletion_end(plan.lymphodepletion_start)
    gap = (plan.infusion - end).days
    shortest, longest = INFUSION_AFTER_LYMPHODEPLETION_DAYS
    if shortest <= gap <= longest:
        return []
    if gap <= 0:
        message = _(
            "{date} is before lymphodepletion ends on {end}; the infusion is usually "
            "2 to 14 days after it ends"
        ).format(date=_day(plan.infusion), end=_day(end))
    else:
        message = ngettext(
            "{date} is {n} day after lymphodepletion ends on {end}; usually it is 2 to 14 days",
            "{date} is {n} days after lymphodepletion ends on {end}; usually it is 2 to 14 days",
            gap,
        ).format(date=_day(plan.infusion), n=gap, end=_day(end))
    return [Problem("plan.infusion", message, False)]


def check_names_print(session: Session) -> list[Problem]:
    name = session.patient.display_name
    if has_right_to_left(name) and len(name) <= MAX_NAME_CHARS:
        return [
            Problem(
                "patient.display_name",
                _("has right-to-left text, which may print imperfectly on the summary"),
                False,
            )
        ]
    return []
