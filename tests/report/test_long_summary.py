"""A long summary, read back: as many pages as its content needs, each numbered "x of y" with
the real count, and a note that runs over a page break printed whole, once, in order."""

from __future__ import annotations

import re

from car_t_guide.core.dates import PartialDate
from car_t_guide.core.i18n import translations_in
from car_t_guide.core.session.model import HistoryEvent
from car_t_guide.report.summary import build_summary
from tests.report.conftest import CENTER, TODAY, family_session
from tests.report.pdf_helpers import contains, page_texts, pdf_text


def build(session, lang="en") -> bytes:
    return build_summary(session, lang=lang, paper="letter", settings=CENTER, today=TODAY)[0]


def visits(count: int) -> list[HistoryEvent]:
    """``count`` clinic visits over the years before CAR T, each with a note of its own length."""
    return [
        HistoryEvent(
            "other",
            PartialDate(2000 + index % 12, 1 + index % 12, 1 + index % 28),
            note=f"Visit {index}: " + "counts checked, blood taken, all well. " * (1 + index % 4),
        )
        for index in range(count)
    ]


def test_every_page_says_page_x_of_y_with_the_real_count_as_the_content_grows():
    tr = translations_in("en")
    counts = []
    for events in (0, 30, 120):
        texts = page_texts(build(family_session(history=visits(events))))
        counts.append(len(texts))
        for number, text in enumerate(texts, start=1):
            expected = tr.gettext("Page {page} of {pages}").format(page=number, pages=len(texts))
            assert contains(text, expected), (events, number)
    assert counts[0] < counts[1] < counts[2], counts


def test_a_note_that_runs_over_a_page_break_prints_every_word_once_in_order():
    words = [f"w{index:04d}" for index in range(1600)]
    session = family_session(
        history=[*visits(12), HistoryEvent("other", PartialDate(2013, 1, 5), note=" ".join(words))]
    )
    pdf = build(session)
    found = re.findall(r"w\d{4}", pdf_text(pdf))
    # The history chart labels the event with the note's first words; the table, after it,
    # prints the whole note.
    in_table = found[len(found) - 1 - found[::-1].index(words[0]) :]
    assert in_table == words
    # The note did run over a page: its first and last words are on different pages.
    pages = page_texts(pdf)
    first = next(n for n, text in enumerate(pages) if words[0] in text)
    last = next(n for n, text in enumerate(pages) if words[-1] in text)
    assert first < last
