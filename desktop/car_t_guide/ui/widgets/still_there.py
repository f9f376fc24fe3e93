"""The "Are you still there?" screen a kiosk shows after a spell with no touch.

It covers the whole window (so the touch that answers it cannot press anything on the page
below), counts down, and then says ``timed_out``: the owner wipes the family's data. Any touch,
click, key or wheel — or the big "I'm still here" button — says ``still_here`` instead.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from car_t_guide.core.i18n import _, ngettext
from car_t_guide.ui import theme
from car_t_guide.ui.idle import is_user_input
from car_t_guide.ui.widgets.cover import keep_covering_parent
from car_t_guide.ui.widgets.text import label

_TICK_MS = 200
_SMALLEST_SCALE = 0.6


class StillThereOverlay(QWidget):
    timed_out = Signal()
    still_here = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("stillThere")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self._deadline = 0.0
        self._shown_seconds = -1
        self._counting = False
        self._tick = QTimer(self)
        self._tick.setInterval(_TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self.scale = 1.0
        self._applied_scale = 1.0
        self._build()
        keep_covering_parent(self)
        self.hide()

    def _build(self) -> None:
        self.card = QFrame()
        self.card.setObjectName("stillThereCard")
        column = QVBoxLayout(self.card)
        column.setContentsMargins(40, 32, 40, 32)
        column.setSpacing(24)
        self.question = label("", "stillThereQuestion")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question.setAccessibleDescription("heading")
        self.countdown = label("", "stillThereCountdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = label("", "stillThereHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton()
        self.button.setObjectName("stillHere")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self._answer)
        column.addWidget(self.question)
        column.addWidget(self.countdown)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.hint)
        # Stretches around the card, not alignment flags: the card then gets its width from the
        # layout, and its wrapped lines get the height they need.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 100)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self._apply_style(self.scale)

    def _apply_style(self, scale: float) -> None:
        s = theme.Sizes(scale)
        self._applied_scale = scale
        self.card.setMaximumWidth(s.px(860))
        self.setStyleSheet(f"""
            QFrame#stillThereCard {{ background: {theme.SURFACE}; border-radius: {s.px(16)}px;
                                     border: 2px solid {theme.BORDER}; }}
            QFrame#stillThereCard QLabel {{ background: transparent; }}
            QLabel#stillThereQuestion {{ font-size: {s.px(44)}px; font-weight: bold;
                                         color: {theme.TEXT}; }}
            QLabel#stillThereCountdown {{ font-size: {s.px(26)}px; color: {theme.TEXT}; }}
            QLabel#stillThereHint {{ font-size: {s.px(22)}px; color: {theme.MUTED_TEXT}; }}
            QPushButton#stillHere {{ font-size: {s.px(30)}px; font-weight: bold;
                                     min-height: {max(64, s.px(88))}px;
                                     padding: {s.px(8)}px {s.px(48)}px;
                                     border-radius: {s.px(12)}px; border: {s.border}px solid
                                     {theme.ACCENT}; background: {theme.ACCENT};
                                     color: {theme.ACCENT_TEXT}; }}
            QPushButton#stillHere:focus {{ border-color: {theme.FOCUS}; }}
        """)

    def set_scale(self, scale: float) -> None:
        """Follow the family's text size (made smaller if it would not fit the window)."""
        self.scale = scale
        self._fit()

    def _fit(self) -> None:
        # Nothing on this screen may be cut off, and it cannot scroll (any touch answers it):
        # step the size down until the card fits the window.
        margins = self.layout().contentsMargins()
        width = self.width() - margins.left() - margins.right()
        height = self.height() - margins.top() - margins.bottom()
        scale = self.scale
        while True:
            self._apply_style(scale)
            card_width = min(width, self.card.maximumWidth())
            layout = self.card.layout()
            layout.activate()
            needed = layout.totalHeightForWidth(card_width)
            fits = needed <= height and layout.totalMinimumSize().width() <= width
            if fits or scale <= _SMALLEST_SCALE:
                return
            scale = max(_SMALLEST_SCALE, round(scale - 0.1, 2))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    # --- counting down ----------------------------------------------------------------------
    def start(self, countdown_seconds: float) -> None:
        """Cover the window and count down from ``countdown_seconds``."""
        self._deadline = time.monotonic() + max(0.0, countdown_seconds)
        self._shown_seconds = -1
        self._counting = True
        self.retranslate()
        self._fit()
        self._on_tick()
        if not self._counting:  # a countdown of 0 ends at once
            return
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.button.setFocus(Qt.FocusReason.OtherFocusReason)
        QApplication.instance().installEventFilter(self)
        self._tick.start()

    def stop(self) -> None:
        """Hide without a signal (the owner reset the kiosk some other way)."""
        self._counting = False
        self._tick.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.hide()

    def is_counting(self) -> bool:
        return self._counting

    def seconds_left(self) -> int:
        """Whole seconds left, as shown on screen."""
        return max(0, math.ceil(self._deadline - time.monotonic() - 1e-6))

    def spoken_text(self) -> str:
        """The screen in words, as read-aloud says it when the question appears."""
        return " ".join(
            text
            for text in (self.question.text(), self.countdown.text(), self.hint.text())
            if text
        )

    def retranslate(self) -> None:
        self.question.setText(_("Are you still there?"))
        self.question.setAccessibleName(self.question.text())
        self.setAccessibleName(self.question.text())  # the veil over the window is the question
        self.button.setText(_("I'm still here"))
        self.button.setAccessibleName(self.button.text())
        self.hint.setText(_("Touch the screen to keep going."))
        self.hint.setAccessibleName(self.hint.text())
        self._shown_seconds = -1
        self._show_seconds(self.seconds_left())

    def _show_seconds(self, seconds: int) -> None:
        if seconds == self._shown_seconds:
            return
        self._shown_seconds = seconds
        text = ngettext(
            "Everything you entered will be cleared in {seconds} second.",
            "Everything you entered will be cleared in {seconds} seconds.",
            seconds,
        ).format(seconds=seconds)
        self.countdown.setText(text)
        self.countdown.setAccessibleName(text)

    def _on_tick(self) -> None:
        if not self._counting:
            return
        left = self.seconds_left()
        self._show_seconds(left)
        if left <= 0:
            self.stop()
            self.timed_out.emit()

    def _answer(self) -> None:
        if self._counting:
            self.stop()
            self.still_here.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._counting and is_user_input(event) and event.type() not in _NOT_AN_ANSWER:
            self._answer()
            return True  # the touch that answers does nothing else
        return False

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # A calm veil over the page: it stays visible, dimmed, behind the question.
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(27, 38, 49, 170))


# A key or button being let go after the overlay appeared is the end of an earlier action,
# not an answer; the answer is the next press, touch, move or scroll.
_NOT_AN_ANSWER = frozenset({QEvent.Type.KeyRelease, QEvent.Type.MouseButtonRelease,
                            QEvent.Type.TouchEnd})
