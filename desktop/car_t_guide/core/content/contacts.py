"""Who the family calls, decided once for the screens and the printed summary.

The family's own care team when staff entered its 24-hour phone, else the center's; a center's
name always goes with its own phone, never with another's. The local emergency number comes
from the center settings. What to say about them, sign by sign, is the call plan's
(``call_plan.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.model import Session

NO_BREAK_SPACE = "\u00a0"


@dataclass(frozen=True)
class Contacts:
    center: str = ""
    phone_24h: str = ""
    emergency_number: str = ""


def center_contacts(settings: CenterSettings) -> Contacts:
    return Contacts(
        settings.center_name.strip(), settings.phone_24h.strip(), settings.emergency_number.strip()
    )


def with_family_team(session: Session | None, center: Contacts) -> Contacts:
    """The family's team when its 24-hour phone is known, else ``center``."""
    team = session.care_team if session is not None else None
    if team is not None and team.phone_24h.strip():
        return Contacts(
            team.center.strip() or center.center, team.phone_24h.strip(), center.emergency_number
        )
    if center.phone_24h or team is None:
        return center
    return Contacts(team.center.strip() or center.center, "", center.emergency_number)


def contacts_for(session: Session, settings: CenterSettings) -> Contacts:
    return with_family_team(session, center_contacts(settings))


def unbroken(phone: str) -> str:
    """A phone number never breaks across lines."""
    return phone.replace(" ", NO_BREAK_SPACE)
