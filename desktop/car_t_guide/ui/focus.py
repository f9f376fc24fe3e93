"""Where keyboard focus goes, for every page: the order Tab follows, and staying on the thing
the person is working on.

- **Tab follows the screen.** ``visual_order`` walks a widget's layouts the way they are drawn
  (boxes in their direction, grids row by row, forms label then field) and ``chain`` links the
  focusable widgets in that order. Qt's own order is the order widgets were made, so a history
  row added later came after "Show the journey" although it is drawn above "Add an event".
- **Focus survives a rebuild.** Pages rebuild their content from data (a language, a chart
  view, a kiosk's "I know the day"); ``focus_key`` remembers what had focus in words (its kind,
  its name, which one of that name) and ``find_focus_key`` finds its new self.
- **Focus is seen.** ``FocusFollower`` scrolls whatever gets focus into view, however it got it
  (Qt does that only for Tab).
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFormLayout,
    QGridLayout,
    QLayout,
    QScrollArea,
    QStackedLayout,
    QWidget,
)

# Room kept around a widget scrolled into view (its focus ring, a line of what follows).
VISIBLE_MARGIN = 24


def takes_tab_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def _layout_items(layout: QLayout) -> list:
    if isinstance(layout, QGridLayout):
        placed = []
        for index in range(layout.count()):
            row, column, _rows, _columns = layout.getItemPosition(index)
            placed.append(((row, column), layout.itemAt(index)))
        return [item for _position, item in sorted(placed, key=lambda pair: pair[0])]
    if isinstance(layout, QFormLayout):
        items = []
        for row in range(layout.rowCount()):
            for role in (
                QFormLayout.ItemRole.LabelRole,
                QFormLayout.ItemRole.FieldRole,
                QFormLayout.ItemRole.SpanningRole,
            ):
                item = layout.itemAt(row, role)
                if item is not None:
                    items.append(item)
        return items
    if isinstance(layout, QStackedLayout):
        current = layout.currentWidget()
        return [layout.itemAt(layout.currentIndex())] if current is not None else []
    items = [layout.itemAt(index) for index in range(layout.count())]
    if isinstance(layout, QBoxLayout) and layout.direction() in (
        QBoxLayout.Direction.BottomToTop,
        QBoxLayout.Direction.RightToLeft,
    ):
        items.reverse()  # drawn the other way round: read the way it is drawn
    return items


def visual_order(widget: QWidget) -> list[QWidget]:
    """The widgets inside ``widget`` that Tab stops at, in the order they are drawn."""
    found: list[QWidget] = []

    def visit_widget(child: QWidget) -> None:
        if takes_tab_focus(child):
            found.append(child)
        if isinstance(child, QScrollArea) and child.widget() is not None:
            visit_widget(child.widget())
        elif child.layout() is not None:
            visit_layout(child.layout())

    def visit_layout(layout: QLayout) -> None:
        for item in _layout_items(layout):
            if item is None:
                continue
            if item.widget() is not None:
                visit_widget(item.widget())
            elif item.layout() is not None:
                visit_layout(item.layout())

    if widget.layout() is not None:
        visit_layout(widget.layout())
    return found


def chain(widgets: list[QWidget]) -> None:
    """Tab goes from each widget to the next, in this order."""
    for first, then in pairwise(widgets):
        QWidget.setTabOrder(first, then)


# --- focus across a rebuild ------------------------------------------------------------------


def focus_key(focused: QWidget | None, root: QWidget | None) -> tuple | None:
    """What has focus inside ``root``, in words that outlive the widget: (kind, name, which)."""
    if focused is None or root is None or not root.isAncestorOf(focused):
        return None
    name = _name(focused)
    same = [w for w in root.findChildren(type(focused)) if _name(w) == name]
    return (type(focused).__name__, name, same.index(focused) if focused in same else 0)


def find_focus_key(root: QWidget, key: tuple) -> QWidget | None:
    kind, name, which = key
    same = [
        w for w in root.findChildren(QWidget) if type(w).__name__ == kind and _name(w) == name
    ]
    if not same:
        return None
    return same[min(which, len(same) - 1)]


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return widget.accessibleName() or (text() if callable(text) else "") or widget.objectName()


# --- focus seen ------------------------------------------------------------------------------


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` so that it shows."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            if parent.widget().isAncestorOf(widget):
                parent.ensureWidgetVisible(widget, VISIBLE_MARGIN, VISIBLE_MARGIN)
        parent = parent.parentWidget()


class FocusFollower(QObject):
    """Scrolls the widget that gets focus into view, once its page is laid out."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        scroll_into_view(new)
        # A page just rebuilt is laid out on Qt's next turn: look again then.
        QTimer.singleShot(0, new, lambda: new.hasFocus() and scroll_into_view(new))


_follower: FocusFollower | None = None


def install(app: QApplication) -> None:
    global _follower
    if _follower is None:
        _follower = FocusFollower(app)
