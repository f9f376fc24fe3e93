"""The first screen: what CAR T cell therapy is, in a few plain sentences."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QPushButton, QVBoxLayout

from car_t_guide.core.content import texts as content
from car_t_guide.core.i18n import _, current_language
from car_t_guide.ui.pages.base import Page
from car_t_guide.ui.widgets.illustration import Illustration
from car_t_guide.ui.widgets.text import heading, label


class WelcomePage(Page):
    page_id = "welcome"
    start_requested = Signal()

    def build(self, layout: QVBoxLayout) -> None:
        text = content.welcome(current_language())
        top = QBoxLayout(
            QBoxLayout.Direction.LeftToRight
            if self.scale < 1.5
            else QBoxLayout.Direction.TopToBottom
        )
        top.addWidget(
            Illustration("welcome.svg", _("A family together")), 0, Qt.AlignmentFlag.AlignTop
        )
        column = QVBoxLayout()
        column.addWidget(heading(text.title))
        for item in text.intro:
            column.addWidget(label(item.text))
        # The way forward sits right under the first words, not below the fold.
        start = QPushButton(_("Start: the steps of CAR T cell therapy"))
        start.setObjectName("primary")
        start.setAccessibleName(start.text())
        start.clicked.connect(self.start_requested)
        column.addWidget(start, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        top.addLayout(column, 1)
        if top.direction() == QBoxLayout.Direction.TopToBottom:
            # At large text sizes the words come first, then the picture.
            top.setDirection(QBoxLayout.Direction.BottomToTop)
        layout.addLayout(top)
        for item in text.how_to_use:
            layout.addWidget(label(item.text, "muted"))

    def position_text(self) -> str:
        return _("Welcome")

    def section_title(self) -> str:
        return _("Welcome")
