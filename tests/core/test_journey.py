"""Every date rule of "the dates that follow", under the June 2025 US label (14/14) and the older
and non-US rule (28/56)."""

from dataclasses import replace
from datetime import date

import pytest

from car_t_guide.core.journey import (
    DAY_28_CHECK,
    key_dates,
    lymphodepletion_span,
    no_driving_until,
    stay_near_center_until,
)
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.files import Plan, Session

US_2025 = CenterSettings(stay_near_center_days=14, no_driving_days=14)
OLDER = CenterSettings(stay_near_center_days=28, no_driving_days=56)
INFUSION = date(2013, 5, 10)
TODAY = date(2013, 5, 20)
RULES = pytest.mark.parametrize("settings", [US_2025, OLDER], ids=["14-14", "28-56"])


def plan_session(**dates):
    return Session(plan=Plan(**dates))


def full_session():
    return plan_session(
        collection=date(2013, 3, 20),
        bridging_start=date(2013, 3, 25),
        lymphodepletion_start=date(2013, 5, 3),
        infusion=INFUSION,
    )


def by_id(dates):
    return {d.id: d for d in dates}


def test_inclusive_rule_example_from_the_issue():
    # 14 days, infusion on 10 May 2013: stay near through 24 May 2013, which is day 14.
    assert stay_near_center_until(INFUSION, US_2025) == date(2013, 5, 24)
    found = by_id(key_dates(full_session(), US_2025, today=TODAY, lang="en"))
    stay = found["stay_near_center"]
    assert (stay.date, stay.end, stay.day, stay.end_day) == (INFUSION, date(2013, 5, 24), 0, 14)
    assert stay.plain_sentence == "Stay close to the hospital through Friday, May 24, 2013."


@pytest.mark.parametrize(
    ("settings", "stay_until", "no_driving_until_day"),
    [
        (US_2025, date(2013, 5, 24), date(2013, 5, 24)),  # day 14 and day 14
        (OLDER, date(2013, 6, 7), date(2013, 7, 5)),  # day 28 and day 56
    ],
    ids=["14-14", "28-56"],
)
def test_stay_and_driving_follow_the_center_settings(settings, stay_until, no_driving_until_day):
    # Counted by hand on a calendar from Friday, May 10, 2013 (day 0).
    found = by_id(key_dates(full_session(), settings, today=TODAY, lang="en"))
    stay, drive = found["stay_near_center"], found["no_driving"]
    assert (stay.end, drive.end) == (stay_until, no_driving_until_day)
    assert stay_near_center_until(INFUSION, settings) == stay_until
    assert no_driving_until(INFUSION, settings) == no_driving_until_day
    assert (stay.end_day, drive.end_day) == (
        settings.stay_near_center_days,
        settings.no_driving_days,
    )
    assert stay.setting == "stay_near_center_days"
    assert drive.setting == "no_driving_days"
    assert "fda-2025-rems" in stay.sources


def test_older_rule_dates():
    found = by_id(key_dates(full_session(), OLDER, today=TODAY, lang="en"))
    assert found["stay_near_center"].end == date(2013, 6, 7)
    assert found["no_driving"].end == date(2013, 7, 5)
    assert found["no_driving"].plain_sentence == (
        "Do not drive or use heavy machines through Friday, July 5, 2013."
    )


@RULES
def test_fixed_rules_do_not_depend_on_settings(settings):
    found = by_id(key_dates(full_session(), settings, today=TODAY, lang="en"))
    assert found["infusion"].date == INFUSION and found["infusion"].day == 0
    assert found["day_28"].date == date(2013, 6, 7) and found["day_28"].day == DAY_28_CHECK
    assert (found["lymphodepletion"].date, found["lymphodepletion"].end) == (
        date(2013, 5, 3),
        date(2013, 5, 6),
    )
    assert (found["manufacturing"].date, found["manufacturing"].end) == (
        date(2013, 3, 20),
        INFUSION,
    )
    assert found["bridging"].date == date(2013, 3, 25)
    assert found["bridging"].end == date(2013, 5, 2)  # until lymphodepletion starts
    crs, neuro = found["watch_crs"], found["watch_neuro"]
    assert (crs.day, crs.end_day) == (1, 22)
    assert (crs.date, crs.end) == (date(2013, 5, 11), date(2013, 6, 1))
    assert set(crs.sources) == {"kymriah-pi", "cibmtr-real-world"}
    assert (neuro.day, neuro.end_day) == (1, 56)
    assert neuro.end == date(2013, 7, 5)
    daily = found["daily_checks"]
    assert (daily.day, daily.end_day) == (1, 7)
    assert daily.sources == ("fda-2025-rems",)
    long_term = found["long_term_follow_up"]
    assert long_term.end == date(2028, 5, 10)
    assert long_term.sources == ("fda-ltfu-guidance",)


def test_lymphodepletion_lasts_four_days():
    assert lymphodepletion_span(date(2013, 5, 3)) == (date(2013, 5, 3), date(2013, 5, 6))
    assert lymphodepletion_span(date(2016, 2, 27)) == (date(2016, 2, 27), date(2016, 3, 1))


@RULES
@pytest.mark.parametrize(
    ("follow_up_days", "expected"),
    [
        ((), []),
        (
            (90, 7, 90, 30),
            [(7, date(2013, 5, 17)), (30, date(2013, 6, 9)), (90, date(2013, 8, 8))],
        ),
    ],
)
def test_follow_up_days_come_from_the_center(settings, follow_up_days, expected):
    settings = replace(settings, follow_up_days=follow_up_days)
    found = [
        (d.day, d.date)
        for d in key_dates(full_session(), settings, today=TODAY, lang="en")
        if d.id.startswith("follow_up_")
    ]
    assert found == expected


@RULES
def test_without_an_infusion_date_everything_after_it_is_relative(settings):
    session = plan_session(collection=date(2026, 11, 20))
    dates = key_dates(session, settings, today=date(2026, 11, 26), lang="en")
    found = by_id(dates)
    after = [
        "infusion",
        "daily_checks",
        "watch_crs",
        "watch_neuro",
        "stay_near_center",
        "no_driving",
        "day_28",
        "long_term_follow_up",
    ]
    for key in after:
        assert found[key].date is None and found[key].end is None, key
        assert found[key].relative, key
        assert found[key].status == "unknown"
    stay = found["stay_near_center"]
    weeks = settings.stay_near_center_days // 7
    assert stay.when_text == f"for {weeks} weeks after the infusion"
    assert stay.plain_sentence == (
        f"Stay close to the hospital for {weeks} weeks after the infusion "
        f"(through day {settings.stay_near_center_days})."
    )
    assert found["day_28"].when_text == "about 4 weeks after the infusion"
    # The usual making time is shown as usual, never turned into a date.
    making = found["manufacturing"]
    assert making.usual and making.relative and making.date is None
    assert "3 to 4 weeks" in making.when_text
    assert "kymriah-patient-site" in making.sources
    assert found["collection"].date == date(2026, 11, 20)


def test_relative_follow_up_days():
    session = plan_session(collection=date(2026, 11, 20))
    settings = CenterSettings(follow_up_days=(10, 28))
    found = by_id(key_dates(session, settings, today=date(2026, 11, 26), lang="en"))
    assert found["follow_up_10"].when_text == "10 days after the infusion"
    assert found["follow_up_28"].when_text == "4 weeks after the infusion"
    assert found["follow_up_10"].date is None


def test_infusion_unknown_but_lymphodepletion_known_stays_relative():
    session = plan_session(collection=date(2026, 11, 1), lymphodepletion_start=date(2026, 11, 24))
    found = by_id(key_dates(session, US_2025, today=date(2026, 11, 26), lang="en"))
    assert found["lymphodepletion"].end == date(2026, 11, 27)
    infusion = found["infusion"]
    assert infusion.date is None
    assert infusion.when_text == "usually 2 to 14 days after lymphodepletion ends"


def test_past_now_and_future_relative_to_today():
    dates = by_id(key_dates(full_session(), US_2025, today=date(2013, 5, 24), lang="en"))
    assert dates["collection"].status == "past"
    assert dates["infusion"].status == "past"
    assert dates["stay_near_center"].status == "now"  # the last day is still inside
    assert dates["day_28"].status == "future"
    after = by_id(key_dates(full_session(), US_2025, today=date(2013, 5, 25), lang="en"))
    assert after["stay_near_center"].status == "past"
    on_the_day = by_id(key_dates(full_session(), US_2025, today=INFUSION, lang="en"))
    assert on_the_day["infusion"].status == "now"


def test_only_an_infusion_date_is_enough():
    # A kiosk family may enter only the infusion day.
    session = plan_session(infusion=date(2026, 12, 1))
    found = by_id(key_dates(session, US_2025, today=date(2026, 11, 26), lang="en"))
    assert "collection" not in found
    assert found["stay_near_center"].end == date(2026, 12, 15)
    assert (
        found["infusion"].plain_sentence
        == "CAR T cell infusion (day 0): Tuesday, December 1, 2026."
    )


def test_key_dates_in_spanish_use_spanish_dates():
    found = by_id(key_dates(full_session(), US_2025, today=TODAY, lang="es"))
    assert "viernes, 24 de mayo de 2013" in found["stay_near_center"].plain_sentence


def test_every_key_date_has_words_and_sources_where_medical():
    for settings in (US_2025, OLDER, CenterSettings(follow_up_days=(7,))):
        for session in (full_session(), plan_session(collection=date(2013, 3, 20))):
            for d in key_dates(session, settings, today=TODAY, lang="en"):
                assert d.title and d.when_text and d.plain_sentence, d.id
                assert "\n" not in d.plain_sentence
                if d.id not in ("collection", "bridging") and not d.id.startswith("follow_up"):
                    assert d.sources, d.id
