"""Dates typed the way nurses type them, in each language's own order."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from car_t_guide.core.date_entry import (
    DateEntryError,
    format_entry,
    numeric_order,
    parse_entry,
    typing_hint,
)
from car_t_guide.core.dates import PartialDate

TODAY = date(2026, 11, 30)


def test_each_language_reads_numbers_in_its_own_order():
    assert numeric_order("en") == "MDY"
    assert numeric_order("es") == "DMY"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "11/02/2026", PartialDate(2026, 11, 2)),
        ("es", "2/11/2026", PartialDate(2026, 11, 2)),
        ("es", "02/11/2026", PartialDate(2026, 11, 2)),
        ("en", "2026-11-02", PartialDate(2026, 11, 2)),
        ("es", "2026-11-02", PartialDate(2026, 11, 2)),
        ("en", "3/20/13", PartialDate(2013, 3, 20)),
        ("en", "3-20-2013", PartialDate(2013, 3, 20)),
        ("es", "20.3.2013", PartialDate(2013, 3, 20)),
        ("en", " 7/2002 ", PartialDate(2002, 7)),
        ("es", "7/2002", PartialDate(2002, 7)),
        ("en", "2002-07", PartialDate(2002, 7)),
        ("en", "2009", PartialDate(2009)),
        ("en", "May 2013", PartialDate(2013, 5)),
        ("en", "May 15, 2013", PartialDate(2013, 5, 15)),
        ("en", "15 may 2013", PartialDate(2013, 5, 15)),
        ("es", "15 de mayo de 2013", PartialDate(2013, 5, 15)),
        ("es", "mayo de 2013", PartialDate(2013, 5)),
        ("es", "sept 2013", PartialDate(2013, 9)),
        ("es", "May 2013", PartialDate(2013, 5)),  # English month names work in every language
    ],
)
def test_typed_dates_are_understood(lang, text, expected):
    assert parse_entry(text, lang, today=TODAY) == expected


def test_an_empty_field_means_not_known():
    assert parse_entry("", "en", today=TODAY) is None
    assert parse_entry("   ", "es", today=TODAY) is None


def test_two_digit_years_go_to_the_nearest_century():
    assert parse_entry("1/1/98", "en", today=TODAY).year == 1998
    assert parse_entry("1/1/30", "en", today=TODAY).year == 2030
    assert parse_entry("1/1/40", "en", today=TODAY).year == 1940


@pytest.mark.parametrize(
    "text",
    ["11/02", "3/13", "13/2013", "2/30/2013", "2013-3-20-1", "soon", "May June 2013",
     "２０１３", "1/2/3", "12345", "2013/20/3", "<b>2013</b>"],
)
def test_what_is_not_a_date_is_refused_with_a_plain_message(text):
    with pytest.raises(DateEntryError) as problem:
        parse_entry(text, "en", today=TODAY)
    message = str(problem.value)
    assert "\n" not in message and message


def test_a_plan_date_needs_the_day():
    with pytest.raises(DateEntryError, match="day"):
        parse_entry("3/2013", "en", today=TODAY, full=True)
    assert parse_entry("3/20/2013", "en", today=TODAY, full=True) == PartialDate(2013, 3, 20)


def test_the_field_shows_a_date_the_way_it_would_be_typed():
    assert format_entry(date(2013, 3, 20), "en") == "3/20/2013"
    assert format_entry(date(2013, 3, 20), "es") == "20/3/2013"
    assert format_entry(PartialDate(2002, 7), "es") == "7/2002"
    assert format_entry(PartialDate(2009), "en") == "2009"
    assert format_entry(None, "en") == ""
    assert "3/20/2013" in typing_hint("en", full=True)
    assert "20/3/2013" in typing_hint("es", full=False)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2029, 12, 31)),
    st.sampled_from(["en", "es"]),
    st.sampled_from(["year", "month", "day"]),
)
def test_what_the_field_shows_reads_back_as_the_same_date(day, lang, precision):
    value = {
        "year": PartialDate(day.year),
        "month": PartialDate(day.year, day.month),
        "day": PartialDate.from_date(day),
    }[precision]
    assert parse_entry(format_entry(value, lang), lang, today=TODAY) == value


@given(st.text(max_size=40))
def test_any_text_is_a_date_or_a_plain_refusal(text):
    try:
        parse_entry(text, "es", today=TODAY)
    except DateEntryError as problem:
        assert str(problem)
