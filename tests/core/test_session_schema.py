"""The published JSON Schemas say what the loader says: every bad case goes through both.

A real JSON Schema validator (jsonschema, draft 2020-12) reads the published files. The rules a
schema cannot state (plan date order, "not more than 3 years after today", nesting deeper than
64, numbers that could not be written back) are the only allowed difference, and the tests name
them.
"""

from __future__ import annotations

import calendar
import copy
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from jsonschema import Draft202012Validator

from car_t_guide.core.dates import BadDate, PartialDate, parse_full_date
from car_t_guide.core.session.fields import (
    HISTORY_KINDS,
    LEARNERS,
    METHODS,
    READABLE_VERSIONS,
    RELAPSE_SITES,
    RESULTS,
    TOPICS,
    TOPICS_V1,
)
from car_t_guide.core.session.files import SessionError, parse_session
from car_t_guide.core.session.schema import schema_path, schema_text, session_schema
from tests.core.test_session_properties import valid_documents

from .test_session import BAD_VALUES, CONTRACT_EXAMPLE, document, with_plan

TODAY = date(2026, 11, 26)
# With this "today", no 4-digit year is more than 3 years ahead: the one rule of the loader that
# depends on the day is idle, and the schema must then agree with the loader exactly.
FAR_FUTURE = date(9996, 12, 31)
PLAN_ORDER_FIELDS = {"plan.bridging_start", "plan.lymphodepletion_start", "plan.infusion"}


def validator(version: int) -> Draft202012Validator:
    schema = json.loads(schema_path(version).read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


VALIDATORS = {version: validator(version) for version in READABLE_VERSIONS}


def schema_accepts(doc) -> bool:
    """A document is valid when the schema of one of the versions the app reads accepts it."""
    return any(check.is_valid(doc) for check in VALIDATORS.values())


def loader_refusal(doc, today=TODAY) -> SessionError | None:
    try:
        parse_session(doc, today=today)
    except SessionError as error:
        return error
    return None


# --- the published files ------------------------------------------------------------------------


@pytest.mark.parametrize("version", READABLE_VERSIONS)
def test_published_schema_is_the_generated_one(version):
    # If this fails: python -m car_t_guide.core.session.schema
    assert schema_path(version).read_text(encoding="utf-8") == schema_text(version)
    assert json.loads(schema_path(version).read_text(encoding="utf-8")) == session_schema(version)
    Draft202012Validator.check_schema(session_schema(version))


def test_schema_lists_the_loaders_choices():
    defs = session_schema(2)["$defs"]
    assert defs["history_event"]["properties"]["kind"]["enum"] == list(HISTORY_KINDS)
    site = defs["history_event"]["properties"]["site"]["anyOf"][0]
    assert site["enum"] == list(RELAPSE_SITES)
    review = defs["topic_review"]["properties"]
    assert review["topic"]["enum"] == list(TOPICS)
    assert review["learner"]["anyOf"][0]["enum"] == list(LEARNERS)
    assert review["method"]["anyOf"][0]["enum"] == list(METHODS)
    assert review["result"]["anyOf"][0]["enum"] == list(RESULTS)
    assert defs["plan"]["required"] == ["collection"]
    assert "product" in defs["plan"]["properties"]
    v1 = session_schema(1)["$defs"]
    assert v1["topic_review"]["properties"]["topic"]["enum"] == list(TOPICS_V1)
    assert "product" not in v1["plan"]["properties"]
    assert "learner" not in v1["topic_review"]["properties"]


# --- dates: the schema's patterns are the calendar the loader uses --------------------------------


def _loader_reads_history_date(text: str) -> bool:
    try:
        return PartialDate.parse(text).year >= 1900
    except BadDate:
        return False


def _loader_reads_full_date(text: str) -> bool:
    try:
        return parse_full_date(text).year >= 1900
    except BadDate:
        return False


def test_date_patterns_agree_with_the_calendar_day_by_day():
    defs = session_schema(2)["$defs"]
    history = Draft202012Validator(defs["history_event"]["properties"]["date"])
    full = Draft202012Validator(defs["plan"]["properties"]["collection"])
    years = [*range(1895, 2105), 2400, 2800, 3000, 9996, 9999]
    texts = []
    for year in years:
        texts.append(f"{year:04d}")
        for month in range(0, 14):
            texts.append(f"{year:04d}-{month:02d}")
            for day in range(0, 33):
                texts.append(f"{year:04d}-{month:02d}-{day:02d}")
    texts += ["2013-5", "2013-05-1", "13-05-10", "2013/05/10", "2013-05-10\n", " 2013", "２０１３"]
    wrong = [
        text
        for text in texts
        if history.is_valid(text) != _loader_reads_history_date(text)
        or full.is_valid(text) != _loader_reads_full_date(text)
    ]
    assert wrong == []
    # The check above can fail: it sees leap days and month lengths.
    assert full.is_valid("2012-02-29") and not full.is_valid("2013-02-29")
    assert not full.is_valid("1900-02-29") and full.is_valid("2000-02-29")
    assert calendar.isleap(2400) and full.is_valid("2400-02-29")
    assert not history.is_valid("2013-13") and not history.is_valid("2013-05-32")


# --- whole documents --------------------------------------------------------------------------


def test_contract_example_conforms():
    assert VALIDATORS[1].is_valid(CONTRACT_EXAMPLE)
    assert loader_refusal(CONTRACT_EXAMPLE) is None


def test_a_version_2_document_conforms():
    doc = document(version=2, topics_reviewed=["crs", {"topic": "fever", "by": "RN"}])
    doc["plan"]["product"] = "Kymriah (tisagenlecleucel)"
    doc["topics_reviewed"][1].update(
        learner="parent_or_guardian", method="teach_back", result="understood", on="2013-05-01"
    )
    assert VALIDATORS[2].is_valid(doc)
    assert not VALIDATORS[1].is_valid(doc)
    assert loader_refusal(doc) is None


# The loader refuses these for reasons a JSON Schema cannot state (see core/session/schema.py).
APP_ONLY = [
    (with_plan(infusion="2013-03-01"), "plan.infusion", "order of the plan dates"),
    (with_plan(lymphodepletion_start="2013-03-01"), "plan.lymphodepletion_start", "order"),
    (with_plan(bridging_start="2013-03-01"), "plan.bridging_start", "order"),
    (document(history=[{"kind": "diagnosis", "date": "2300"}]), "history[0].date", "3 years"),
    (with_plan(infusion="2300-01-01"), "plan.infusion", "3 years"),
    (document(deep=json.loads("[" * 70 + "]" * 70)), "deep", "nesting"),
    (document(huge=10**100), "huge", "a whole number over 100 digits"),
]


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        pytest.param(doc, field, id=f"{field}: {words}")
        for doc, field, words in BAD_VALUES
        if not any(app_doc == doc for app_doc, _f, _w in APP_ONLY)
    ],
)
def test_schema_refuses_what_the_loader_refuses(doc, field):
    error = loader_refusal(doc)
    assert error is not None and error.field == field
    assert not schema_accepts(doc)


@pytest.mark.parametrize(("doc", "field", "why"), APP_ONLY)
def test_only_the_app_checks_what_a_schema_cannot_state(doc, field, why):
    error = loader_refusal(doc)
    assert error is not None and error.field.startswith(field)
    assert schema_accepts(doc)


def test_every_app_only_case_is_a_bad_value_or_a_nesting_case():
    """APP_ONLY is not a way to hide a disagreement: each is one of the loader's bad values, or
    one of the two shapes a schema cannot count (depth, digits)."""
    listed = [doc for doc, _f, _w in BAD_VALUES]
    assert all(doc in listed or "deep" in doc or "huge" in doc for doc, _f, _w in APP_ONLY)


@pytest.mark.parametrize(
    "doc",
    [
        document(patient={"display_name": "Ana", "age_years": 15.0}),  # JSON: 15.0 is 15
        document(version=1.0),
        document(language=None, patient=None, care_team=None, history=None, medicines=None),
        document(patient={"display_name": "Ana\u2028Lee"}),  # a line separator is not a control
        document(history=[{"kind": "other", "date": "2012-02-29", "note": "a\r\n\tb"}]),
        document(plan={**CONTRACT_EXAMPLE["plan"], "product": 42}),  # unknown in version 1
        document(topics_reviewed=[{"topic": "crs", "learner": "aunt"}]),  # unknown in version 1
        document(version=2, plan={**CONTRACT_EXAMPLE["plan"], "product": None}),
    ],
)
def test_both_accept_unusual_but_valid_documents(doc):
    assert loader_refusal(doc) is None
    assert schema_accepts(doc)


# --- generated documents: the loader and the schemas agree -------------------------------------

# What one change puts in place of a value, by the kind of value it was.
FOR_TEXT = [None, 42, "understood"]
FOR_NUMBER = [None, 15.0, 15.5, 121, True, "15"]
FOR_CONTAINER = [None, "x", []]
DATE_TEXTS = [
    "2013-13",
    "2013-00",
    "2013-02-29",
    "2012-02-29",
    "1900-02-29",
    "2013-04-31",
    "2013-05-32",
    "1899",
    "2013-05-10\n",
    "2013-5",
    "2013",
]
# Put into a text: a line break (notes keep them), a control, a broken character; or make it
# one character longer than each limit (names, one-line texts, notes).
ODD_CHARACTERS = ["\n", "\x85", "\udc80"]
LONG_TEXTS = ["A" * 101, "A" * 201, "A" * 20_001]
# Fields added to an object: names some version knows, and unknown ones.
ADDED_FIELDS = [
    ("product", 42),
    ("product", "Kymriah"),
    ("learner", "aunt"),
    ("method", "teach_back"),
    ("result", None),
    ("topic", "crs"),
    ("date", "2013-13"),
    ("bad \udc80", 1),
]
# Top-level keys the loader reads (it keeps the others without looking inside).
READ_INSIDE = {"patient", "care_team", "history", "plan", "topics_reviewed", "medicines"}


def _paths(doc) -> list[tuple]:
    """The path of every value the loader reads: known parts are entered, unknown fields are
    changed as a whole."""
    found = []

    def read_inside(path: tuple) -> bool:
        if len(path) == 1:
            return path[0] in READ_INSIDE  # patient, plan, the history list, ...
        return len(path) == 2 and path[0] in ("history", "topics_reviewed", "medicines")

    def walk(node, path: tuple) -> None:
        for key, value in node.items() if isinstance(node, dict) else enumerate(node):
            found.append((*path, key))
            if isinstance(value, dict | list) and read_inside((*path, key)):
                walk(value, (*path, key))

    walk(doc, ())
    return found


def _at(doc, path):
    for key in path:
        doc = doc[key]
    return doc


def _changes(value):
    if isinstance(value, str):
        if value[:4].isdigit():
            return [None, 42, *DATE_TEXTS]
        return FOR_TEXT + [value + char for char in ODD_CHARACTERS] + LONG_TEXTS
    if isinstance(value, bool | int | float) or value is None:
        return FOR_NUMBER
    return FOR_CONTAINER


def _one_change_documents(doc):
    """Documents one change away from ``doc``: a value replaced, a field removed or added."""
    paths = _paths(doc)
    for path in paths:
        for value in [*_changes(_at(doc, path)), "remove"]:
            changed = copy.deepcopy(doc)
            parent = _at(changed, path[:-1])
            if value == "remove":
                del parent[path[-1]]
            else:
                parent[path[-1]] = copy.deepcopy(value)
            yield changed
    for path in [(), *paths]:
        if isinstance(_at(doc, path), dict):
            for name, value in ADDED_FIELDS:
                changed = copy.deepcopy(doc)
                _at(changed, path)[name] = value
                yield changed


# A few generated documents, each tried with every one-change variant (about a thousand cases:
# a JSON Schema validator takes milliseconds per document).
# No shrinking: the message already names the one changed document.
@hypothesis_settings(
    max_examples=min(3, hypothesis_settings().max_examples),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)
@given(doc=valid_documents())
def test_loader_and_schema_agree_on_generated_sessions(doc):
    for changed in _one_change_documents(doc):
        error = loader_refusal(changed, today=FAR_FUTURE)
        accepted = schema_accepts(changed)
        if (error is None) == accepted:
            continue
        # The only allowed difference: plan dates that are each valid but out of order.
        assert error is not None and accepted, (
            f"the schema refuses what the loader accepts: {changed}"
        )
        assert error.field in PLAN_ORDER_FIELDS and "before" in error.message, (str(error), changed)
