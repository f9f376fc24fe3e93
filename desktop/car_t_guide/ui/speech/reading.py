"""What read-aloud says for a page: its content widgets, walked in reading order.

Nothing here is written per page: the walk follows the page's layouts as they are laid out
(a grid row by row, a box reversed where it is drawn bottom-to-top) and turns each widget into
words:

- a label: its text, without the marks that only help the eye (bullets, ticks);
- a button: its accessible name ("Show example family 1" for "Example 1"), else its text;
- an input: its name and what it holds ("Infusion day: Friday, May 10, 2013");
- a picture: its accessible description when it has one (the journey chart's key dates, the
  side-effect strip's "CRS: began between day 1 and day 14…"); a picture with only a name is
  a caption of the words beside it and is not read twice.

``car-t-guide transcript`` prints exactly this list; read-aloud says it in the same order,
highlighting each widget as it is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from car_t_guide.core.speech import speakable


@dataclass(frozen=True)
class Paragraph:
    text: str
    widget: QWidget


def page_paragraphs(page) -> list[Paragraph]:
    """The paragraphs of a page (a ``Page``), in reading order."""
    content = page.scroll.widget()
    if content is None or content.layout() is None:
        return []
    return list(_walk_layout(content.layout()))


def widget_words(widget: QWidget) -> str:
    """What a single widget says when it is read or touched ("" for nothing)."""
    words = _words(widget)
    return words or ""


def _walk_layout(layout: QLayout):
    for item in _in_reading_order(layout):
        if item.widget() is not None:
            yield from _walk_widget(item.widget())
        elif item.layout() is not None:
            yield from _walk_layout(item.layout())


def _in_reading_order(layout: QLayout) -> list:
    items = [layout.itemAt(i) for i in range(layout.count())]
    if isinstance(layout, QGridLayout):
        places = [layout.getItemPosition(i)[:2] for i in range(layout.count())]
        order = sorted(range(len(items)), key=lambda i: places[i])
        return [items[i] for i in order]
    if isinstance(layout, QBoxLayout) and layout.direction() in (
        QBoxLayout.Direction.BottomToTop,
        QBoxLayout.Direction.RightToLeft,
    ):
        return items[::-1]
    return items


def _walk_widget(widget: QWidget):
    if widget.isHidden():
        return
    words = _words(widget)
    if words is not None:
        if words:
            yield Paragraph(words, widget)
        return
    if widget.layout() is not None:
        yield from _walk_layout(widget.layout())


def _words(widget: QWidget) -> str | None:
    """The words of a widget that is read as one piece; None for a container to walk into."""
    name = widget.accessibleName().strip()
    if isinstance(widget, QLabel):
        return speakable(widget.text()) if widget.textFormat() != Qt.TextFormat.RichText else (
            speakable(name)
        )
    if isinstance(widget, QAbstractButton):
        return speakable(name or widget.text())
    if isinstance(widget, QComboBox):
        return speakable(_joined(name, widget.currentText()))
    if isinstance(widget, QAbstractSpinBox):
        return speakable(_joined(name, widget.text()))
    if isinstance(widget, QLineEdit):
        return speakable(_joined(name, widget.text()))
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return speakable(_joined(name, widget.toPlainText()))
    if isinstance(widget, QScrollBar):
        return ""
    description = widget.accessibleDescription().strip()
    if widget.layout() is None and type(widget) not in (QWidget, QFrame):
        # A picture or a control drawn by hand (the chart, the strip, a grade's steps).
        return speakable(description) if description not in ("", "heading", "status") else ""
    return None


def _joined(name: str, value: str) -> str:
    value = value.strip()
    if name and value:
        return f"{name}: {value}"
    return name or value
