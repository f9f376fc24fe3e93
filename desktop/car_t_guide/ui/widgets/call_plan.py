"""The call plan's lists on screen: "Call 911 now" in red, then "Call your CAR T team now" with
the team's number. Both the warning-signs page and each side-effect screen draw them from the
same ``core.content.call_plan.Tier``, so a sign is always under the same number."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QWidget

from car_t_guide.core.content.call_plan import EMERGENCY, Tier
from car_t_guide.ui.widgets.text import bullet_list, framed, label


def tier_box(tier: Tier, *, with_signs: bool = True) -> QFrame:
    """One list of the plan in a box: its heading (the number to call), the team's name and
    number, and its signs. The emergency list is the red one."""
    parts: list[QWidget] = [label(tier.heading, "warningHeading")]
    if tier.number_line:
        parts.append(label(tier.number_line, "subheading"))
    if with_signs and tier.signs:
        parts.append(bullet_list(sign.text for sign in tier.signs))
    box = framed("warningCard" if tier.id == EMERGENCY else "card", *parts)
    box.setAccessibleName(tier.heading)
    box.setProperty("tier", tier.id)
    return box
