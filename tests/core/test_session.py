import copy
import json
import os
import stat
from datetime import date

import pytest

from car_t_guide.core.dates import PartialDate
from car_t_guide.core.session import files as session_module
from car_t_guide.core.session.files import (
    HistoryEvent,
    Medicine,
    SessionError,
    TopicReview,
    empty_session,
    load_session,
    parse_session,
    save_session,
    session_to_dict,
)

TODAY = date(2026, 11, 26)

# DESIGN.md's example, word for word: every file like it must load.
CONTRACT_EXAMPLE = {
    "format": "car-t-guide-session",
    "version": 1,
    "language": "es",
    "patient": {"display_name": "Ana", "age_years": 15},
    "care_team": {"center": "Hospital Infantil", "phone_24h": "+1 555 010 0199"},
    "history": [
        {"kind": "diagnosis", "date": "2002-07"},
        {"kind": "relapse", "date": "2009", "site": "bone_marrow"},
        {"kind": "transplant", "date": "2010-01", "note": "matched sibling donor"},
        {"kind": "relapse", "date": "2013-02", "site": "bone_marrow"},
    ],
    "plan": {
        "collection": "2013-03-20",
        "bridging_start": "2013-03-25",
        "lymphodepletion_start": "2013-05-03",
        "infusion": "2013-05-10",
    },
    "topics_reviewed": ["crs"],
}


def document(**changes):
    """The contract example with top-level changes; a value of ... removes the key."""
    doc = copy.deepcopy(CONTRACT_EXAMPLE)
    for key, value in changes.items():
        if value is ...:
            doc.pop(key, None)
        else:
            doc[key] = value
    return doc


def with_plan(**dates):
    plan = dict(CONTRACT_EXAMPLE["plan"])
    for key, value in dates.items():
        if value is None:
            plan.pop(key, None)
        else:
            plan[key] = value
    return document(plan=plan)


def write(tmp_path, content, name="ana.json"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


def error_for(tmp_path, content):
    """Load a bad file: the one-line message, and proof the file was left untouched."""
    path = write(tmp_path, content)
    before = path.read_bytes()
    with pytest.raises(SessionError) as caught:
        load_session(path, today=TODAY)
    assert path.read_bytes() == before
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert "Traceback" not in message
    return caught.value


def test_contract_example_loads():
    loaded = parse_session(CONTRACT_EXAMPLE, today=TODAY)
    session = loaded.session
    assert loaded.warnings == []
    assert session.language == "es"
    assert session.patient.display_name == "Ana"
    assert session.patient.age_years == 15
    assert session.care_team.phone_24h == "+1 555 010 0199"
    assert session.history[1] == HistoryEvent("relapse", PartialDate(2009), "bone_marrow")
    assert session.history[2].note == "matched sibling donor"
    assert session.plan.collection == date(2013, 3, 20)
    assert session.plan.infusion == date(2013, 5, 10)
    assert session.topics_reviewed == [TopicReview("crs")]


def test_save_writes_back_the_same_document(tmp_path):
    # A version 1 file comes back the same, as version 2 (the staff saved it with this app).
    loaded = parse_session(CONTRACT_EXAMPLE, today=TODAY)
    path = tmp_path / "out.json"
    save_session(loaded.session, path, today=TODAY)
    assert json.loads(path.read_text(encoding="utf-8")) == {**CONTRACT_EXAMPLE, "version": 2}


def test_unknown_fields_are_kept_at_every_level(tmp_path):
    doc = copy.deepcopy(CONTRACT_EXAMPLE)
    doc["from_the_future"] = {"nested": [1, "two", None, True, 2.5]}
    doc["patient"]["pronouns"] = "she/her"
    doc["care_team"]["nurse"] = "RN Lee"
    doc["plan"]["protocol"] = "CTL019"
    doc["history"][0]["risk"] = "standard"
    doc["topics_reviewed"].append({"topic": "neuro", "by": "JL", "on": "2013-05-01", "x": 1})
    doc["medicines"] = [{"name": "Levetiracetam", "until": "2013-06-07", "dose_note": "bid"}]
    session = parse_session(doc, today=TODAY).session
    assert session.extra == {"from_the_future": {"nested": [1, "two", None, True, 2.5]}}
    assert session.plan.extra == {"protocol": "CTL019"}
    path = tmp_path / "kept.json"
    save_session(session, path, today=TODAY)
    assert json.loads(path.read_text(encoding="utf-8")) == {**doc, "version": 2}
    assert load_session(path, today=TODAY).session == session


def test_version_2_round_trip_keeps_the_record_the_product_and_unknown_fields(tmp_path):
    doc = document(version=2)
    doc["plan"]["product"] = "Kymriah (tisagenlecleucel)"
    doc["plan"]["protocol"] = "CTL019"
    doc["wallet_card_printed"] = True
    doc["topics_reviewed"] = [
        "crs",
        {
            "topic": "neuro",
            "by": "RN JL",
            "on": "2013-05-01",
            "learner": "parent_or_guardian",
            "method": "teach_back",
            "result": "understood",
            "minutes": 5,
        },
        {
            "topic": "warning_signs",
            "learner": "patient",
            "method": "shown",
            "result": "needs_review",
        },
    ]
    session = parse_session(doc, today=TODAY).session
    assert session.plan.product == "Kymriah (tisagenlecleucel)"
    assert session.plan.extra == {"protocol": "CTL019"}
    assert session.topics_reviewed[1] == TopicReview(
        "neuro",
        "RN JL",
        date(2013, 5, 1),
        learner="parent_or_guardian",
        method="teach_back",
        result="understood",
        extra={"minutes": 5},
    )
    assert session.topics_reviewed[2].needs_review
    path = tmp_path / "v2.json"
    save_session(session, path, today=TODAY)
    assert json.loads(path.read_text(encoding="utf-8")) == doc
    assert load_session(path, today=TODAY).session == session


def test_a_version_1_file_is_read_as_version_1_then_saved_as_version_2(tmp_path):
    doc = document(version=1)
    # Scripts wrote the product as an unknown field in version 1: it becomes the real field.
    doc["plan"]["product"] = "Kymriah"
    # A field version 2 knows, with a value version 2 refuses: still an unknown field, kept.
    doc["topics_reviewed"] = [{"topic": "crs", "learner": "aunt"}]
    path = write(tmp_path, doc)
    before = path.read_bytes()
    loaded = load_session(path, today=TODAY)
    assert path.read_bytes() == before  # loading never rewrites the file
    session = loaded.session
    assert session.plan.product == "Kymriah" and session.plan.extra == {}
    assert session.topics_reviewed == [TopicReview("crs", extra={"learner": "aunt"})]
    assert session_to_dict(session)["version"] == 2
    # Saving as version 2 would make "aunt" a value of the real field: the save says so.
    with pytest.raises(SessionError, match="topics_reviewed\\[0\\].learner"):
        save_session(session, path, today=TODAY)
    assert path.read_bytes() == before


def test_the_education_record_is_saved_only_as_far_as_it_is_known():
    session = empty_session()
    session.set_collection(date(2026, 11, 20))
    session.mark_topic_reviewed("crs", on=TODAY, method="self_check", result="understood")
    saved = session_to_dict(session)["topics_reviewed"]
    assert saved == [
        {"topic": "crs", "on": "2026-11-26", "method": "self_check", "result": "understood"}
    ]


def test_plain_and_detailed_topics_keep_their_form(tmp_path):
    doc = document(topics_reviewed=["crs", {"topic": "neuro", "by": "RN JL", "on": "2013-05-01"}])
    session = parse_session(doc, today=TODAY).session
    assert session.topics_reviewed == [
        TopicReview("crs"),
        TopicReview("neuro", "RN JL", date(2013, 5, 1)),
    ]
    assert session_to_dict(session)["topics_reviewed"] == doc["topics_reviewed"]


def test_saved_file_is_owner_only_and_no_temporary_is_left(tmp_path):
    path = tmp_path / "ana.json"
    save_session(parse_session(CONTRACT_EXAMPLE, today=TODAY).session, path, today=TODAY)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["ana.json"]


def test_save_refuses_a_session_it_could_not_load_and_keeps_the_old_file(tmp_path):
    path = write(tmp_path, CONTRACT_EXAMPLE)
    before = path.read_bytes()
    session = load_session(path, today=TODAY).session
    session.set_infusion(date(2013, 3, 1))
    with pytest.raises(SessionError, match="plan.infusion"):
        save_session(session, path, today=TODAY)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["ana.json"]


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = write(tmp_path, CONTRACT_EXAMPLE)
    before = path.read_bytes()
    session = load_session(path, today=TODAY).session

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(SessionError, match="No space left"):
        save_session(session, path, today=TODAY)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["ana.json"]


def test_empty_session_cannot_be_saved_without_collection(tmp_path):
    session = empty_session("en")
    with pytest.raises(SessionError, match="plan.collection"):
        save_session(session, tmp_path / "new.json", today=TODAY)
    assert not (tmp_path / "new.json").exists()
    session.set_collection(date(2026, 11, 20))
    save_session(session, tmp_path / "new.json", today=TODAY)
    assert load_session(tmp_path / "new.json", today=TODAY).session == session


def test_mutators_tell_listeners_what_changed():
    session = empty_session()
    heard = []
    stop = session.subscribe(heard.append)
    session.set_infusion(date(2026, 12, 1))
    session.add_history_event(HistoryEvent("diagnosis", PartialDate(2020)))
    session.mark_topic_reviewed("crs")
    session.mark_topic_reviewed("crs", by="JL")
    session.add_medicine(Medicine("Levetiracetam"))
    stop()
    session.set_display_name("Ana")
    assert heard == ["plan", "history", "topics", "topics", "medicines"]
    assert session.topics_reviewed == [TopicReview("crs", "JL")]
    assert session.plan.infusion == date(2026, 12, 1)


# --- bad input: each gets one clear line naming file and field; the file is left untouched ----


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        ('{"format": "car-t-guide-session", "version": 1, "plan": {"coll', "cut off"),
        ('{"format": "car-t-guide-session", "version": 1,', "cut off"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not text"),
        (bytes(range(256)), "not text"),
        ("{'format': 'car-t-guide-session'}", "not valid JSON"),
        ("[1, 2, 3]", "expected a JSON object"),
        ('"just text"', "expected a JSON object"),
        ('{"format": "car-t-guide-session", "version": NaN}', "NaN"),
        ('{"plan": {}, "plan": {}}', "appears twice"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_files_that_are_not_session_files(tmp_path, content, words):
    assert words in str(error_for(tmp_path, content))


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(SessionError, match="cannot be read"):
        load_session(tmp_path / "nowhere.json", today=TODAY)


# Every bad value the loader refuses, with the field it names (the schema tests run these too).
BAD_VALUES = [
    (document(format="something-else"), "format", "not a session file"),
    (document(format=...), "format", "missing"),
    (document(version=99), "version", "version 99"),
    (document(version="1"), "version", "whole number"),
    (document(version=...), "version", "missing"),
    (document(version=0), "version", "version 0"),
    (document(language=12), "language", "text"),
    (document(language="español!"), "language", "language code"),
    (document(patient={"display_name": 42}), "patient.display_name", "must be text"),
    (document(patient={"display_name": "A" * 101}), "patient.display_name", "101 characters"),
    (document(patient={"display_name": "Ana\x07"}), "patient.display_name", "U+0007"),
    (document(patient={"display_name": "Ana\nLee"}), "patient.display_name", "control"),
    (document(patient={"display_name": "Ana\x85"}), "patient.display_name", "control"),
    (document(patient={"age_years": "15"}), "patient.age_years", "whole number"),
    (document(patient={"age_years": 15.5}), "patient.age_years", "whole number"),
    (document(patient={"age_years": True}), "patient.age_years", "whole number"),
    (document(patient={"age_years": -1}), "patient.age_years", "between"),
    (document(patient="Ana"), "patient", "object"),
    (document(care_team={"phone_24h": 5550100199}), "care_team.phone_24h", "text"),
    (document(history={"kind": "diagnosis"}), "history", "list"),
    (document(history=["diagnosis"]), "history[0]", "object"),
    (document(history=[{"kind": "relaps", "date": "2013"}]), "history[0].kind", "relaps"),
    (document(history=[{"date": "2013"}]), "history[0].kind", "missing"),
    (document(history=[{"kind": "relapse"}]), "history[0].date", "missing"),
    (document(history=[{"kind": "relapse", "date": 2013}]), "history[0].date", "text"),
    (document(history=[{"kind": "relapse", "date": "2013-13"}]), "history[0].date", "month 13"),
    (
        document(history=[{"kind": "relapse", "date": "2013-05-32"}]),
        "history[0].date",
        "day 32",
    ),
    (
        document(history=[{"kind": "relapse", "date": "2013", "site": "brain"}]),
        "history[0].site",
        "brain",
    ),
    (document(history=[{"kind": "diagnosis", "date": "1850"}]), "history[0].date", "1900"),
    (document(history=[{"kind": "diagnosis", "date": "2300"}]), "history[0].date", "3 years"),
    (
        document(history=[{"kind": "other", "date": "2013", "note": "x" * 20_001}]),
        "history[0].note",
        "20001 characters",
    ),
    (document(plan=...), "plan", "collection"),
    (with_plan(collection=None), "plan.collection", "missing"),
    (with_plan(collection="2013-03"), "plan.collection", "full date"),
    (with_plan(infusion="2013-03-01"), "plan.infusion", "before T cell collection"),
    (with_plan(lymphodepletion_start="2013-03-01"), "plan.lymphodepletion_start", "before"),
    (with_plan(bridging_start="2013-03-01"), "plan.bridging_start", "before"),
    (with_plan(collection="1850-03-20"), "plan.collection", "1900"),
    (with_plan(infusion="2300-01-01"), "plan.infusion", "3 years"),
    # Lists a family's session cannot hold (a 60,000-event history took minutes to print).
    (
        document(history=[{"kind": "treatment", "date": "2012"}] * 1001),
        "history",
        "1001 entries",
    ),
    (document(medicines=[{"name": "Levetiracetam"}] * 201), "medicines", "201 entries"),
    (document(topics_reviewed=["crs"] * 501), "topics_reviewed", "501 entries"),
    (document(topics_reviewed=["crs", "cars"]), "topics_reviewed[1]", "cars"),
    (document(topics_reviewed=[{"by": "JL"}]), "topics_reviewed[0].topic", "missing"),
    (document(topics_reviewed="crs"), "topics_reviewed", "list"),
    (document(medicines=[{"purpose": "seizures"}]), "medicines[0].name", "missing"),
    (document(medicines=[{"name": "X", "until": "soon"}]), "medicines[0].until", "soon"),
    (document(extra_field="bad \udc80 char"), "extra_field", "broken character"),
    # Version 2's fields and topics.
    (document(version=3), "version", "version 3"),
    (document(version=2, topics_reviewed=["fever", "fevers"]), "topics_reviewed[1]", "fevers"),
    (document(topics_reviewed=["fever"]), "topics_reviewed[0]", "fever"),  # not in version 1
    (
        document(version=2, topics_reviewed=[{"topic": "crs", "learner": "aunt"}]),
        "topics_reviewed[0].learner",
        "aunt",
    ),
    (
        document(version=2, topics_reviewed=[{"topic": "crs", "method": "video"}]),
        "topics_reviewed[0].method",
        "video",
    ),
    (
        document(version=2, topics_reviewed=[{"topic": "crs", "result": "passed"}]),
        "topics_reviewed[0].result",
        "passed",
    ),
    (
        document(version=2, plan={**CONTRACT_EXAMPLE["plan"], "product": 42}),
        "plan.product",
        "text",
    ),
    (
        document(version=2, plan={**CONTRACT_EXAMPLE["plan"], "product": "Kymriah\n"}),
        "plan.product",
        "control",
    ),
    (
        document(version=2, plan={**CONTRACT_EXAMPLE["plan"], "product": "K" * 201}),
        "plan.product",
        "201 characters",
    ),
    (document(history=[{"kind": "relapse", "date": "2013-02-29"}]), "history[0].date", "29"),
    (document(history=[{"kind": "relapse", "date": "2013-04-31"}]), "history[0].date", "31"),
    (document(history=[{"kind": "relapse", "date": "2013-00"}]), "history[0].date", "month 0"),
    (document(history=[{"kind": "relapse", "date": "2013\n"}]), "history[0].date", "not a date"),
    (document(language="es\n"), "language", "language code"),
    (with_plan(infusion="2013-05-10\n"), "plan.infusion", "not a date"),
    (document(patient={"age_years": 121}), "patient.age_years", "between"),
    (document(patient={"bad \udc80 key": 1}), "patient", "broken character"),
]


@pytest.mark.parametrize(("doc", "field", "words"), BAD_VALUES)
def test_bad_values_name_file_and_field(tmp_path, doc, field, words):
    error = error_for(tmp_path, json.dumps(doc))
    assert error.field == field
    assert str(error).startswith(f"{tmp_path / 'ana.json'}: {field}: ")
    assert words in error.message


def test_infusion_before_collection_reads_as_a_sentence(tmp_path):
    doc = with_plan(collection="2013-03-18", bridging_start=None, infusion="2013-03-01")
    doc["plan"].pop("lymphodepletion_start")
    path = write(tmp_path, doc)
    with pytest.raises(SessionError) as caught:
        load_session(path, today=TODAY)
    assert str(caught.value) == (
        f"{path}: plan.infusion: March 1, 2013 is before T cell collection on March 18, 2013"
    )


def test_ten_thousand_character_note_loads(tmp_path):
    note = ('Day 5: fever 38.9 °C, <tocilizumab> & steroids; "ICU".\n' * 200)[:10_000]
    assert len(note) == 10_000
    path = write(tmp_path, document(history=[{"kind": "other", "date": "2013", "note": note}]))
    assert load_session(path, today=TODAY).session.history[0].note == note


@pytest.mark.parametrize(
    "name",
    [
        "Ana María Núñez",
        "Zoë O'Brien-Łukasz",
        "李小龙",
        "さくら",
        "김민준",
        "Алёша",
        "Νίκος",
        "नेहा",
        "ณัฐ",
        "👧🏽 Ana & <Leo>",
        '"quoted" \\ backslash',
    ],
)
def test_names_in_any_script_load(tmp_path, name):
    path = write(tmp_path, document(patient={"display_name": name}))
    loaded = load_session(path, today=TODAY)
    assert loaded.session.patient.display_name == name
    assert loaded.warnings == []


@pytest.mark.parametrize("name", ["أحمد", "נועה", "Ana (آنا)"])
def test_right_to_left_names_load_with_a_warning(tmp_path, name):
    path = write(tmp_path, document(patient={"display_name": name}))
    loaded = load_session(path, today=TODAY)
    assert loaded.session.patient.display_name == name
    assert [w.field for w in loaded.warnings] == ["patient.display_name"]
    assert "right-to-left" in str(loaded.warnings[0])


@pytest.mark.parametrize(
    ("plan", "field", "words"),
    [
        # lymphodepletion 3-6 May: the infusion is usually 8-20 May (2 to 14 days after the 6th).
        (
            {"lymphodepletion_start": "2013-05-03", "infusion": "2013-05-07"},
            "plan.infusion",
            "1 day",
        ),
        (
            {"lymphodepletion_start": "2013-05-03", "infusion": "2013-05-21"},
            "plan.infusion",
            "15 days",
        ),
        (
            {"lymphodepletion_start": "2013-05-03", "infusion": "2013-05-05"},
            "plan.infusion",
            "before",
        ),
        ({"bridging_start": "2013-05-04"}, "plan.bridging_start", "after lymphodepletion"),
    ],
)
def test_unusual_plans_load_with_a_warning(plan, field, words):
    loaded = parse_session(with_plan(**plan), today=TODAY, source="ana.json")
    assert [w.field for w in loaded.warnings] == [field]
    assert words in loaded.warnings[0].message
    assert str(loaded.warnings[0]).startswith(f"ana.json: {field}: ")


@pytest.mark.parametrize("infusion", ["2013-05-08", "2013-05-20"])
def test_infusion_2_to_14_days_after_lymphodepletion_is_usual(infusion):
    loaded = parse_session(with_plan(infusion=infusion), today=TODAY)
    assert loaded.warnings == []


def test_only_collection_is_required():
    doc = {"format": "car-t-guide-session", "version": 1, "plan": {"collection": "2026-11-20"}}
    session = parse_session(doc, today=TODAY).session
    assert session.plan.infusion is None
    assert session.history == []
    assert session.language is None


def test_null_optional_fields_mean_not_known():
    doc = with_plan()
    doc["plan"]["infusion"] = None
    doc["language"] = None
    session = parse_session(doc, today=TODAY).session
    assert session.plan.infusion is None
    assert session.language is None


def test_three_years_ahead_is_the_limit():
    assert parse_session(
        with_plan(
            collection="2029-11-26", bridging_start=None, lymphodepletion_start=None, infusion=None
        ),
        today=TODAY,
    )
    with pytest.raises(SessionError, match="3 years"):
        parse_session(
            with_plan(
                collection="2029-11-27",
                bridging_start=None,
                lymphodepletion_start=None,
                infusion=None,
            ),
            today=TODAY,
        )


@pytest.mark.parametrize("failure", [TypeError("bug"), RuntimeError("bug"), KeyError("bug")])
def test_programming_errors_are_not_turned_into_messages(monkeypatch, failure):
    def broken(*args, **kwargs):
        raise failure

    monkeypatch.setattr(session_module.session_checks, "check_plan_order", broken)
    monkeypatch.setattr(session_module.session_checks, "text_problem", broken)
    with pytest.raises(type(failure)):
        parse_session(CONTRACT_EXAMPLE, today=TODAY)


def test_form_replaces_history_and_medicines_and_listeners_hear_it():
    from datetime import date as _date

    from car_t_guide.core.dates import PartialDate as _PartialDate
    from car_t_guide.core.session.model import HistoryEvent as _Event
    from car_t_guide.core.session.model import Medicine as _Medicine
    from car_t_guide.core.session.model import empty_session as _empty

    session = _empty()
    heard = []
    session.subscribe(heard.append)
    session.set_history([_Event("diagnosis", _PartialDate(2002, 7))])
    session.set_medicines([_Medicine("levetiracetam", "seizure prevention", _date(2013, 6, 9))])
    assert [e.kind for e in session.history] == ["diagnosis"]
    assert session.medicines[0].until == _date(2013, 6, 9)
    assert heard == ["history", "medicines"]


def test_a_long_history_up_to_the_limit_loads():
    doc = document(history=[{"kind": "treatment", "date": "2012"}] * 1000)
    assert len(parse_session(doc, today=TODAY).session.history) == 1000
