"""A layout that wraps its buttons onto the next line when they do not fit, so the bars stay
whole at the largest text size and in longer languages (after Qt's FlowLayout example).

An item can ``give_way``: when the items would not all fit on one line, it is hidden before
anything wraps (and shown again when there is room) — the app's name in the top bar, which the
window's title also says, so that a laptop's 1366 pixels keep every control on one line."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._gives_way: list[QWidget] = []
        self._given_way: set[QWidget] = set()  # hidden by this layout, to show again with room
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def give_way(self, widget: QWidget) -> None:
        """Leave ``widget`` out when the items would not all fit on one line."""
        self._gives_way.append(widget)
        self.invalidate()

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt API)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._do_layout(QRect(0, 0, width, 0), test_only=True)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._do_layout(rect, test_only=False)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _do_layout(self, rect: QRect, test_only: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        rtl = self.parentWidget() is not None and self.parentWidget().isRightToLeft()
        x, y, line_height = area.x(), area.y(), 0
        shown = [
            item
            for item in self._items
            if item.widget() is None
            or item.widget().isVisibleTo(self.parentWidget())
            or item.widget() in self._given_way  # hidden here, not by its owner
        ]
        # A widget this layout hid still counts at its own width (its item says 0 while hidden).
        widths = [
            item.widget().sizeHint().width()
            if item.widget() in self._given_way
            else item.sizeHint().width()
            for item in shown
        ]
        one_line = sum(widths) + self._spacing * (len(shown) - 1)
        left_out = [] if one_line <= area.width() else self._gives_way
        if not test_only:
            # Hidden (not shrunk to nothing), so that it is not read out or reached either.
            for widget in self._gives_way:
                if widget in left_out and not widget.isHidden():
                    self._given_way.add(widget)
                    widget.hide()
                elif widget not in left_out and widget in self._given_way:
                    self._given_way.discard(widget)
                    widget.show()
        for item in shown:
            if item.widget() in left_out:
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x = area.x()
                y += line_height + self._spacing
                line_height = 0
            if not test_only:
                left = x if not rtl else area.right() + area.x() - x - hint.width() + 1
                item.setGeometry(QRect(QPoint(left, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()
