"""The summary's daily temperature log and its topics reviewed, read back from the real PDF."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from car_t_guide.core.content import warning_signs
from car_t_guide.core.dates import format_day, format_day_number, format_short_day
from car_t_guide.core.i18n import translations_in
from car_t_guide.core.session.fields import TOPICS
from car_t_guide.core.session.model import TopicReview
from car_t_guide.report.education_record import topic_names
from car_t_guide.report.summary import build_summary
from tests.report.conftest import CENTER, INFUSION, TODAY, family_session
from tests.report.pdf_helpers import contains, page_texts, squeeze

LOG_TITLE = "Daily temperature and symptom log"


def build(session, lang="en"):
    return build_summary(session, lang=lang, paper="letter", settings=CENTER, today=TODAY)[0]


def log_page(pdf: bytes, lang: str) -> str:
    title = translations_in(lang).gettext(LOG_TITLE)
    pages = [text for text in page_texts(pdf) if contains(text, title)]
    assert len(pages) == 1, f"the log should be one page, found {len(pages)}"
    return pages[0]


# --- the daily log ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("infusion", [INFUSION, date(2013, 6, 3)])
def test_the_logs_dates_follow_the_infusion_date(lang, infusion):
    session = family_session()
    session.plan.infusion = infusion
    page = squeeze(log_page(build(session, lang), lang))
    found = []
    for n in range(1, 29):
        row = squeeze(format_day_number(n, lang) + format_short_day(infusion + timedelta(n), lang))
        assert row in page, (n, row)
        found.append(page.index(row))
    assert found == sorted(found)  # one row per day, in order
    # The day before and the day after the 4 weeks are not rows.
    for outside in (infusion, infusion + timedelta(29)):
        assert squeeze(format_short_day(outside, lang)) not in page


def test_without_an_infusion_day_the_log_counts_day_1_to_day_28_and_shows_no_date():
    session = family_session()
    session.plan.infusion = None
    page = log_page(build(session), "en")
    flat = squeeze(page)
    positions = [flat.index(squeeze(f"day {n}")) for n in range(1, 29)]
    assert positions == sorted(positions)
    assert not re.search(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (May|Jun)", page)
    assert "Day 0 is the day of the infusion" not in page


def test_what_counts_as_a_fever_is_the_call_plans_one_threshold(monkeypatch):
    session = family_session()
    page = log_page(build(session), "en")
    assert contains(page, "38 °C (100.4 °F) or higher is a fever")
    monkeypatch.setattr(warning_signs, "FEVER_THRESHOLD_C", 37.5)
    monkeypatch.setattr(warning_signs, "FEVER_THRESHOLD_F", 99.5)
    assert contains(log_page(build(session), "en"), "37.5 °C (99.5 °F) or higher is a fever")


# --- the topics reviewed ----------------------------------------------------------------------


def record_session():
    session = family_session(
        topics_reviewed=[
            TopicReview(
                "fever",
                "RN JS",
                date(2013, 5, 9),
                learner="patient",
                method="shown",
                result="understood",
            ),
            TopicReview(
                "call_plan",
                "RN JS",
                date(2013, 5, 9),
                learner="parent_or_guardian",
                method="teach_back",
                result="needs_review",
            ),
            TopicReview("wallet_card", None, date(2013, 5, 11), method="self_check",
                        result="understood"),
            TopicReview("crs"),  # a version 1 record: just the topic
        ]
    )
    return session


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_education_record_of_each_topic_is_printed(lang):
    tr = translations_in(lang)
    text = squeeze("".join(page_texts(build(record_session(), lang))))
    row = [
        topic_names(lang)["fever"],
        tr.gettext("The patient"),
        tr.gettext("Shown"),
        tr.gettext("Understood"),
        "RN JS, " + format_day(date(2013, 5, 9), lang),
    ]
    assert squeeze("".join(row)) in text
    row = [
        topic_names(lang)["call_plan"],
        tr.gettext("Parent or guardian"),
        tr.gettext("Teach-back"),
        tr.gettext("Needs review"),
    ]
    assert squeeze("".join(row)) in text
    kiosk = [topic_names(lang)["wallet_card"], tr.gettext("Kiosk self-check")]
    assert squeeze("".join(kiosk)) in text
    assert squeeze(topic_names(lang)["crs"]) in text


def still_to_go_over(pdf: bytes) -> list[str]:
    """The bullet lines under "Topics still to go over"."""
    text = "\n".join(page_texts(pdf))
    after = text.split("Topics still to go over", 1)[1]
    lines = []
    for line in after.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("•"):
            break  # the list ends where the next text begins
        lines.append(line.lstrip("• ").strip())
    return lines


def test_the_topics_not_yet_reviewed_are_listed_for_the_nurse():
    listed = still_to_go_over(build(record_session()))
    names = topic_names("en")
    understood = {"fever", "wallet_card", "crs"}
    expected = [
        f"{names[t]} (needs review)" if t == "call_plan" else names[t]
        for t in TOPICS
        if t not in understood
    ]
    assert listed == expected


def test_when_every_topic_is_understood_the_list_says_so():
    session = family_session(
        topics_reviewed=[TopicReview(t, "RN", TODAY, result="understood") for t in TOPICS]
    )
    pdf = build(session)
    assert still_to_go_over(pdf) == []
    assert contains(pdf, "Every topic has been reviewed.")


# --- plain words --------------------------------------------------------------------------------


def log_sentences(lang: str) -> list[str]:
    """The sentences the log page says (its catalogue entries), in ``lang``."""
    from pathlib import Path

    from babel.messages.extract import extract_from_file

    import car_t_guide.report.symptom_log as module

    tr = translations_in(lang)
    found = [
        message
        for _line, message, _comments, _context in extract_from_file(
            "python", str(Path(module.__file__)), keywords={"_": None}
        )
    ]
    return [tr.gettext(m) for m in found if isinstance(m, str) and m.rstrip().endswith(".")]


def test_the_log_page_is_plain_in_both_languages():
    from tests.content import readability as rd

    english = log_sentences("en")
    assert len(english) >= 3
    for sentence in english:
        assert rd.english_grade(rd.plain_text_of_screen([sentence], [], "drug")) <= 8, sentence
    assert rd.english_grade(rd.plain_text_of_screen(english, [], "drug")) <= 6
    spanish = rd.plain_text_of_screen(log_sentences("es"), [], "X")
    assert rd.spanish_inflesz(spanish) >= 65
