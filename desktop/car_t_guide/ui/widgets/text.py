"""Plain-text building blocks for pages. Every label shows plain text, never rich text:
content and family data are data, not markup."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget


def label(text: str = "", object_name: str = "", *, selectable: bool = False) -> QLabel:
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(True)
    if object_name:
        widget.setObjectName(object_name)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.setAccessibleName(text)
    return widget


def heading(text: str) -> QLabel:
    widget = label(text, "heading")
    widget.setAccessibleDescription("heading")
    return widget


def subheading(text: str) -> QLabel:
    return label(text, "subheading")


def bullet_list(texts: Iterable[str]) -> QWidget:
    """A list with a bullet beside each line; wrapped lines stay indented."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for text in texts:
        row = QHBoxLayout()
        bullet = QLabel("•")
        bullet.setAlignment(Qt.AlignmentFlag.AlignTop)
        bullet.setAccessibleName("")
        row.addWidget(bullet, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(label(text), 1)
        layout.addLayout(row)
    return box


def framed(object_name: str, *widgets: QWidget) -> QFrame:
    frame = QFrame()
    frame.setObjectName(object_name)
    layout = QVBoxLayout(frame)
    for widget in widgets:
        layout.addWidget(widget)
    return frame
