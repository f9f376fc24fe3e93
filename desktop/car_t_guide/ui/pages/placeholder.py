"""A section that is not built yet says so plainly, instead of an empty screen."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from car_t_guide.core.i18n import _
from car_t_guide.ui.pages.base import Page
from car_t_guide.ui.widgets.text import heading, label


class ComingSoonPage(Page):
    def __init__(self, page_id: str, title: str, parent=None):
        super().__init__(parent)
        self.page_id = page_id
        self._title = title  # an English msgid, translated when shown

    def build(self, layout: QVBoxLayout) -> None:
        layout.addWidget(heading(_(self._title)))
        layout.addWidget(label(_("This part of the guide is coming soon.")))
        layout.addWidget(
            label(_("Until then, your care team can answer your questions about it."), "muted")
        )

    def position_text(self) -> str:
        return _(self._title)

    def section_title(self) -> str:
        return _(self._title)
