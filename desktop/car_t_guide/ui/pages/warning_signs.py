"""When to call: the call plan, reachable from every screen by the red button.

The emergency number's signs first, with seizure first aid beside them; then the CAR T team's
signs with the team's number; what to say when you call; the center's advice on fever medicine.
Everything comes from ``core.content.call_plan``, the one rule the summary and the wallet card
also print.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from car_t_guide.core.content.call_plan import EMERGENCY, TEAM, CallPlan, call_plan
from car_t_guide.core.i18n import _, current_language
from car_t_guide.core.session.model import CHANGED_CARE_TEAM, CHANGED_PLAN
from car_t_guide.ui.pages.base import Page, PageContext
from car_t_guide.ui.widgets.call_plan import tier_box
from car_t_guide.ui.widgets.text import bullet_list, framed, heading, label, subheading


class WarningSignsPage(Page):
    page_id = "warning-signs"

    # Whom to call (the family's care team, else the center's) and the infusion day (what to
    # say when you call).
    shows = frozenset({CHANGED_CARE_TEAM, CHANGED_PLAN})

    def __init__(self, context: PageContext, parent=None):
        super().__init__(context, parent)

    def plan(self) -> CallPlan:
        return call_plan(
            current_language(),
            self.context.contacts(),
            infusion=self.session.plan.infusion,
            fever_medicine=self.settings.fever_medicine,
        )

    def build(self, layout: QVBoxLayout) -> None:
        plan = self.plan()
        layout.addWidget(heading(plan.title))
        # The emergency number first, right under the title: a frightened parent should not
        # have to scroll to find it, even at the largest text size.
        layout.addWidget(tier_box(plan.tier(EMERGENCY)))
        steps = framed(
            "callout",
            subheading(plan.seizure_title),
            *(label(f"{n}. {step}") for n, step in enumerate(plan.seizure_steps, start=1)),
        )
        steps.setAccessibleName(plan.seizure_title)
        layout.addWidget(steps)
        layout.addWidget(tier_box(plan.tier(TEAM)))
        for item in plan.intro:
            layout.addWidget(label(item.text))
        for item in plan.any_sign:
            layout.addWidget(label(item.text, "subheading"))
        layout.addWidget(
            framed(
                "card",
                subheading(plan.when_you_call_title),
                bullet_list([plan.say, *(item.text for item in plan.when_you_call)]),
            )
        )
        layout.addWidget(
            framed(
                "card",
                subheading(plan.fever_medicine_title),
                label(plan.fever_medicine, "position"),
                bullet_list(item.text for item in plan.fever_medicine_why),
            )
        )
        for item in plan.after:
            layout.addWidget(label(item.text, "muted"))

    def position_text(self) -> str:
        return _("Warning signs")

    def section_title(self) -> str:
        return _("Warning signs")
