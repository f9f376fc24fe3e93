from datetime import date

import pytest

from car_t_guide.core.dates import (
    BadDate,
    PartialDate,
    add_years,
    format_after_infusion,
    format_day,
    format_day_number,
    format_day_with_weekday,
    format_duration,
    format_month_year,
    format_partial,
    format_span,
)


@pytest.mark.parametrize(
    ("text", "parts", "first", "last"),
    [
        ("2013", (2013, None, None), date(2013, 1, 1), date(2013, 12, 31)),
        ("2013-05", (2013, 5, None), date(2013, 5, 1), date(2013, 5, 31)),
        ("2012-02", (2012, 2, None), date(2012, 2, 1), date(2012, 2, 29)),
        ("2013-02", (2013, 2, None), date(2013, 2, 1), date(2013, 2, 28)),
        ("2013-05-22", (2013, 5, 22), date(2013, 5, 22), date(2013, 5, 22)),
    ],
)
def test_partial_date_parses_and_spans(text, parts, first, last):
    pd = PartialDate.parse(text)
    assert (pd.year, pd.month, pd.day) == parts
    assert pd.first_day == first
    assert pd.last_day == last
    assert pd.isoformat() == text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2013-13", "month 13"),
        ("2013-00", "month 0"),
        ("2013-05-32", "day 32"),
        ("2013-02-30", "day 30"),
        ("2013-02-29", "day 29"),
        ("2013-04-31", "day 31"),
        ("13/05/2013", "YYYY-MM-DD"),
        ("2013-5", "YYYY-MM-DD"),
        ("2013-05-1", "YYYY-MM-DD"),
        ("", "YYYY-MM-DD"),
        (" 2013", "YYYY-MM-DD"),
        ("２０１３", "YYYY-MM-DD"),  # full-width digits are not ASCII digits
        ("2013-05-22T10:00", "YYYY-MM-DD"),
    ],
)
def test_partial_date_is_strict(text, words):
    with pytest.raises(BadDate) as caught:
        PartialDate.parse(text)
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)


def test_leap_day_is_a_real_day():
    assert PartialDate.parse("2012-02-29").first_day == date(2012, 2, 29)


def test_partial_date_refuses_day_without_month():
    with pytest.raises(BadDate):
        PartialDate(2013, None, 4)


def test_partial_dates_sort_by_first_day():
    dates = [PartialDate.parse(t) for t in ("2013-05-22", "2013", "2012-12", "2013-05")]
    assert [d.isoformat() for d in sorted(dates)] == ["2012-12", "2013", "2013-05", "2013-05-22"]


def test_from_date_round_trips():
    assert PartialDate.from_date(date(2016, 5, 9)).isoformat() == "2016-05-09"
    assert PartialDate.from_date(date(2016, 5, 9)).is_full


def test_add_years_keeps_the_day_or_falls_back_in_february():
    assert add_years(date(2013, 5, 10), 15) == date(2028, 5, 10)
    assert add_years(date(2012, 2, 29), 3) == date(2015, 2, 28)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "May 22, 2013"), ("es", "22 de mayo de 2013")],
)
def test_format_day(lang, expected):
    assert format_day(date(2013, 5, 22), lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Wednesday, May 22, 2013"), ("es", "miércoles, 22 de mayo de 2013")],
)
def test_format_day_with_weekday(lang, expected):
    assert format_day_with_weekday(date(2013, 5, 22), lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("2013-05", "en", "May 2013"),
        ("2013-05", "es", "mayo de 2013"),
        ("2014", "en", "2014"),
        ("2014", "es", "2014"),
        ("2013-05-22", "en", "May 22, 2013"),
        ("2013-05-22", "es", "22 de mayo de 2013"),
    ],
)
def test_format_partial(text, lang, expected):
    assert format_partial(PartialDate.parse(text), lang) == expected


def test_format_month_year():
    assert format_month_year(2002, 7, "en") == "July 2002"
    assert format_month_year(2002, 7, "es") == "julio de 2002"


def test_format_span_shares_month_and_year():
    assert format_span(date(2013, 5, 3), date(2013, 5, 6), "en") == "May 3\u2009–\u20096, 2013"
    assert format_span(date(2013, 5, 3), date(2013, 5, 3), "en") == "May 3, 2013"
    assert format_span(date(2013, 5, 3), date(2013, 5, 6), "es") == "3–6 de mayo de 2013"


def test_languages_babel_knows_but_we_do_not_ship_still_format():
    # A right-to-left and a CJK language are the real tests; Babel formats them already.
    assert "2013" in format_day(date(2013, 5, 22), "ar")
    assert format_day(date(2013, 5, 22), "zh") == "2013年5月22日"


@pytest.mark.parametrize(
    ("days", "about", "expected"),
    [
        (1, False, "1 day after the infusion"),
        (3, False, "3 days after the infusion"),
        (10, False, "10 days after the infusion"),
        (14, True, "about 2 weeks after the infusion"),
        (7, False, "1 week after the infusion"),
        (56, False, "8 weeks after the infusion"),
        (3, True, "about 3 days after the infusion"),
    ],
)
def test_format_after_infusion(days, about, expected):
    assert format_after_infusion(days, "en", about=about) == expected


def test_format_duration_uses_weeks_only_for_whole_weeks():
    assert format_duration(14, "en") == "2 weeks"
    assert format_duration(28, "en") == "4 weeks"
    assert format_duration(10, "en") == "10 days"
    assert format_duration(1, "en") == "1 day"


def test_format_day_number():
    assert format_day_number(28, "en") == "day 28"
    assert format_day_number(0, "en") == "day 0"
    assert format_day_number(-7, "en") == "day -7"
