"""The call plan: who to call for each warning sign, one rule for the screen, the summary and the
wallet card (core/content/call_plan.py)."""

from __future__ import annotations

from datetime import date

import pytest

from car_t_guide.core.content import care as care_content
from car_t_guide.core.content.call_plan import EMERGENCY, TEAM, call_plan, fever_medicine_text
from car_t_guide.core.content.contacts import Contacts
from car_t_guide.core.i18n import SUPPORTED_LANGUAGES
from car_t_guide.core.machine.settings import DEFAULT_FEVER_MEDICINE

LANGS = list(SUPPORTED_LANGUAGES)
FAMILY = Contacts("Hospital Infantil", "+1 555 010 0199", "911")


@pytest.mark.parametrize("lang", LANGS)
def test_the_emergency_number_comes_first_then_the_car_t_team(lang):
    plan = call_plan(lang, FAMILY)
    assert [tier.id for tier in plan.tiers] == [EMERGENCY, TEAM]
    emergency, team = plan.tiers
    assert "911" in emergency.heading and emergency.number == "911"
    assert team.number == "+1 555 010 0199"
    assert team.number_line == "Hospital Infantil: +1\u00a0555\u00a0010\u00a00199"
    assert emergency.sign_ids[:3] == ("seizure", "cannot_wake", "breathing_hard")
    assert "shock" in emergency.sign_ids
    assert team.sign_ids[0] == "fever"
    assert not set(emergency.sign_ids) & set(team.sign_ids)


def test_the_english_plan_reads_as_a_parent_needs_it():
    plan = call_plan("en", FAMILY, infusion=date(2013, 5, 10))
    emergency, team = plan.tiers
    assert emergency.heading == "Call 911 now"
    assert team.heading == "Call your CAR T team now, day or night"
    assert emergency.signs[0].text == "Your child has a seizure."
    assert team.signs[0].text.startswith("Your child has a fever of 38\u00a0°C (100.4\u00a0°F)")
    assert plan.say == "Say: “My child had CAR T cell therapy on May 10, 2013.”"
    assert plan.seizure_steps[0] == "Call 911 now."
    assert len(plan.seizure_steps) >= 5
    # Signs a parent can see, not a blood pressure number.
    texts = " ".join(sign.text for sign in plan.signs)
    assert "blood pressure" not in texts
    assert "pale" in texts and "cold, damp skin" in texts and "headache" in texts


def test_the_spanish_plan_has_the_spanish_date_and_number():
    plan = call_plan("es", FAMILY, infusion=date(2013, 5, 10))
    assert plan.tier(EMERGENCY).heading == "Llame ahora al 911"
    assert "10 de mayo de 2013" in plan.say
    fever = plan.tier(TEAM).signs[0].text
    assert fever.startswith("Su hijo tiene fiebre de 38\u00a0°C (100,4\u00a0°F)")


def test_with_no_infusion_day_or_emergency_number_the_plan_says_what_to_do():
    plan = call_plan("en", Contacts("", "", ""))
    assert plan.say.startswith("Say: “My child had CAR T cell therapy on …”")
    assert plan.tier(EMERGENCY).heading == "Call for emergency help now"
    assert plan.tier(TEAM).number_line == ""  # the summary leaves a line to write it in


@pytest.mark.parametrize("lang", LANGS)
def test_each_side_effect_shows_its_own_signs_under_the_same_numbers(lang):
    plan = call_plan(lang, FAMILY)
    for effect in care_content.side_effects(lang).effects:
        cut = plan.for_signs(effect.call_for)
        assert cut, effect.id
        assert [tier.id for tier in cut] == [t for t in (EMERGENCY, TEAM) if t in
                                             {tier.id for tier in cut}]
        for tier in cut:
            assert tier.heading == plan.tier(tier.id).heading
            assert set(tier.sign_ids) <= set(plan.tier(tier.id).sign_ids)
        assert {s for tier in cut for s in tier.sign_ids} == set(effect.call_for)


def test_a_seizure_is_always_under_the_emergency_number():
    plan = call_plan("en", FAMILY)
    neuro = plan.for_signs(["headache", "seizure"])
    assert [tier.id for tier in neuro] == [EMERGENCY, TEAM]
    assert neuro[0].sign_ids == ("seizure",)
    with pytest.raises(KeyError):
        plan.for_signs(["sneezing"])


def test_fever_medicine_is_the_centers_words_or_the_translated_default():
    assert fever_medicine_text(DEFAULT_FEVER_MEDICINE, "en") == DEFAULT_FEVER_MEDICINE
    spanish = fever_medicine_text(DEFAULT_FEVER_MEDICINE, "es")
    assert spanish != DEFAULT_FEVER_MEDICINE and "ibuprofeno" in spanish
    own = "Give acetaminophen only if we say so."
    assert fever_medicine_text(own, "es") == own
    plan = call_plan("en", FAMILY, fever_medicine=own)
    assert plan.fever_medicine == own and not plan.fever_medicine_is_default
    assert "blank-fever" not in plan.sources
    assert "blank-fever" in call_plan("en", FAMILY).sources


def test_every_sign_and_step_has_a_source():
    plan = call_plan("en", FAMILY)
    for sign in plan.signs:
        assert sign.sources, sign.id
    assert all(item.sources for item in plan.seizure_items)
    assert {"msk-er", "cdc-seizure", "mayo-bp", "kymriah-medguide-2024"} <= set(plan.sources)
