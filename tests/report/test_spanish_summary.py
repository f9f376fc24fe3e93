"""The Spanish care summary, read back from the PDF for example families 1 and 3: no English
word that is not a name or a citation, "usted", one term per concept (rules:
tests/content/spanish.py).

Left out, on purpose: the sources (citations keep their titles) and the wallet card's first
side, which is in English for any doctor (its second side, the family's, is checked).
"""

from __future__ import annotations

from datetime import date

import pytest

from car_t_guide.core.i18n import translations_in
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.examples import load_example
from car_t_guide.report import wallet_card
from car_t_guide.report.summary import build_summary
from tests.content import spanish
from tests.report.pdf_helpers import page_texts

TODAY = date(2013, 5, 20)


def family_pages(pdf: bytes) -> list[str]:
    """The summary's text without the citations and the doctor's side of the card."""
    es = translations_in("es")
    card_heading = es.gettext("Wallet card")
    family_title = es.gettext(wallet_card.FAMILY_TITLE)
    sources_heading = es.gettext("Sources")
    pages = []
    for text in page_texts(pdf):
        if card_heading in text and family_title in text:
            before = text.split(card_heading)[0]
            after = text.split(family_title, 1)[1]
            text = before + "\n" + family_title + after
        if "\n" + sources_heading + "\n" in text:
            pages.append(text.split("\n" + sources_heading + "\n")[0])
            break  # the sources run to the end: citations keep their own language
        pages.append(text)
    return pages


def pdf_problems(pdf: bytes) -> list[str]:
    errors = []
    for number, text in enumerate(family_pages(pdf), start=1):
        for line in text.splitlines():
            errors += spanish.problems(f"page {number}", line)
    return errors


@pytest.mark.parametrize("number", [1, 3])
def test_no_english_on_the_spanish_summary(number):
    session = load_example(number, today=TODAY, lang="es")
    pdf, _ = build_summary(session, lang="es", paper="letter", settings=CenterSettings(),
                           today=TODAY)
    assert pdf_problems(pdf) == []


def test_the_summary_check_can_fail():
    """The English example family in a Spanish summary, as the old example files made it."""
    session = load_example(1, today=TODAY, lang="en")
    pdf, _ = build_summary(session, lang="es", paper="letter", settings=CenterSettings(),
                           today=TODAY)
    errors = pdf_problems(pdf)
    assert any("English words" in e for e in errors)
