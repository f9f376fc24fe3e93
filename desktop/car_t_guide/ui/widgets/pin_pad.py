"""The on-screen keypad staff use to enter the staff PIN (touch kiosks have no keyboard).

Big digit buttons, Clear, OK and Cancel; the PIN shows as dots only. A physical keyboard works
too: digits, Backspace, Enter, Escape. After too many wrong PINs it shows how long to wait and
takes no PIN until then (the ``LockoutPolicy`` decides). If nobody touches it for a minute it
closes itself, so a PIN pad left open on a kiosk does not stay there.

Open it with ``PinPad.ask(parent, verify, lockout)``: True only for the right PIN. Tests
monkeypatch ``PinPad.ask``.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from car_t_guide.core.i18n import _, ngettext
from car_t_guide.core.machine.logs import log_event, log_failure
from car_t_guide.core.machine.staff_pin import MAX_DIGITS, MIN_DIGITS, LockoutPolicy, normalize_pin
from car_t_guide.ui import theme
from car_t_guide.ui.widgets.text import label

DOT = "●"
GIVE_UP_AFTER_SECONDS = 60.0
_TICK_MS = 250


class PinPad(QDialog):
    _open: weakref.WeakSet[PinPad] = weakref.WeakSet()

    def __init__(
        self,
        verify: Callable[[str], bool],
        lockout: LockoutPolicy,
        parent: QWidget | None = None,
        *,
        give_up_after_seconds: float = GIVE_UP_AFTER_SECONDS,
    ):
        super().__init__(parent)
        self._verify = verify
        self._lockout = lockout
        self._digits = ""
        self._message = ""
        self.setObjectName("pinPad")
        self.setModal(True)
        # No title bar: nothing to drag aside, and nothing that looks like the desktop's.
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self._give_up = QTimer(self)
        self._give_up.setSingleShot(True)
        self._give_up.setInterval(max(1, round(give_up_after_seconds * 1000)))
        self._give_up.timeout.connect(self._on_give_up)
        self._tick = QTimer(self)
        self._tick.setInterval(_TICK_MS)
        self._tick.timeout.connect(self._refresh)
        self._build()
        self._apply_style()
        self._refresh()

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 20, 28, 24)
        column.setSpacing(10)
        self.title = label(_("Staff PIN"), "pinTitle")
        self.title.setAccessibleDescription("heading")
        self.instruction = label(_("Enter the staff PIN, then press OK."), "pinInstruction")
        self.dots = label("", "pinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label("", "pinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # (Its style sheet keeps room for two lines, so the keys do not jump when it speaks.)
        for widget in (self.title, self.instruction):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(widget)
        column.addWidget(self.dots)
        column.addWidget(self.message)

        keys = QWidget()
        # Keypads read 1 2 3 from the left in every language, right-to-left ones included.
        keys.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        grid = QGridLayout(keys)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self.digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("1234567890"):
            button = self._button(digit, "pinDigit")
            button.clicked.connect(lambda _checked=False, d=digit: self.press_digit(d))
            self.digit_buttons[digit] = button
            row, col = divmod(index, 3) if digit != "0" else (3, 1)
            grid.addWidget(button, row, col)
        self.clear_button = self._button(_("Clear"), "pinClear")
        self.clear_button.clicked.connect(self.clear)
        self.ok_button = self._button(_("OK"), "pinOk")
        self.ok_button.clicked.connect(self.submit)
        grid.addWidget(self.clear_button, 3, 0)
        grid.addWidget(self.ok_button, 3, 2)
        column.addWidget(keys)
        self.cancel_button = self._button(_("Cancel"), "pinCancel")
        self.cancel_button.clicked.connect(self.reject)
        column.addWidget(self.cancel_button)

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setAutoDefault(False)
        # Keys go to the pad itself (digits, Enter, Escape), never to a focused button.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _apply_style(self) -> None:
        # A staff tool with sizes of its own: it does not follow the family's text size, so it
        # always fits a 1024x768 kiosk screen (about 500 x 650 px).
        # Every rule starts at the pad, so it wins over the app's (text-size dependent) rules.
        pad = "QDialog#pinPad"
        self.setStyleSheet(f"""
            {pad} {{ background: {theme.SURFACE}; border: 2px solid {theme.BORDER};
                     border-radius: 12px; }}
            {pad} QLabel {{ font-size: 20px; }}
            {pad} QLabel#pinTitle {{ font-size: 30px; font-weight: bold; }}
            {pad} QLabel#pinDots {{ font-size: 36px; color: {theme.TEXT}; min-height: 60px;
                                    max-height: 60px; background: {theme.BACKGROUND};
                                    border: 2px solid {theme.BORDER}; border-radius: 8px; }}
            {pad} QLabel#pinMessage {{ font-weight: bold; color: {theme.TEXT};
                                       min-height: 56px; }}
            {pad} QPushButton {{ font-size: 20px; min-height: 58px; padding: 4px 12px;
                                 border-width: 3px; }}
            {pad} QPushButton#pinDigit {{ font-size: 30px; min-width: 84px; }}
            {pad} QPushButton#pinClear, {pad} QPushButton#pinOk {{ min-width: 84px; }}
            {pad} QPushButton#pinOk {{ background: {theme.ACCENT}; color: {theme.ACCENT_TEXT}; }}
            {pad} QPushButton#pinOk:disabled {{ background: {theme.SURFACE};
                                                color: {theme.MUTED_TEXT};
                                                border-color: {theme.BORDER}; }}
            {pad} QPushButton#pinCancel {{ min-height: 48px; }}
        """)

    # --- the PIN ------------------------------------------------------------------------------
    @property
    def entered(self) -> str:
        return self._digits

    def press_digit(self, digit: str) -> None:
        self._touched()
        if self._lockout.is_locked() or len(self._digits) >= MAX_DIGITS:
            self._refresh()
            return
        self._digits += digit
        self._message = ""
        self._refresh()

    def delete_last(self) -> None:
        self._touched()
        self._digits = self._digits[:-1]
        self._refresh()

    def clear(self) -> None:
        self._touched()
        self._digits = ""
        self._message = ""
        self._refresh()

    def submit(self) -> None:
        self._touched()
        if self._lockout.is_locked() or not self._digits:
            self._refresh()
            return
        if len(self._digits) < MIN_DIGITS:
            self._message = _("A PIN has {low} to {high} digits.").format(
                low=MIN_DIGITS, high=MAX_DIGITS
            )
            self._refresh()
            return
        pin, self._digits = self._digits, ""
        try:
            right = self._verify(pin)
        except Exception as error:  # noqa: BLE001 (raised out of a key press, it crashed Qt)
            # The start check (pin_hash_problem) should make this impossible; if it happens,
            # say so plainly rather than count a PIN that was never checked.
            log_failure("staff_pin_check_failed", error)
            self._message = _("The PIN could not be checked. Please ask IT to set it again.")
            self._refresh()
            return
        if right:
            self._lockout.record_right()
            log_event("staff_pin_right")
            self.accept()
            return
        wait = self._lockout.record_wrong()
        log_event("staff_pin_wrong", in_a_row=self._lockout.wrong_in_a_row, wait_seconds=wait)
        # Shown once the wait (if any) is over.
        self._message = (_("You can try again now.") if wait
                         else _("That PIN is not right. Please try again."))
        self._refresh()

    # --- what shows -----------------------------------------------------------------------------
    def _refresh(self) -> None:
        locked = self._lockout.is_locked()
        count = len(self._digits)
        self.dots.setText(" ".join(DOT * count) if count else "")
        self.dots.setAccessibleName(
            ngettext("{count} digit entered", "{count} digits entered", count).format(count=count)
        )
        if locked:
            text = self._wait_text(self._lockout.seconds_left())
            if not self._tick.isActive():
                self._tick.start()
        else:
            text = self._message
            self._tick.stop()
        self.message.setText(text)
        self.message.setAccessibleName(text)
        for button in self.digit_buttons.values():
            button.setEnabled(not locked)
        self.ok_button.setEnabled(not locked and count > 0)
        self.clear_button.setEnabled(count > 0)

    @staticmethod
    def _wait_text(seconds: float) -> str:
        if seconds < 60:
            whole = max(1, math.ceil(seconds))
            wait = ngettext("{seconds} second", "{seconds} seconds", whole).format(seconds=whole)
        else:
            minutes = math.ceil(seconds / 60)
            wait = ngettext("{minutes} minute", "{minutes} minutes", minutes).format(
                minutes=minutes
            )
        return _("Too many wrong PINs. Please wait {time}, then try again.").format(time=wait)

    # --- keys, closing ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        digit = normalize_pin(event.text())
        if len(digit) == 1 and digit.isascii() and digit.isdigit():
            self.press_digit(digit)
        elif key == Qt.Key.Key_Backspace:
            self.delete_last()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif key == Qt.Key.Key_Delete:
            self.clear()
        else:
            super().keyPressEvent(event)  # Escape cancels

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._touched()
        return super().event(event)

    def _touched(self) -> None:
        if self.isVisible():
            self._give_up.start()

    def _on_give_up(self) -> None:
        log_event("staff_pin_pad_timed_out")
        self.reject()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        PinPad._open.add(self)
        self._give_up.start()
        self._refresh()
        self._center_on_parent()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def done(self, result: int) -> None:
        # Forget the digits whatever the outcome: nothing of the PIN stays in memory or on screen.
        self._digits = ""
        self._give_up.stop()
        self._tick.stop()
        PinPad._open.discard(self)
        super().done(result)

    def _center_on_parent(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        window = parent.window()
        center = window.mapToGlobal(window.rect().center())
        self.adjustSize()
        frame = self.frameGeometry()
        frame.moveCenter(center)
        self.move(frame.topLeft())

    # --- the way in ------------------------------------------------------------------------------
    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        verify: Callable[[str], bool],
        lockout: LockoutPolicy,
    ) -> bool:
        """Show the keypad and wait; True only when the right PIN was entered."""
        pad = cls(verify, lockout, parent)
        try:
            return pad.exec() == QDialog.DialogCode.Accepted
        finally:
            pad.deleteLater()

    @classmethod
    def cancel_open(cls) -> None:
        """Close any keypad that is open (call when the kiosk resets)."""
        for pad in list(cls._open):
            pad.reject()
