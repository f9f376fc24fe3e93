"""The session file's fields, defined once, per version of the file.

The loader (core/session/files.py) checks every value against these rules, and the published JSON
Schemas (core/session/schema.py) are generated from the same rules, so the two cannot drift.

Version 1 is read exactly as it always was (``RULES[1]``): a field version 1 did not know is an
unknown field there, kept as it is. Version 2 adds the CAR T product (``plan.product``), the new
teach-back topics and, per topic reviewed, the education record: who explained it back
(``learner``), how (``method``) and the result (``result``). The app writes version 2.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMAT = "car-t-guide-session"
VERSION = 2  # the version this app writes
READABLE_VERSIONS = (1, 2)

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
TOPICS_V1: tuple[str, ...] = (
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
# Version 2: the version 1 topics and the new ones, in the order a nurse goes through them.
TOPICS: tuple[str, ...] = (
    "process",
    "journey",
    "crs",
    "neuro",
    "call_plan",
    "fever",
    "warning_signs",
    "blood_counts",
    "infection",
    "infection_prevention",
    "b_cell_aplasia",
    "medicines_at_home",
    "wallet_card",
    "after_discharge",
    "things_to_avoid",
    "long_term",
)
# The education record of a topic reviewed (version 2).
LEARNERS: tuple[str, ...] = ("parent_or_guardian", "patient", "other_caregiver")
# "self_check": the family answered the kiosk's question alone (no staff member saw it).
METHODS: tuple[str, ...] = ("teach_back", "shown", "self_check")
RESULTS: tuple[str, ...] = ("understood", "needs_review")
PLAN_DATES: tuple[str, ...] = ("collection", "bridging_start", "lymphodepletion_start", "infusion")

MAX_NAME_CHARS = 100  # DESIGN.md: display_name at most 100 characters
# Notes hold a nurse's free text; 10,000 characters must load. Twice that is still far more than
# any summary prints, and stops a pasted document from bloating the file.
MAX_NOTE_CHARS = 20_000
MAX_LINE_CHARS = 200  # center names, phone numbers, initials, medicine names
MAX_AGE_YEARS = 120
# The most entries a list may hold. A child's treatment history has tens of events, not
# thousands: a file with more was not written by a nurse, and the summary, the chart and the
# form all grow with it (a 60,000-event file took minutes to print). Generous bounds.
MAX_ITEMS = {"history": 1000, "topics_reviewed": 500, "medicines": 200}
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
PLAN_FIELDS_V1 = (
    Field("collection", FullDate(), required=True),
    Field("bridging_start", FullDate()),
    Field("lymphodepletion_start", FullDate()),
    Field("infusion", FullDate()),
)
# The product is free text the nurse types ("Kymriah (tisagenlecleucel)").
PLAN_FIELDS = (*PLAN_FIELDS_V1, Field("product", Text(MAX_LINE_CHARS)))
TOPIC_REVIEW_FIELDS_V1 = (
    Field("topic", Choice(TOPICS_V1), required=True),
    Field("by", Text(MAX_LINE_CHARS)),
    Field("on", FullDate()),
)
TOPIC_REVIEW_FIELDS = (
    Field("topic", Choice(TOPICS), required=True),
    Field("by", Text(MAX_LINE_CHARS)),
    Field("on", FullDate()),
    Field("learner", Choice(LEARNERS)),
    Field("method", Choice(METHODS)),
    Field("result", Choice(RESULTS)),
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


@dataclass(frozen=True)
class VersionRules:
    """What one version of the file holds; the parts that did not change are shared."""

    version: int
    topics: tuple[str, ...]
    plan_fields: tuple[Field, ...]
    topic_review_fields: tuple[Field, ...]


RULES: dict[int, VersionRules] = {
    1: VersionRules(1, TOPICS_V1, PLAN_FIELDS_V1, TOPIC_REVIEW_FIELDS_V1),
    2: VersionRules(2, TOPICS, PLAN_FIELDS, TOPIC_REVIEW_FIELDS),
}
assert tuple(RULES) == READABLE_VERSIONS and VERSION == READABLE_VERSIONS[-1]
assert set(TOPICS_V1) <= set(TOPICS)
