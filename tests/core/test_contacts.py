"""Who the family calls: the screens and the summary use this one rule."""

from __future__ import annotations

from car_t_guide.core.content.contacts import contacts_for, unbroken
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.model import empty_session

CENTER = CenterSettings(center_name="City Hospital", phone_24h="+1 555 000 1111",
                        emergency_number="112")


def test_the_family_team_comes_first():
    session = empty_session()
    session.set_care_team("Hospital Infantil", "+1 555 010 0199")
    found = contacts_for(session, CENTER)
    assert (found.center, found.phone_24h, found.emergency_number) == (
        "Hospital Infantil", "+1 555 010 0199", "112")


def test_a_center_name_never_goes_with_another_centers_phone():
    session = empty_session()
    session.set_care_team("Hospital Infantil", "")  # the family's center, no phone entered
    found = contacts_for(session, CENTER)
    assert (found.center, found.phone_24h) == ("City Hospital", "+1 555 000 1111")


def test_no_phone_anywhere_keeps_the_name_and_asks_for_the_number():
    session = empty_session()
    session.set_care_team("Hospital Infantil", "  ")
    found = contacts_for(session, CenterSettings(emergency_number=""))
    assert (found.center, found.phone_24h, found.emergency_number) == ("Hospital Infantil", "", "")


def test_the_number_never_breaks_across_lines():
    phone = contacts_for(empty_session(), CENTER).phone_24h
    assert unbroken(phone) == "+1\u00a0555\u00a0000\u00a01111"
