"""The calm screen shown after an unexpected error: no technical words, one way forward.

In kiosk mode it starts over by itself after ``reset_after_seconds`` (the next family must not
find the last one's screen); in staff mode it waits for the button.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from car_t_guide.core.i18n import _, ngettext
from car_t_guide.ui.pages.base import Page
from car_t_guide.ui.widgets.cover import keep_covering_parent
from car_t_guide.ui.widgets.text import heading, label

_TICK_MS = 250


class SomethingWrongPage(Page):
    page_id = "something-wrong"
    start_over_requested = Signal()

    def __init__(
        self,
        *,
        reset_after_seconds: float | None = None,
        work_was_saved: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.reset_after_seconds = reset_after_seconds
        self.work_was_saved = work_was_saved
        self._deadline: float | None = None
        self._countdown_label = None
        self.start_over_button: QPushButton | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(_TICK_MS)
        self._tick.timeout.connect(self._on_tick)

    def build(self, layout: QVBoxLayout) -> None:
        layout.addStretch(1)
        layout.addWidget(heading(_("Something went wrong")))
        layout.addWidget(label(_("We are sorry. The guide had a problem and could not finish "
                                 "what it was doing.")))
        if self.work_was_saved:
            layout.addWidget(label(_("What the nurse entered was kept. It will be offered back "
                                     "when the guide starts again.")))
        layout.addWidget(label(_("Press Start over to begin again.")))
        button = QPushButton(_("Start over"))
        button.setObjectName("primary")
        button.setAccessibleName(button.text())
        button.setMinimumHeight(72)
        button.clicked.connect(self._start_over)
        self.start_over_button = button
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self._countdown_label = label("", "muted")
        self._countdown_label.setVisible(self.reset_after_seconds is not None)
        layout.addWidget(self._countdown_label)
        self._show_countdown()

    def position_text(self) -> str:
        return _("Something went wrong")

    def section_title(self) -> str:
        return _("Something went wrong")

    # --- showing it over a window ---------------------------------------------------------------
    def show_over(self, window: QWidget) -> None:
        """Cover ``window`` with this screen (above the pages, whatever state they are in)."""
        self.setParent(window)
        keep_covering_parent(self)
        self.show()
        self.raise_()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.stale:
            self.rebuild()
        super().showEvent(event)
        if self.reset_after_seconds is not None:
            self._deadline = time.monotonic() + max(0.0, self.reset_after_seconds)
            self._tick.start()
            self._show_countdown()
        if self.start_over_button is not None:
            self.start_over_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._tick.stop()
        self._deadline = None
        super().hideEvent(event)

    def seconds_left(self) -> int | None:
        if self._deadline is None:
            return None
        return max(0, math.ceil(self._deadline - time.monotonic() - 1e-6))

    def _show_countdown(self) -> None:
        if self._countdown_label is None or self.reset_after_seconds is None:
            return
        left = self.seconds_left()
        if left is None:
            left = math.ceil(self.reset_after_seconds)
        text = ngettext(
            "The guide will start over by itself in {seconds} second.",
            "The guide will start over by itself in {seconds} seconds.",
            left,
        ).format(seconds=left)
        self._countdown_label.setText(text)
        self._countdown_label.setAccessibleName(text)

    def _on_tick(self) -> None:
        self._show_countdown()
        left = self.seconds_left()
        if left is not None and left <= 0:
            self._start_over()

    def _start_over(self) -> None:
        self._tick.stop()
        self._deadline = None
        self.start_over_requested.emit()
