import json
from datetime import date

import pytest

from car_t_guide.core.journey import key_dates
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.examples import (
    EXAMPLE_COUNT,
    example_note,
    example_path,
    is_example,
    load_example,
)
from car_t_guide.core.session.files import empty_session, load_session

EXAMPLES = range(1, EXAMPLE_COUNT + 1)
TODAY = date(2026, 11, 26)


@pytest.mark.parametrize("n", EXAMPLES)
def test_each_example_loads_without_errors_or_warnings(n):
    loaded = load_session(example_path(n), today=TODAY)
    assert loaded.warnings == []
    session = loaded.session
    assert session.language == "en"
    assert session.patient.display_name == f"Example family {n}"
    assert session.plan.collection and session.plan.infusion
    assert is_example(session)
    assert example_note(session) == "These dates are not exact. They are an example."
    assert load_example(n, today=TODAY) == session


@pytest.mark.parametrize("n", EXAMPLES)
def test_example_files_are_written_as_the_app_writes_them(n, tmp_path):
    from car_t_guide.core.session.files import save_session

    session = load_example(n, today=TODAY)
    save_session(session, tmp_path / "copy.json", today=TODAY)
    original = json.loads(example_path(n).read_text(encoding="utf-8"))
    # The examples are version 1 files; the app writes the same document as version 2.
    assert json.loads((tmp_path / "copy.json").read_text(encoding="utf-8")) == {
        **original,
        "version": 2,
    }


def test_the_four_journeys_differ():
    sessions = [load_example(n, today=TODAY) for n in EXAMPLES]
    histories = {tuple((e.kind, e.site) for e in s.history_in_order()) for s in sessions}
    assert len(histories) == EXAMPLE_COUNT
    infusions = {s.plan.infusion for s in sessions}
    assert len(infusions) == EXAMPLE_COUNT


def test_seed_facts_hold():
    one, two, three, four = (load_example(n, today=TODAY) for n in EXAMPLES)
    assert one.plan.infusion.strftime("%Y-%m") == "2013-05"
    assert one.history[0].date.isoformat() == "2002-07"
    assert any(e.kind == "transplant" and e.date.isoformat() == "2010-01" for e in one.history)
    assert two.history[0].date.isoformat() == "2005-05"
    assert any(e.site == "combined" for e in two.history)
    assert any(e.kind == "cns_disease" for e in two.history)
    assert two.plan.infusion.year == 2013
    # Patient 3: CD19-negative relapse 9 months after the infusion, then a transplant.
    after = [e for e in three.history if e.date.first_day > three.plan.infusion]
    assert [e.kind for e in after][-4:] == ["relapse", "treatment", "remission", "transplant"]
    relapse = next(e for e in after if e.kind == "relapse")
    months = (relapse.date.year - three.plan.infusion.year) * 12 + (
        relapse.date.month - three.plan.infusion.month
    )
    assert months == 9
    assert four.plan.infusion.strftime("%Y-%m") == "2016-05"
    remission = next(e for e in four.history if e.kind == "remission")
    assert (remission.date.first_day - four.plan.infusion).days == 28
    assert four.medicines[0].name == "Levetiracetam"


@pytest.mark.parametrize("n", EXAMPLES)
def test_example_key_dates_are_all_real_dates(n):
    dates = key_dates(load_example(n, today=TODAY), CenterSettings(), today=TODAY, lang="en")
    assert all(d.date is not None and not d.relative for d in dates if d.id != "bridging")
    assert all(d.status == "past" for d in dates if d.id != "long_term_follow_up")


def test_a_real_family_is_not_an_example():
    assert not is_example(empty_session())
    assert example_note(empty_session()) is None


@pytest.mark.parametrize("n", [0, 5, -1])
def test_there_are_four_examples(n):
    with pytest.raises(ValueError, match="1 to 4"):
        example_path(n)


@pytest.mark.parametrize("n", EXAMPLES)
def test_each_example_reads_in_spanish_name_center_and_every_note(n):
    english = load_example(n, today=TODAY, lang="en")
    spanish = load_example(n, today=TODAY, lang="es")
    assert spanish.language == "es"
    assert spanish.patient.display_name == f"Familia de ejemplo {n}"
    assert spanish.care_team.center == "Hospital Infantil de Ejemplo"
    for before, after in zip(english.history, spanish.history, strict=True):
        assert (before.note is None) == (after.note is None)
        if before.note:
            assert after.note != before.note, f"example {n}: {before.note!r} has no Spanish"
    for before, after in zip(english.medicines, spanish.medicines, strict=True):
        assert after.purpose != before.purpose
    # Dates, kinds and the plan are the family's, in any language.
    when = [(e.kind, e.date) for e in english.history]
    assert [(e.kind, e.date) for e in spanish.history] == when
    assert spanish.plan == english.plan


@pytest.mark.parametrize("n", EXAMPLES)
def test_every_translated_field_names_a_field_the_example_has(n):
    from car_t_guide.core.session.examples import TRANSLATIONS, in_language

    session = load_example(n, today=TODAY, lang="en")
    for lang, texts in session.extra[TRANSLATIONS].items():
        for field in texts:
            probe = load_example(n, today=TODAY, lang="en")
            probe.extra[TRANSLATIONS] = {lang: {field: "\u2063changed"}}
            in_language(probe, lang)
            parts = ("patient", "care_team", "history", "medicines")
            assert [getattr(probe, p) for p in parts] != [getattr(session, p) for p in parts], (
                f"example {n}: {lang} {field!r} changes nothing"
            )
