"""Warning signs: call now. Reachable from every screen by the red button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout

from car_t_guide.core.content import texts as content
from car_t_guide.core.content.contacts import Contacts, call_line, emergency_line
from car_t_guide.core.i18n import _, current_language
from car_t_guide.ui.pages.base import Page
from car_t_guide.ui.widgets.text import bullet_list, framed, heading, label


class WarningSignsPage(Page):
    page_id = "warning-signs"

    def __init__(self, contacts: Callable[[], Contacts], parent=None):
        super().__init__(parent)
        self._contacts = contacts

    def build(self, layout: QVBoxLayout) -> None:
        text = content.warning_signs(current_language())
        layout.addWidget(heading(text.title))
        for item in text.intro:
            layout.addWidget(label(item.text))
        # The number first: a worried parent should not have to scroll to find it.
        layout.addWidget(framed("card", *self._numbers()))
        signs = bullet_list(sign.text for sign in text.signs)
        signs.setObjectName("signList")
        call = label(_("Call now if you see any of these signs:"), "warningHeading")
        layout.addWidget(framed("warningCard", call, signs))
        for item in text.after:
            layout.addWidget(label(item.text, "muted"))

    def _numbers(self):
        contacts = self._contacts()
        return [label(call_line(contacts), "warningHeading"), label(emergency_line(contacts))]

    def position_text(self) -> str:
        return _("Warning signs")

    def section_title(self) -> str:
        return _("Warning signs")
