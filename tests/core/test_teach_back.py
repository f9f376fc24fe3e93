"""Teach-back tests what a family will do: their own dates, the center's number and wording,
realistic wrong answers that each cite why they are wrong, plain words in both languages."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from car_t_guide.core.content import teach_back as tb
from car_t_guide.core.content.texts import sources as known_sources
from car_t_guide.core.dates import format_day_with_weekday
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.fields import TOPICS
from car_t_guide.core.session.model import Plan, Session
from tests.content import readability as rd

LANGS = ("en", "es")
TODAY = date(2026, 11, 26)
INFUSION = date(2013, 5, 10)
CONTENT = Path(__file__).resolve().parents[2] / "resources" / "content"


def family(infusion=INFUSION) -> Session:
    return Session(plan=Plan(collection=date(2013, 3, 20), infusion=infusion))


def facts(session=None, settings=None, lang="en") -> tb.FamilyFacts:
    return tb.family_facts(
        session or family(), settings or CenterSettings(), today=TODAY, lang=lang
    )


def topic(topic_id, lang="en", **kwargs) -> tb.TeachBackTopic:
    return tb.teach_back(lang, facts(lang=lang, **kwargs)).topic(topic_id)


# --- the family's own dates --------------------------------------------------------------------


def test_until_what_day_is_answered_with_the_familys_date_from_the_center_setting():
    settings = CenterSettings(stay_near_center_days=28)
    stay = topic("after_discharge", settings=settings)
    last_day = format_day_with_weekday(INFUSION + timedelta(days=28), "en")  # Friday, June 7
    assert stay.self_check.question.text == "Until what day do you stay close to the hospital?"
    assert stay.self_check.right_choice.text == f"Stay close through {last_day}."
    assert last_day in stay.self_check.explain.text
    assert any(last_day in point.text for point in stay.listen_for)
    wrong = [c.text for c in stay.self_check.choices if not c.correct]
    assert all(last_day not in text for text in wrong)


def test_without_an_infusion_day_the_question_and_answer_are_relative_never_a_made_up_date():
    stay = topic("after_discharge", session=family(infusion=None))
    assert stay.self_check.question.text == (
        "How long do you stay close to the hospital after the infusion?"
    )
    assert stay.self_check.right_choice.text == "Stay close for 2 weeks after the infusion."
    assert stay.nurse_prompt.text.startswith("Tell me how long")
    assert not re.search(r"\b(19|20)\d\d\b", " ".join(p.text for p in stay.listen_for))


def test_no_driving_uses_its_own_setting():
    avoid = topic("things_to_avoid", settings=CenterSettings(no_driving_days=56))
    last_day = format_day_with_weekday(INFUSION + timedelta(days=56), "es")
    spanish = tb.teach_back(
        "es", facts(settings=CenterSettings(no_driving_days=56), lang="es")
    ).topic("things_to_avoid")
    assert any(last_day in point.text for point in spanish.listen_for)
    assert any("through Friday, July 5, 2013" in point.text for point in avoid.listen_for)


def test_the_emergency_number_is_the_centers():
    plan = topic("call_plan", settings=CenterSettings(emergency_number="112"))
    assert plan.self_check.right_choice.text == "Call 112 now. Then call your CAR T team."
    none = topic("call_plan", settings=CenterSettings(emergency_number=""))
    assert none.self_check.right_choice.text.startswith("Call the emergency number now.")
    spanish = tb.teach_back("es", facts(settings=CenterSettings(emergency_number=""), lang="es"))
    assert "al número de emergencias" in spanish.topic("call_plan").self_check.right_choice.text


# --- the center's fever-medicine wording -----------------------------------------------------


def test_fever_medicine_advice_is_the_centers_own_wording_when_it_sets_one():
    default = topic("fever")
    shipped = [p for p in default.listen_for if "ibuprofen" in p.text]
    assert len(shipped) == 1 and shipped[0].sources  # the sourced default
    assert default.center_advice == shipped

    own = "Give acetaminophen as your team showed you, then call them."
    mine = topic("fever", settings=CenterSettings(fever_medicine=own))
    assert own in [p.text for p in mine.listen_for]
    assert mine.center_advice == [tb.Item(own, "advice", ())]
    assert not any("ibuprofen" in p.text for p in mine.listen_for)


@pytest.mark.parametrize("lang", LANGS)
def test_the_shipped_fever_medicine_advice_reads_as_on_the_call_plan(lang):
    """The default the content gives is the settings' default, word for word, in each language
    (the call plan shows it from the catalogue): the two pages never disagree."""
    from car_t_guide.core.content.call_plan import fever_medicine_text
    from car_t_guide.core.machine.settings import DEFAULT_FEVER_MEDICINE

    advice = tb.teach_back(lang, facts(lang=lang)).topic("fever").center_advice
    assert [item.text for item in advice] == [fever_medicine_text(DEFAULT_FEVER_MEDICINE, lang)]


# --- what is asked, and why each answer is right or wrong ----------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_topic_of_the_session_file_is_asked(lang):
    assert tuple(t.id for t in tb.teach_back(lang).topics) == TOPICS


@pytest.mark.parametrize("lang", LANGS)
def test_every_answer_and_every_point_cites_its_sources(lang):
    known = set(known_sources())
    for found in tb.teach_back(lang).topics:
        check = found.self_check
        assert found.nurse_prompt.sources == ("teach-back",), found.id
        assert found.listen_for, found.id
        for item in [*found.listen_for, check.question, check.explain]:
            assert item.sources and set(item.sources) <= known, (found.id, item.text)
        for choice in check.choices:
            # A wrong answer cites the source that shows why it is wrong.
            assert choice.sources and set(choice.sources) <= known, (found.id, choice.text)


def test_the_mistakes_families_make_are_the_wrong_answers():
    wrong = {
        found.id: [c.text for c in found.self_check.choices if not c.correct]
        for found in tb.teach_back("en").topics
    }
    assert "Give fever medicine and wait to see if it goes down." in wrong["fever"]
    assert any("clinic opens" in text for text in wrong["fever"])
    assert any("will see the treatment in the records" in text for text in wrong["wallet_card"])
    assert any("wait for them to call back" in text for text in wrong["call_plan"])
    everything = json.dumps(json.loads((CONTENT / "en" / "teach_back.json").read_text()))
    for gone in ("snack", "watch a show", "as long as your team tells you", "From a vaccine"):
        assert gone not in everything


def test_the_right_answer_is_not_always_in_the_same_place():
    places = {t.self_check.right_choice.id for t in tb.teach_back("en").topics}
    assert places == {"a", "b", "c"}


# --- plain words, both languages ------------------------------------------------------------


def shown_texts(found: tb.TeachBackTopic) -> list[str]:
    check = found.self_check
    return [
        found.nurse_prompt.text,
        *(p.text for p in found.listen_for),
        check.question.text,
        *(c.text for c in check.choices),
        check.explain.text,
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("infusion", [INFUSION, None])
def test_each_topic_as_shown_is_plain(lang, infusion):
    """With the family's dates filled in: each screen grade 6 or lower (English) or INFLESZ 65
    or higher (Spanish), and each paragraph grade 8 or lower."""
    for found in tb.teach_back(lang, facts(session=family(infusion), lang=lang)).topics:
        texts = shown_texts(found)
        value = rd.score(lang, rd.plain_text_of_screen(texts, [], rd.technical_token(lang)))
        assert rd.passes(lang, value), (found.id, value)
        if lang == "en":
            for text in texts:
                grade = rd.english_grade(rd.plain_text_of_screen([text]))
                assert grade <= 8, (found.id, grade, text)


TU_FORMS = re.compile(r"\b(tú|tu|tus|ti|puedes|tienes|debes|llama|pregunta|dile)\b", re.I)
ENGLISH = re.compile(r"\b(the|your|call|team|child|fever|wallet|card|with|and|when)\b", re.I)


def test_spanish_says_usted_medicamentos_and_no_english():
    for found in tb.teach_back("es", facts(lang="es")).topics:
        texts = [found.title, *shown_texts(found)]
        body = " ".join(texts)
        assert not TU_FORMS.search(body), (found.id, TU_FORMS.search(body))
        assert not re.search(r"\bmedicinas?\b", body, re.I), found.id
        assert not ENGLISH.search(body), (found.id, ENGLISH.search(body))
        # CRS: the Spanish name, with the English one once on each screen that names it: the
        # nurse's (prompt, points) and the kiosk's (question, answers, explanation, advice).
        check = found.self_check
        nurse = [found.title, found.nurse_prompt.text, *(p.text for p in found.listen_for)]
        kiosk = [
            found.title,
            check.question.text,
            *(c.text for c in check.choices),
            check.explain.text,
            *(p.text for p in found.center_advice),
        ]
        for screen in (nurse, kiosk):
            shown = " ".join(screen)
            if "SLC" in shown:
                assert shown.count("SLC (en inglés, CRS)") == 1, (found.id, shown)


def test_the_spanish_checks_can_fail():
    assert TU_FORMS.search("Llama a tu equipo") and ENGLISH.search("Llame a your team")
