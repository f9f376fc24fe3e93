"""Plain-text building blocks for pages. Every label shows plain text, never rich text:
content and family data are data, not markup. Headings are announced as headings and bullet
lists as lists (ui/accessibility.py)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from car_t_guide.ui.accessibility import HEADING_STYLES, Role, set_role


def label(text: str = "", object_name: str = "", *, selectable: bool = False) -> QLabel:
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(True)
    if object_name:
        widget.setObjectName(object_name)
        if object_name in HEADING_STYLES:
            set_role(widget, Role.Heading)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.setAccessibleName(text)
    return widget


def heading(text: str) -> QLabel:
    return label(text, "heading")  # announced with the heading role (its style name)


def subheading(text: str) -> QLabel:
    return label(text, "subheading")


class BulletItem(QLabel):
    """One line of a bullet list: the bullet is drawn in the item's own margin (wrapped lines
    stay indented), so a screen reader meets the item's words, not a separate "•"."""

    BULLET = "•"

    def __init__(self, text: str):
        super().__init__(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAccessibleName(text)
        set_role(self, Role.ListItem)

    def _indent(self) -> int:
        return self.fontMetrics().horizontalAdvance(self.BULLET + "  ")

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        indent = self._indent()
        wanted = (0, 0, indent, 0) if self.isRightToLeft() else (indent, 0, 0, 0)
        margins = self.contentsMargins()
        if (margins.left(), margins.right()) != (wanted[0], wanted[2]):
            self.setContentsMargins(*wanted)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        metrics = self.fontMetrics()
        x = self.width() - metrics.horizontalAdvance(self.BULLET) if self.isRightToLeft() else 0
        painter.drawText(QPointF(x, metrics.ascent()), self.BULLET)
        painter.end()


def bullet_list(texts: Iterable[str]) -> QWidget:
    """A list with a bullet beside each line; wrapped lines stay indented. Announced as a
    list of its items."""
    box = QWidget()
    set_role(box, Role.List)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for text in texts:
        layout.addWidget(BulletItem(text))
    return box


def framed(object_name: str, *widgets: QWidget) -> QFrame:
    frame = QFrame()
    frame.setObjectName(object_name)
    layout = QVBoxLayout(frame)
    for widget in widgets:
        layout.addWidget(widget)
    return frame
