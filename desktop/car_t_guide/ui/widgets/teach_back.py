"""The pieces of the check-understanding page: the reviewed mark, a large answer button, and the
nurse's record of a topic (who explained it back, how, and their initials).

Moved out of ui/pages/check_understanding.py so the page keeps to what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from car_t_guide.core.content.labels import LEARNER_LABELS, METHOD_LABELS
from car_t_guide.core.i18n import _
from car_t_guide.ui import theme
from car_t_guide.ui.accessibility import Role, set_role
from car_t_guide.ui.widgets.text import label

INITIALS_MAX = 10
# The ways a nurse sees a family explain a topic back (the kiosk's own "self_check" is not one).
NURSE_METHODS = ("teach_back", "shown")


class StatusMark(QWidget):
    """A topic's state by shape, not colour: a filled circle with a tick when reviewed, a ring
    with a bar across when it needs going over again, an empty ring when not reviewed yet."""

    def __init__(self, reviewed: bool, parent: QWidget | None = None, *, again: bool = False):
        super().__init__(parent)
        self.reviewed = reviewed and not again
        self.again = again
        if self.again:
            self.setAccessibleName(_("Needs review"))
        else:
            self.setAccessibleName(_("Reviewed") if reviewed else _("Not reviewed yet"))

    def sizeHint(self) -> QSize:  # noqa: N802
        side = round(self.fontMetrics().height() * 1.1)
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        line = max(2.0, side / 12)
        circle = QRectF(
            (self.width() - side) / 2 + line,
            (self.height() - side) / 2 + line,
            side - 2 * line,
            side - 2 * line,
        )
        painter.setPen(QPen(QColor(theme.ACCENT), line))
        painter.setBrush(QColor(theme.ACCENT) if self.reviewed else QColor(theme.SURFACE))
        painter.drawEllipse(circle)
        c = circle
        if self.reviewed:
            tick = QPainterPath()
            tick.moveTo(QPointF(c.left() + c.width() * 0.27, c.top() + c.height() * 0.52))
            tick.lineTo(QPointF(c.left() + c.width() * 0.44, c.top() + c.height() * 0.69))
            tick.lineTo(QPointF(c.left() + c.width() * 0.74, c.top() + c.height() * 0.33))
            pen = QPen(QColor(theme.ACCENT_TEXT), line * 1.4)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(tick)
        elif self.again:
            pen = QPen(QColor(theme.ACCENT), line * 1.4)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            middle = c.top() + c.height() / 2
            painter.drawLine(
                QPointF(c.left() + c.width() * 0.28, middle),
                QPointF(c.left() + c.width() * 0.72, middle),
            )
        painter.end()


class ChoiceButton(QPushButton):
    """A large answer button whose text wraps (a QPushButton's own text never does)."""

    def __init__(self, text: str, scale: float = 1.0, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("section")  # the style sheet's checked look: filled with the accent
        self.setCheckable(True)
        set_role(self, Role.RadioButton)  # one answer of a few
        self.setAccessibleName(text)
        self._label = label(text)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._label.setAccessibleName("")
        box = QVBoxLayout(self)
        # Inside the style sheet's border and padding (which a layout does not see).
        sizes = theme.Sizes(scale)
        box.setContentsMargins(
            sizes.border + sizes.px(16),
            sizes.border + sizes.px(8),
            sizes.border + sizes.px(16),
            sizes.border + sizes.px(8),
        )
        box.addWidget(self._label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.toggled.connect(self._show_state)
        self._show_state(False)

    def text(self) -> str:  # the label holds the text; say it the way QPushButton would
        return self._label.text()

    def _show_state(self, checked: bool) -> None:
        colour = theme.ACCENT_TEXT if checked else theme.ACCENT
        self._label.setStyleSheet(f"color: {colour}; background: transparent; font-weight: bold;")

    def sizeHint(self) -> QSize:  # noqa: N802
        # As narrow as its longest word allows: the text wraps to whatever width it is given.
        return QSize(self.layout().minimumSize().width(), self.layout().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.layout().minimumSize()




class OptionButton(QRadioButton):
    """One option of a group: the arrow keys go to the previous or next option and choose it,
    whether the options stand in a row or one under another (Qt's own arrow keys follow the
    screen's geometry, so Down does nothing in a row)."""

    def __init__(self, text: str, group: list[OptionButton]):
        super().__init__(text)
        self._group = group
        group.append(self)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        step = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Left: -1,
        }.get(event.key())
        if step is None:
            super().keyPressEvent(event)
            return
        if self.isRightToLeft() and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -step
        index = (self._group.index(self) + step) % len(self._group)
        following = self._group[index]
        following.setChecked(True)
        following.setFocus(Qt.FocusReason.TabFocusReason)
        event.accept()


class RecordForm(QWidget):
    """Who explained the topic back, how, and the nurse's initials: filled in once, then kept
    for every topic (``learner``, ``method``, ``initials``). The result is the button the nurse
    presses on the page. Arrow keys move inside each group; Tab moves between them; Enter in
    the initials field records the topic as understood (``submitted``)."""

    changed = Signal()
    submitted = Signal()

    def __init__(self, learner: str, method: str, initials: str, scale: float = 1.0):
        super().__init__()
        sizes = theme.Sizes(scale)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(sizes.px(8))
        self.learner_buttons = self._group(
            _("Who explained it back"), LEARNER_LABELS, learner, sizes, column
        )
        self.method_buttons = self._group(
            _("How"), {m: METHOD_LABELS[m] for m in NURSE_METHODS}, method, sizes, column
        )
        caption = label(_("Your initials:"))
        self.initials_edit = QLineEdit(initials)
        self.initials_edit.setMaxLength(INITIALS_MAX)
        self.initials_edit.setAccessibleName(_("Nurse's initials"))
        self.initials_edit.setMinimumHeight(sizes.touch_target)
        # Room for 7 wide letters at this text size (the style sheet sets the font later).
        self.initials_edit.setFixedWidth(sizes.px(170))
        self.initials_edit.textChanged.connect(self.changed)
        self.initials_edit.returnPressed.connect(self.submitted)
        caption.setBuddy(self.initials_edit)
        column.addWidget(caption)
        row = QHBoxLayout()
        row.addWidget(self.initials_edit)
        row.addStretch(1)
        column.addLayout(row)

    def _group(
        self,
        title: str,
        options: dict[str, str],
        chosen: str,
        sizes: theme.Sizes,
        column: QVBoxLayout,
    ) -> dict[str, OptionButton]:
        box = QGroupBox(title)
        box.setAccessibleName(title)
        box.setFlat(True)
        # Side by side, as a sentence reads; one under another at the larger text sizes.
        stacked = sizes.scale >= 1.5
        inside = QVBoxLayout(box) if stacked else QHBoxLayout(box)
        inside.setSpacing(sizes.px(2) if stacked else sizes.px(28))
        group = QButtonGroup(box)
        buttons = {}
        in_order: list[OptionButton] = []
        indicator = sizes.px(22)
        for value, text in options.items():
            button = OptionButton(_(text), in_order)
            button.setAccessibleName(_(text))
            button.setMinimumHeight(sizes.touch_target)
            button.setStyleSheet(
                f"QRadioButton::indicator {{ width: {indicator}px; height: {indicator}px; }}"
            )
            button.setChecked(value == chosen)
            button.toggled.connect(lambda on: on and self.changed.emit())
            group.addButton(button)
            inside.addWidget(button)
            buttons[value] = button
        if isinstance(inside, QHBoxLayout):
            inside.addStretch(1)
        column.addWidget(box)
        return buttons

    @staticmethod
    def _chosen(buttons: dict[str, QRadioButton]) -> str:
        return next(value for value, button in buttons.items() if button.isChecked())

    def learner(self) -> str:
        return self._chosen(self.learner_buttons)

    def method(self) -> str:
        return self._chosen(self.method_buttons)

    def initials(self) -> str:
        return self.initials_edit.text()
