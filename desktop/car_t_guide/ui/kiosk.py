"""Kiosk mode: a window a family cannot leave, that forgets them when they walk away.

- Guards: frameless and full screen, and it stays full screen; close requests and Escape do
  nothing (keys the window manager owns are locked by the kiosk compositor, see packaging/).
- Idle: after a spell with no touch, "Still there?" counts down; then the family is forgotten.
  The spell is timed only from a touch since the app started or last forgot a family: an
  untouched welcome screen is never covered by the question.
- Staff: a long press on the top-left corner (or Ctrl+Alt+Shift+K) and the staff PIN leave the
  app; too many wrong PINs make the keypad wait, across restarts too.
- Forgetting: the window starts fresh (empty session, home language, welcome screen) and every
  trace goes: the clipboard, the private temporary folder, the log's list of names to hide.

The window builds a ``KioskMode`` only in kiosk mode and asks it nothing but ``forget_family``,
``allow_closing`` and ``stop``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from car_t_guide.core.machine import logs, private_tmp
from car_t_guide.core.machine.pin_lockout_file import LockoutFile
from car_t_guide.core.machine.staff_pin import LockoutPolicy, verify_pin
from car_t_guide.ui.corner_press import CornerPressDetector
from car_t_guide.ui.idle import IdleWatcher
from car_t_guide.ui.widgets.pin_pad import PinPad
from car_t_guide.ui.widgets.still_there import StillThereOverlay

if TYPE_CHECKING:
    from car_t_guide.ui.main_window import MainWindow


class KioskMode(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        settings = window.settings
        self.closing_allowed = False
        # For the app's life and across restarts: neither walking away nor a restart resets it.
        self.lockout = LockoutPolicy(saved_in=LockoutFile())
        self.idle = IdleWatcher(settings.idle_timeout_seconds, self)
        self.still_there = StillThereOverlay(window)
        self.idle.idle.connect(self.ask_still_there)
        self.idle.idle.connect(self._say_still_there)
        # Someone listening to a page being read is there, though they touch nothing.
        window.read_aloud.reader.paragraph_started.connect(self.idle.restart)
        # The overlay swallows the touch that answers it, so the watcher must be told.
        self.still_there.still_here.connect(self.idle.restart)
        self.still_there.timed_out.connect(self.forget_family)
        self.corner = CornerPressDetector(window)
        self.corner.long_pressed.connect(self.ask_staff_pin)
        self.staff_action = QAction(
            window, shortcut=QKeySequence("Ctrl+Alt+Shift+K"), triggered=self.ask_staff_pin
        )
        self.staff_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(self.staff_action)
        window.start_over_button.clicked.connect(self.forget_family)
        window.start_over_button.setVisible(True)
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.installEventFilter(self)
        self.idle.start()
        self.idle.wait_for_touch()  # nobody has touched it yet
        self.corner.start()

    # --- the guards --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.window:
            kind = event.type()
            if kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                return True  # Escape leaves nothing in a kiosk
            if kind == QEvent.Type.Close and not self.closing_allowed:
                event.ignore()  # only the staff PIN (or the system stopping the app) ends it
                return True
            if kind == QEvent.Type.WindowStateChange and not self.window.isFullScreen():
                QTimer.singleShot(0, self.window.showFullScreen)  # a kiosk stays full screen
        return False

    @Slot()
    def ask_still_there(self) -> None:
        """Nobody touched the screen for a while: ask, with nothing above the question. An open
        pop-up (the infusion day's calendar) would cover its button, so it closes first."""
        close_popups()
        self.still_there.start(self.window.settings.idle_countdown_seconds)

    def _say_still_there(self) -> None:
        if self.still_there.is_counting():  # the question is spoken as it appears
            self.window.read_aloud.say(self.still_there.spoken_text())

    def set_idle_timeout(self, seconds: float) -> None:
        self.idle.set_timeout(seconds)

    def set_scale(self, scale: float) -> None:
        self.still_there.set_scale(scale)

    # --- staff ---------------------------------------------------------------------------------
    @Slot()
    def ask_staff_pin(self) -> None:
        stored = self.window.settings.staff_pin_hash
        if PinPad.ask(self.window, lambda pin: verify_pin(pin, stored), self.lockout):
            self.leave_kiosk()

    def leave_kiosk(self) -> None:
        """The right staff PIN: forget the family and leave the app for the desktop."""
        self.forget_family()
        self.closing_allowed = True
        logs.log_event("kiosk_left_by_staff")
        QApplication.instance().exit(0)

    # --- forgetting the family -----------------------------------------------------------------
    @Slot()
    def forget_family(self) -> None:
        """Everything the family entered goes: the window starts fresh, and the clipboard,
        temporary files and the log's list of names to hide are cleared."""
        PinPad.cancel_open()
        close_popups()
        self.still_there.stop()
        self.window.start_fresh()
        # The next family starts as the first did: usual text size, the center's paper.
        self.window.apply_text_size("normal")
        summary = self.window.pages.if_made("summary")
        if summary is not None:
            summary.paper = None
        clipboard = QApplication.clipboard()
        clipboard.clear(clipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.clear(clipboard.Mode.Selection)
        private_tmp.wipe()
        logs.forget_sensitive()
        self.idle.wait_for_touch()  # a clean welcome screen waits for the next family
        logs.log_event("family_forgotten")

    def stop(self) -> None:
        """The app is ending: the watchers listen to the whole application, stop them now."""
        self.closing_allowed = True
        self.idle.stop()
        self.corner.stop()
        self.still_there.stop()


def close_popups() -> None:
    """Close every open pop-up (calendars, combo box lists), innermost first."""
    seen = set()
    popup = QApplication.activePopupWidget()
    while popup is not None and id(popup) not in seen:
        seen.add(id(popup))
        popup.close()
        popup = QApplication.activePopupWidget()
