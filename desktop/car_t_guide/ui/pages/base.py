"""A page: one screen of the guide, scrolled when its text is larger than the window.

Pages rebuild their content from data when the language or the text size changes (and, later,
when a kiosk forgets a family): rebuilding leaves nothing of the old text behind.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


class Page(QWidget):
    #: the id used by the command line and the navigation ("welcome", "steps:3", ...)
    page_id = ""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self.scale = 1.0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll)
        self._content: QWidget | None = None
        self.stale = True

    def rebuild(self) -> None:
        """Throw the old content away and build it again in the current language."""
        content = QWidget()
        content.setObjectName("scrollContent")
        layout = QVBoxLayout(content)
        margin = round(32 * min(self.scale, 1.5))
        layout.setContentsMargins(margin, margin // 2, margin, margin)
        layout.setSpacing(round(12 * self.scale))
        self.build(layout)
        layout.addStretch(1)
        # The scroll area is a Tab stop (arrow keys scroll it): it says which page it holds.
        self.scroll.setAccessibleName(self.position_text() or self.section_title())
        old = self.scroll.takeWidget()
        self.scroll.setWidget(content)
        self._content = content
        self.stale = False
        if old is not None:
            old.deleteLater()

    def build(self, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    def set_scale(self, scale: float) -> None:
        self.scale = scale

    def position_text(self) -> str:
        """What the "where am I" line says on this page."""
        return ""

    def section_title(self) -> str:
        return ""
