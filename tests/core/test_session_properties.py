"""Generated sessions: valid ones load and survive save -> load unchanged (unknown fields too);
invalid ones are refused with the app's own error naming the field; programming errors are
never dressed up as a user message."""

from __future__ import annotations

import json
import os
import shutil
import tomllib
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from car_t_guide.core.dates import BadDate, PartialDate
from car_t_guide.core.machine.toml_writer import dumps
from car_t_guide.core.plain_text import BIDI_CONTROLS
from car_t_guide.core.session import checks as session_checks
from car_t_guide.core.session import files as session_module
from car_t_guide.core.session.fields import (
    FORMAT,
    HISTORY_KINDS,
    LEARNERS,
    MAX_NAME_CHARS,
    METHODS,
    PLAN_FIELDS,
    READABLE_VERSIONS,
    RELAPSE_SITES,
    RESULTS,
    RULES,
    TOP_LEVEL_KEYS,
    TOPIC_REVIEW_FIELDS,
)
from car_t_guide.core.session.files import (
    MAX_NUMBER_DIGITS,
    SessionError,
    load_session,
    parse_session,
    save_session,
    session_to_dict,
)

TODAY = date(2026, 11, 26)
LATEST = date(2029, 11, 26)  # three years after TODAY
# tmp_path is shared by the examples of one test: each example overwrites the same file.
PROPERTY = hypothesis_settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

# --- strategies ---

HOSTILE = [
    "'",
    '"',
    "<",
    ">",
    "&",
    "\\",
    "😀",
    "👧🏽",
    "\u202e",
    "\u2066",
    "\u200f",
    "أحمد",
    "נועה",
    "李",
    "한글",
    "김민준",
    "ñ",
    "\u0301",
    "\ufeff",
    "</script>",
    "{n}",
    "%s",
    "\u00a0",
    "\u2028",
]
# Names: any script, emoji, quotes; no control characters and no direction controls (both
# refused) and no lone surrogates.
name_chars = st.one_of(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=BIDI_CONTROLS),
    st.sampled_from([c for c in HOSTILE if len(c) == 1 and c not in BIDI_CONTROLS]),
)
names = st.one_of(
    st.text(name_chars, max_size=MAX_NAME_CHARS),
    st.lists(st.sampled_from([h for h in HOSTILE if h not in BIDI_CONTROLS]), max_size=8)
    .map("".join)
    .filter(lambda s: len(s) <= MAX_NAME_CHARS),
)
note_chars = st.one_of(
    st.characters(blacklist_categories=("Cc", "Cs")), st.sampled_from(["\n", "\t", "\r"])
)
notes = st.text(note_chars, max_size=400)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def extras(known: set[str]):
    """Fields this version does not know, at any level."""
    return st.dictionaries(
        st.text(min_size=1, max_size=12).filter(lambda key: key not in known),
        json_values,
        max_size=3,
    )


@st.composite
def partial_dates(draw, low=date(1900, 1, 1), high=LATEST):
    day = draw(st.dates(min_value=low, max_value=high))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


@st.composite
def history_events(draw):
    event = {"kind": draw(st.sampled_from(HISTORY_KINDS)), "date": draw(partial_dates())}
    if draw(st.booleans()):
        event["site"] = draw(st.sampled_from(RELAPSE_SITES))
    if draw(st.booleans()):
        event["note"] = draw(notes)
    event.update(draw(extras({"kind", "date", "site", "note"})))
    return event


@st.composite
def plans(draw, version=2):
    """Plans in the contract's order: collection <= bridging <= lymphodepletion < infusion."""
    collection = draw(st.dates(min_value=date(1990, 1, 1), max_value=LATEST - timedelta(days=90)))
    plan = {"collection": collection.isoformat()}
    last = collection
    if draw(st.booleans()):
        last = last + timedelta(days=draw(st.integers(0, 30)))
        plan["bridging_start"] = last.isoformat()
    lymph = None
    if draw(st.booleans()):
        lymph = last + timedelta(days=draw(st.integers(0, 30)))
        plan["lymphodepletion_start"] = lymph.isoformat()
    if draw(st.booleans()):
        if lymph:
            infusion = lymph + timedelta(days=3 + draw(st.integers(2, 14)))
        else:
            infusion = last + timedelta(days=draw(st.integers(1, 30)))
        plan["infusion"] = infusion.isoformat()
    if version >= 2 and draw(st.booleans()):
        plan["product"] = draw(names.filter(lambda s: len(s) <= 200))
    # Unknown fields never take the name of a field of any version (that is another test).
    plan.update(draw(extras({f.name for f in PLAN_FIELDS})))
    return plan


@st.composite
def topics(draw, version=2):
    topic = draw(st.sampled_from(RULES[version].topics))
    if draw(st.booleans()):
        return topic
    review = {"topic": topic}
    if draw(st.booleans()):
        review["by"] = draw(names.filter(lambda s: len(s) <= 200))
    if draw(st.booleans()):
        review["on"] = draw(st.dates(min_value=date(1990, 1, 1), max_value=LATEST)).isoformat()
    if version >= 2:
        for name, options in (("learner", LEARNERS), ("method", METHODS), ("result", RESULTS)):
            if draw(st.booleans()):
                review[name] = draw(st.sampled_from(options))
    review.update(draw(extras({f.name for f in TOPIC_REVIEW_FIELDS})))
    return review


@st.composite
def medicines(draw):
    medicine = {"name": draw(names.filter(lambda s: len(s) <= 200))}
    if draw(st.booleans()):
        medicine["purpose"] = draw(notes)
    if draw(st.booleans()):
        medicine["until"] = draw(st.dates(min_value=date(1990, 1, 1), max_value=LATEST)).isoformat()
    return medicine


@st.composite
def valid_documents(draw):
    version = draw(st.sampled_from(READABLE_VERSIONS))
    doc = {"format": FORMAT, "version": version}
    if draw(st.booleans()):
        doc["language"] = draw(st.sampled_from(["en", "es", "ar", "zh-Hans", "es_MX"]))
    patient = {"display_name": draw(names)}
    if draw(st.booleans()):
        patient["age_years"] = draw(st.integers(0, 120))
    patient.update(draw(extras({"display_name", "age_years"})))
    doc["patient"] = patient
    doc["care_team"] = {
        "center": draw(names),
        "phone_24h": draw(st.text(st.sampled_from("+0123456789 ()-ext."), max_size=30)),
        **draw(extras({"center", "phone_24h"})),
    }
    doc["history"] = draw(st.lists(history_events(), max_size=6))
    doc["plan"] = draw(plans(version))
    doc["topics_reviewed"] = draw(st.lists(topics(version), max_size=4))
    if draw(st.booleans()):
        doc["medicines"] = draw(st.lists(medicines(), min_size=1, max_size=3))
    doc.update(draw(extras(set(TOP_LEVEL_KEYS))))
    return doc


# --- valid sessions ---


@PROPERTY
@given(doc=valid_documents())
def test_valid_sessions_load_and_survive_save_and_load(tmp_path, doc):
    loaded = parse_session(doc, today=TODAY, source="generated.json")
    path = tmp_path / "generated.json"
    save_session(loaded.session, path, today=TODAY)
    again = load_session(path, today=TODAY)
    assert again.session == loaded.session
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written == session_to_dict(loaded.session)
    assert written["version"] == 2  # whatever it was read as, the app writes version 2
    # Unknown fields come back exactly, at every level.
    assert {k: v for k, v in written.items() if k not in TOP_LEVEL_KEYS} == {
        k: v for k, v in doc.items() if k not in TOP_LEVEL_KEYS
    }
    assert written["plan"] == doc["plan"]
    assert written["history"] == doc["history"]
    assert written["topics_reviewed"] == doc["topics_reviewed"]
    for warning in loaded.warnings:
        assert "\n" not in str(warning)


@PROPERTY
@given(name=names)
def test_any_name_without_control_characters_loads(name):
    doc = {
        "format": FORMAT,
        "version": 1,
        "patient": {"display_name": name},
        "plan": {"collection": "2026-11-20"},
    }
    assert parse_session(doc, today=TODAY).session.patient.display_name == name


# --- invalid sessions ---


def _break_name_type(doc, data):
    doc["patient"]["display_name"] = data.draw(st.one_of(st.integers(), st.floats(), st.booleans()))
    return "patient.display_name"


def _break_name_control(doc, data):
    name = doc["patient"]["display_name"][: MAX_NAME_CHARS - 1]
    at = data.draw(st.integers(0, len(name)))
    bad = data.draw(st.characters(whitelist_categories=("Cc",)))
    doc["patient"]["display_name"] = name[:at] + bad + name[at:]
    return "patient.display_name"


def _break_name_length(doc, data):
    doc["patient"]["display_name"] = data.draw(
        st.text(name_chars, min_size=MAX_NAME_CHARS + 1, max_size=MAX_NAME_CHARS + 50)
    )
    return "patient.display_name"


def _break_name_direction(doc, data):
    """An override or isolate would show the name one way on screen and another on paper."""
    field = data.draw(st.sampled_from(["patient.display_name", "care_team.center"]))
    part, key = field.split(".")
    text = doc[part][key][: MAX_NAME_CHARS - 1]
    at = data.draw(st.integers(0, len(text)))
    doc[part][key] = text[:at] + data.draw(st.sampled_from(sorted(BIDI_CONTROLS))) + text[at:]
    return field


def _break_kind(doc, data):
    doc["history"].append(
        {"kind": data.draw(st.text().filter(lambda k: k not in HISTORY_KINDS)), "date": "2013"}
    )
    return f"history[{len(doc['history']) - 1}].kind"


def _break_history_date(doc, data):
    year = data.draw(st.integers(1900, 2020))
    bad = data.draw(
        st.sampled_from(
            [
                f"{year}-13",
                f"{year}-00",
                f"{year}-01-32",
                f"{year}-02-30",
                f"{year}/01",
                f"{year - 1900}",
                "1850",
                "2300-01-01",
            ]
        )
    )
    doc["history"].append({"kind": "diagnosis", "date": bad})
    return f"history[{len(doc['history']) - 1}].date"


def _break_infusion_order(doc, data):
    collection = date.fromisoformat(doc["plan"]["collection"])
    days = data.draw(st.integers(1, 400))
    doc["plan"]["infusion"] = (collection - timedelta(days=days)).isoformat()
    return "plan.infusion"


def _break_missing_collection(doc, data):
    del doc["plan"]["collection"]
    return "plan.collection"


def _break_version(doc, data):
    doc["version"] = data.draw(st.one_of(st.integers(min_value=3), st.integers(max_value=0)))
    return "version"


def _break_format(doc, data):
    doc["format"] = data.draw(st.one_of(st.text().filter(lambda f: f != FORMAT), st.integers()))
    return "format"


def _break_topic(doc, data):
    known = RULES[doc["version"]].topics
    doc["topics_reviewed"].append(data.draw(st.text().filter(lambda t: t not in known)))
    return f"topics_reviewed[{len(doc['topics_reviewed']) - 1}]"


# Numbers JSON can write but this app could not write back: they stand in the document as a
# marker string, replaced by the number's text after json.dumps (which cannot write some of them).
NUMBER_MARKER = "@@number@@"
unwritable_numbers = st.one_of(
    st.integers(MAX_NUMBER_DIGITS + 1, 6000).map(lambda n: "9" * n),
    st.integers(MAX_NUMBER_DIGITS + 1, 400).map(lambda n: "-1" + "0" * (n - 1)),
    st.integers(309, 99999).map(lambda e: f"1e{e}"),
    st.integers(309, 99999).map(lambda e: f"-7.5E+{e}"),
    st.integers(400, 99999).map(lambda e: f"3e-{e}"),
    st.sampled_from(["Infinity", "-Infinity", "NaN"]),
)


def _break_number(doc, data):
    where = data.draw(st.sampled_from(["top", "patient", "plan", "name", "age", "history"]))
    if where == "top":
        doc["x"] = NUMBER_MARKER
        return "x"
    if where == "patient":
        doc["patient"]["extra"] = [0, NUMBER_MARKER]
        return "patient.extra[1]"
    if where == "plan":
        doc["plan"]["from_another_app"] = {"n": NUMBER_MARKER}
        return "plan.from_another_app.n"
    if where == "name":
        doc["patient"]["display_name"] = NUMBER_MARKER
        return "patient.display_name"
    if where == "age":
        doc["patient"]["age_years"] = NUMBER_MARKER
        return "patient.age_years"
    doc["history"].append({"kind": "diagnosis", "date": NUMBER_MARKER})
    return f"history[{len(doc['history']) - 1}].date"


BREAKERS = [
    _break_name_type,
    _break_name_control,
    _break_name_length,
    _break_name_direction,
    _break_kind,
    _break_history_date,
    _break_infusion_order,
    _break_missing_collection,
    _break_version,
    _break_format,
    _break_topic,
    _break_number,
]


@PROPERTY
@given(doc=valid_documents(), breaker=st.sampled_from(BREAKERS), data=st.data())
def test_invalid_sessions_are_refused_naming_the_field(tmp_path, doc, breaker, data):
    field = breaker(doc, data)
    path = tmp_path / "broken.json"
    text = json.dumps(doc)
    if NUMBER_MARKER in text:
        text = text.replace(f'"{NUMBER_MARKER}"', data.draw(unwritable_numbers))
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(SessionError) as caught:
        load_session(path, today=TODAY)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{path}: {field}: ")
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before


@PROPERTY
@given(number=unwritable_numbers, nesting=st.integers(0, 3))
def test_unwritable_numbers_are_refused_at_load_never_at_save(tmp_path, number, nesting):
    """A file that loads can always be saved: what could not be written back is refused."""
    value = number
    for _ in range(nesting):
        value = f'{{"a": [{value}]}}'
    path = tmp_path / "numbers.json"
    path.write_text(
        '{"format": "car-t-guide-session", "version": 1, "plan": {"collection": "2025-10-01"},'
        f' "kept": {value}}}',
        encoding="utf-8",
    )
    with pytest.raises(SessionError) as caught:
        load_session(path, today=TODAY)
    assert caught.value.field == "kept" + ".a[0]" * nesting
    assert "\n" not in str(caught.value)


@PROPERTY
@given(
    kind=st.sampled_from(["fifo", "folder", "device", "link to a fifo", "link to nothing"]),
    name=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\0"),
                 min_size=1, max_size=20).filter(lambda n: n not in (".", "..")),
)
def test_a_session_that_is_not_a_regular_file_is_refused_at_once(tmp_path, kind, name):
    """FIFOs (a read that never returns), devices (one that never ends), folders, links."""
    assume(hasattr(os, "mkfifo"))
    folder = tmp_path / "named"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    path = folder / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "link to a fifo":
        os.mkfifo(folder / "pipe")
        path.symlink_to(folder / "pipe")
    else:
        path.symlink_to(folder / "nothing-here")
    with pytest.raises(SessionError) as caught:
        load_session(path, today=TODAY)
    assert caught.value.field == ""
    assert str(caught.value).startswith(str(path))


@PROPERTY
@given(raw=st.binary(max_size=200))
def test_any_bytes_give_a_session_or_a_session_error(tmp_path, raw):
    path = tmp_path / "junk.json"
    path.write_bytes(raw)
    try:
        load_session(path, today=TODAY)
    except SessionError as error:
        assert "\n" not in str(error)


@given(text=st.text(max_size=12))
def test_dates_parse_or_say_why(text):
    try:
        parsed = PartialDate.parse(text)
    except BadDate as error:
        assert "\n" not in str(error)
    else:
        assert parsed.isoformat() == text


@given(day=st.dates(), precision=st.sampled_from([1, 2, 3]))
def test_real_dates_round_trip(day, precision):
    text = day.isoformat()[: {1: 4, 2: 7, 3: 10}[precision]]
    assume(day.year >= 1)
    parsed = PartialDate.parse(text)
    assert parsed.isoformat() == text
    assert parsed.first_day <= day <= parsed.last_day


# --- no catch-all: a bug is a bug, not a user message ---


@hypothesis_settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=valid_documents(), failure=st.sampled_from([TypeError, RuntimeError, AttributeError]))
def test_programming_errors_propagate(monkeypatch, doc, failure):
    def broken(*args, **kwargs):
        raise failure("a bug in the checks")

    with monkeypatch.context() as patch:
        patch.setattr(session_checks, "check_date_ranges", broken)
        with pytest.raises(failure):
            parse_session(doc, today=TODAY)
    with monkeypatch.context() as patch:
        patch.setattr(session_module.PartialDate, "parse", broken)
        if doc["history"]:
            with pytest.raises(failure):
                parse_session(doc, today=TODAY)


# --- the settings writer ---

toml_scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.text(st.characters(blacklist_categories=("Cs",))),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=3),
    ),
    max_leaves=8,
)


@given(values=st.dictionaries(st.text(min_size=1, max_size=10), toml_values, max_size=5))
def test_toml_writer_round_trips(values):
    assert tomllib.loads(dumps(values)) == values
