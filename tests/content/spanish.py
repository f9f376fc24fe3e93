"""What a Spanish page must not have: English words, the informal "tú", a second name for one
thing. Shared by the content, screen and PDF tests.

- English: words that are English and never Spanish ("the", "your", "call", ...). Names are not
  words of either language and are not listed (CAR T, Kymriah, ICANS, IVIG, HLH, CAPD).
- One form of address, "usted": the forms below are "tú" and nothing else.
- One term per concept: "quimioterapia linfodepletora" (never "linfodepleción"), "medicamentos"
  (never "medicinas").
- The Spanish name of CRS is given with its English name once: "SLC (en inglés, CRS)".
"""

from __future__ import annotations

import re

ENGLISH_WORDS = frozenset(
    """
    the and your you with for from this that these those call calls called child children
    fever team when what after before not will can may have has are was were been being is be
    of to in on at it if or by an day days week weeks now night page sign signs here back next
    see all more about how who which their they them should must would could does did get gets
    take takes help right away side effect effects medicine medicines cells cell blood brain low
    high than then there only also very most some any each other into over under out our we she
    his her its let go keep stay close doctors nurse treatment care card wallet summary print
    save open example family families grade grades check
    """.split()
)

TU_FORMS = re.compile(
    r"\b(tú|tu|tus|ti|contigo|puedes|tienes|quieres|debes|sabes|eres|estás|llámanos|"
    r"pregúntale|cuéntale|dile|pulsa|elige)\b",
    re.IGNORECASE,
)
SECOND_TERMS = re.compile(r"\b(linfodepleción|medicinas?)\b", re.IGNORECASE)
CRS_GLOSS = "SLC (en inglés, CRS)"

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def english_words(text: str) -> list[str]:
    """The English words in ``text`` (lower case, in order)."""
    return [word for word in (w.lower() for w in _WORD.findall(text)) if word in ENGLISH_WORDS]


def tu_forms(text: str) -> list[str]:
    return [match.group(0) for match in TU_FORMS.finditer(text)]


def second_terms(text: str) -> list[str]:
    return [match.group(0) for match in SECOND_TERMS.finditer(text)]


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def problems(label: str, text: str) -> list[str]:
    """Everything wrong with one Spanish text, as plain lines (placeholders such as {when}
    are filled in by the app, and are not words)."""
    found = []
    english = english_words(_PLACEHOLDER.sub(" ", text))
    if english:
        found.append(f"{label}: English words {english} in {text!r}")
    tu = tu_forms(text)
    if tu:
        found.append(f"{label}: 'tú' forms {tu} (this guide says 'usted') in {text!r}")
    terms = second_terms(text)
    if terms:
        found.append(
            f"{label}: {terms}: say 'quimioterapia linfodepletora' and 'medicamentos' in {text!r}"
        )
    return found
