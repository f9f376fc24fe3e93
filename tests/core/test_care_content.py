"""Side effects, grades, medicines and teach-back load into typed data, in every language."""

from __future__ import annotations

import re

import pytest

from car_t_guide.core.content import care as care_content
from car_t_guide.core.content.warning_signs import fever_threshold_texts
from car_t_guide.core.i18n import SUPPORTED_LANGUAGES
from car_t_guide.core.session.fields import TOPICS

LANGS = list(SUPPORTED_LANGUAGES)
ISSUE_EFFECTS = [
    "crs",
    "neuro",
    "infection",
    "blood_counts",
    "b_cell_aplasia",
    "tumor_lysis",
    "hlh",
    "tiredness",
    "long_term",
    "things_to_avoid",
]


@pytest.mark.parametrize("lang", LANGS)
def test_side_effects_load_with_every_section(lang):
    text = care_content.side_effects(lang)
    assert [e.id for e in text.effects] == ISSUE_EFFECTS
    for effect in text.effects:
        assert effect.title
        for name in care_content.SECTIONS:
            facts = [item for item in effect.section(name) if item.kind != "question"]
            assert facts, f"{lang} {effect.id}: {name} says nothing (only questions)"
        assert effect.call_for
    assert text.effect("crs").when_days == care_content.DayWindow(1, 22, 3, "kymriah-pi")
    neuro = text.effect("neuro").when_days
    assert (neuro.first_day, neuro.last_day, neuro.usual_day) == (1, 56, None)
    assert neuro.sources == ("kymriah-pi",)


@pytest.mark.parametrize("lang", LANGS)
def test_every_strip_chart_has_one_source(lang):
    """A trial's median is never drawn beside a real-world median as if they were one study:
    each window has one source, and the windows drawn together share it."""
    windows = [e.when_days for e in care_content.side_effects(lang).effects if e.when_days]
    assert windows
    assert {w.source for w in windows} == {"kymriah-pi"}
    assert all(len(w.sources) == 1 for w in windows)


def test_the_facts_the_issue_found_wrong_are_gone():
    text = care_content.side_effects("en")
    crs = " ".join(i.text for i in text.effect("crs").what_it_is)
    assert "always" not in crs.lower()
    seen = " ".join(i.text for i in text.effect("crs").what_you_may_see)
    assert "hide a fever" in seen
    long_term = " ".join(i.text for i in text.effect("long_term").what_it_is)
    assert "rare" in long_term and "T cells" in long_term


@pytest.mark.parametrize("lang", LANGS)
def test_grades_run_1_to_4_on_each_scale(lang):
    grades = care_content.grades(lang)
    assert [s.id for s in grades.scales] == [
        "crs_grades",
        "neuro_grades",
        "neuro_grades_under_12",
    ]
    for scale in grades.scales:
        assert [g.grade for g in scale.grades] == [1, 2, 3, 4]
    assert grades.highest == 4


@pytest.mark.parametrize("lang", LANGS)
def test_medicines_load(lang):
    medicines = care_content.medicines(lang)
    assert [m.id for m in medicines.medicines][:2] == ["seizure_prevention", "immunoglobulin"]
    assert all(m.items for m in medicines.medicines)


@pytest.mark.parametrize("lang", LANGS)
def test_teach_back_has_one_topic_per_session_topic_id_with_one_right_answer(lang):
    teach_back = care_content.teach_back(lang)
    assert tuple(t.id for t in teach_back.topics) == TOPICS
    for topic in teach_back.topics:
        check = topic.self_check
        assert len(check.choices) >= 2
        assert check.is_right(check.right_choice.id)
        assert sum(check.is_right(c.id) for c in check.choices) == 1


def test_a_self_check_needs_exactly_one_right_answer():
    item = care_content.Item("Q?", "question", ())
    with pytest.raises(ValueError):
        care_content.SelfCheck(
            item,
            [care_content.Choice("a", "A", True), care_content.Choice("b", "B", True)],
            item,
        )


def _all_texts(lang):
    from car_t_guide.core.content.call_plan import call_plan
    from car_t_guide.core.content.contacts import Contacts

    texts = []
    side = care_content.side_effects(lang)
    for effect in side.effects:
        for name in care_content.SECTIONS:
            texts += [i.text for i in effect.section(name)]
    for sign in call_plan(lang, Contacts()).signs:
        texts += [sign.text, sign.short]
    for topic in care_content.teach_back(lang).topics:
        texts += [
            topic.nurse_prompt.text,
            topic.self_check.question.text,
            topic.self_check.explain.text,
        ]
        texts += [c.text for c in topic.self_check.choices]
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_every_fever_number_is_the_one_definition(lang):
    """38 °C / 100.4 °F come from warning_signs.py, written as the language writes numbers."""
    celsius, fahrenheit = fever_threshold_texts(lang)
    found = 0
    for text in _all_texts(lang):
        for mention in re.findall(r"[\d.,]+\s?°[CF]", text):
            assert mention in (celsius, fahrenheit), (mention, text)
            found += 1
    assert found >= 4
