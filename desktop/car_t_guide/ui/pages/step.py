"""One step of the CAR T process (Fig. 1 of the seed article)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout

from car_t_guide.core.content import texts as content
from car_t_guide.core.i18n import _, current_language
from car_t_guide.ui.pages.base import Page
from car_t_guide.ui.widgets.illustration import Illustration
from car_t_guide.ui.widgets.text import bullet_list, framed, heading, label, subheading


class StepPage(Page):
    def __init__(self, number: int, parent=None):
        super().__init__(parent)
        self.number = number
        self.page_id = f"steps:{number}"

    def step(self) -> content.Step:
        return content.steps(current_language())[self.number - 1]

    def build(self, layout: QVBoxLayout) -> None:
        step = self.step()
        top = QBoxLayout(
            QBoxLayout.Direction.LeftToRight
            if self.scale < 1.5
            else QBoxLayout.Direction.TopToBottom
        )
        picture = Illustration(step.illustration, _("Picture: {title}").format(title=step.title))
        top.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.addWidget(heading(step.title))
        column.addWidget(label(step.summary.text))
        column.addStretch(1)
        top.addLayout(column, 1)
        if top.direction() == QBoxLayout.Direction.TopToBottom:
            # At large text sizes the words come first, then the picture.
            top.setDirection(QBoxLayout.Direction.BottomToTop)
        layout.addLayout(top)

        sections = [
            (_("What happens"), step.what_happens),
            (_("How long it takes"), step.how_long),
            (_("What you do"), step.what_you_do),
            (_("How you may feel"), step.how_you_may_feel),
        ]
        for title, entries in sections:
            if entries:
                layout.addWidget(subheading(title))
                layout.addWidget(bullet_list(entry.text for entry in entries))
        if step.waiting_time:
            layout.addWidget(
                framed(
                    "callout",
                    subheading(step.waiting_title),
                    bullet_list(entry.text for entry in step.waiting_time),
                )
            )
        if step.questions:
            layout.addWidget(
                framed(
                    "card",
                    subheading(_("Questions to ask your team")),
                    bullet_list(entry.text for entry in step.questions),
                )
            )

    def position_text(self) -> str:
        return _("Step {number} of {total}").format(number=self.number, total=content.STEP_COUNT)

    def section_title(self) -> str:
        return _("The steps")
