"""The session file's fields, defined once.

The loader (core/session/files.py) checks every value against these rules, and the published JSON
Schema (core/session/schema.py) is generated from the same rules, so the two cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMAT = "car-t-guide-session"
VERSION = 1

HISTORY_KINDS: tuple[str, ...] = (
    "diagnosis",
    "relapse",
    "refractory",
    "transplant",
    "cns_disease",
    "remission",
    "treatment",
    "other",
)
RELAPSE_SITES: tuple[str, ...] = ("bone_marrow", "cns", "combined", "testicular", "other")
TOPICS: tuple[str, ...] = (
    "process",
    "journey",
    "crs",
    "neuro",
    "infection",
    "b_cell_aplasia",
    "warning_signs",
    "after_discharge",
    "long_term",
)
PLAN_DATES: tuple[str, ...] = ("collection", "bridging_start", "lymphodepletion_start", "infusion")

MAX_NAME_CHARS = 100  # DESIGN.md: display_name at most 100 characters
# Notes hold a nurse's free text; 10,000 characters must load. Twice that is still far more than
# any summary prints, and stops a pasted document from bloating the file.
MAX_NOTE_CHARS = 20_000
MAX_LINE_CHARS = 200  # center names, phone numbers, initials, medicine names
MAX_AGE_YEARS = 120
# Oldest plausible history date, and how far ahead a plan may reach.
MIN_YEAR = 1900
MAX_YEARS_AHEAD = 3
LANGUAGE_TAG_PATTERN = r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$"


# --- Value rules --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    max_chars: int
    multiline: bool = False  # notes keep line breaks and tabs; names are one line


@dataclass(frozen=True)
class Choice:
    options: tuple[str, ...]


@dataclass(frozen=True)
class FullDate:
    pass


@dataclass(frozen=True)
class HistoryDate:
    pass


@dataclass(frozen=True)
class WholeNumber:
    minimum: int
    maximum: int


@dataclass(frozen=True)
class LanguageTag:
    pass


Rule = Text | Choice | FullDate | HistoryDate | WholeNumber | LanguageTag


@dataclass(frozen=True)
class Field:
    name: str
    rule: Rule
    required: bool = False


PATIENT_FIELDS = (
    Field("display_name", Text(MAX_NAME_CHARS)),
    Field("age_years", WholeNumber(0, MAX_AGE_YEARS)),
)
CARE_TEAM_FIELDS = (
    Field("center", Text(MAX_LINE_CHARS)),
    Field("phone_24h", Text(MAX_LINE_CHARS)),
)
HISTORY_EVENT_FIELDS = (
    Field("kind", Choice(HISTORY_KINDS), required=True),
    Field("date", HistoryDate(), required=True),
    Field("site", Choice(RELAPSE_SITES)),
    Field("note", Text(MAX_NOTE_CHARS, multiline=True)),
)
PLAN_FIELDS = (
    Field("collection", FullDate(), required=True),
    Field("bridging_start", FullDate()),
    Field("lymphodepletion_start", FullDate()),
    Field("infusion", FullDate()),
)
TOPIC_REVIEW_FIELDS = (
    Field("topic", Choice(TOPICS), required=True),
    Field("by", Text(MAX_LINE_CHARS)),
    Field("on", FullDate()),
)
MEDICINE_FIELDS = (
    Field("name", Text(MAX_LINE_CHARS), required=True),
    Field("purpose", Text(MAX_NOTE_CHARS, multiline=True)),
    Field("until", FullDate()),
)
# Top-level keys the loader reads itself (everything else is kept as it is).
TOP_LEVEL_KEYS = (
    "format",
    "version",
    "language",
    "patient",
    "care_team",
    "history",
    "plan",
    "topics_reviewed",
    "medicines",
)
