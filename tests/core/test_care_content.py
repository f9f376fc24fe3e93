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
    "b_cell_aplasia",
    "tumor_lysis",
    "tiredness",
    "long_term",
]


@pytest.mark.parametrize("lang", LANGS)
def test_side_effects_load_with_every_section(lang):
    text = care_content.side_effects(lang)
    assert [e.id for e in text.effects] == ISSUE_EFFECTS
    for effect in text.effects:
        assert effect.title
        assert effect.what_it_is and effect.when and effect.what_you_may_see
        assert effect.what_the_team_does and effect.call_now
    assert text.effect("crs").when_days == care_content.DayWindow(1, 22, 3, "kymriah-pi")
    neuro = text.effect("neuro").when_days
    assert (neuro.first_day, neuro.last_day, neuro.usual_day) == (1, 56, 7)
    assert neuro.sources == ("kymriah-pi", "cibmtr-real-world")


@pytest.mark.parametrize("lang", LANGS)
def test_grades_run_1_to_4_on_each_scale(lang):
    grades = care_content.grades(lang)
    assert [s.id for s in grades.scales] == ["crs_grades", "neuro_grades"]
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
    texts = []
    side = care_content.side_effects(lang)
    for effect in side.effects:
        for items in (
            effect.what_it_is,
            effect.when,
            effect.what_you_may_see,
            effect.what_the_team_does,
            effect.call_now,
        ):
            texts += [i.text for i in items]
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
