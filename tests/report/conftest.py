"""Shared set-up for the summary tests: a family session, the center's settings, and the
Hypothesis profiles.

Profiles: "ci" (repeatable: derandomize, 30 examples) when the CI variable is set, "dev"
otherwise. They are registered here under the names "report-ci" and "report-dev" and applied by
the property tests themselves (``hostile_text_settings``): loading a profile from a conftest
changes it for every test in the run, and tests/core/conftest.py loads its own.
"""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import settings

from car_t_guide.core.dates import PartialDate
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.model import (
    CareTeam,
    HistoryEvent,
    Medicine,
    Patient,
    Plan,
    Session,
    TopicReview,
)

settings.register_profile("report-ci", derandomize=True, max_examples=30, deadline=None)
settings.register_profile("report-dev", max_examples=60, deadline=None)
PROFILE = "report-ci" if os.environ.get("CI") else "report-dev"

TODAY = date(2013, 5, 20)
INFUSION = date(2013, 5, 10)


def family_session(**changes) -> Session:
    """A family a few days after the infusion, with every part the summary prints."""
    session = Session(
        plan=Plan(
            collection=date(2013, 3, 20),
            bridging_start=date(2013, 3, 25),
            lymphodepletion_start=date(2013, 5, 3),
            infusion=INFUSION,
        ),
        language="es",
        patient=Patient(display_name="Ana María Núñez", age_years=15),
        care_team=CareTeam(center="Hospital Infantil del Norte", phone_24h="+1 555 010 0199"),
        history=[
            HistoryEvent("diagnosis", PartialDate(2002, 7), note="Standard risk."),
            HistoryEvent("relapse", PartialDate(2009), site="bone_marrow"),
            HistoryEvent("transplant", PartialDate(2010, 1), note="Matched sibling donor."),
            HistoryEvent("relapse", PartialDate(2013, 2), site="bone_marrow"),
        ],
        topics_reviewed=[
            TopicReview("crs", by="RN JS", on=date(2013, 5, 9)),
            TopicReview("warning_signs"),
        ],
        medicines=[
            Medicine("Levetiracetam", purpose="To prevent seizures.", until=date(2013, 7, 9)),
        ],
    )
    for name, value in changes.items():
        setattr(session, name, value)
    return session


CENTER = CenterSettings(follow_up_days=(90, 180))


@pytest.fixture
def session() -> Session:
    return family_session()


@pytest.fixture
def center() -> CenterSettings:
    return CENTER
