""""Read what I touch": each button, line or picture says its words when it is touched, clicked
or reached with the keyboard, so that a person who cannot read can explore the screen.

An application-wide event filter (like the idle watcher's) hears presses and keyboard focus
inside the window; it only listens, and the touch goes on to do what it always does. The
read-aloud buttons themselves are left alone: they speak by what they do.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from car_t_guide.ui.speech.reader import PageReader
from car_t_guide.ui.speech.reading import widget_words

_PRESSES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
_KEYBOARD_FOCUS = frozenset(
    {Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
     Qt.FocusReason.ShortcutFocusReason}
)


class TouchReader(QObject):
    def __init__(self, window: QWidget, reader: PageReader, quiet: set[QWidget],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.reader = reader
        self.quiet = quiet
        self.active = False
        self.last_said = ""
        self._last_press: tuple[int, int] | None = None

    def set_active(self, on: bool) -> None:
        app = QApplication.instance()
        if on and not self.active:
            app.installEventFilter(self)
        elif not on and self.active:
            app.removeEventFilter(self)
        self.active = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        kind = event.type()
        if kind in _PRESSES and event.spontaneous():
            press = (int(kind), event.timestamp())
            if press != self._last_press:  # one touch reaches each widget it bubbles up to
                self._last_press = press
                self.say_for(watched)
        elif kind == QEvent.Type.FocusIn and event.reason() in _KEYBOARD_FOCUS:
            self.say_for(watched)
        return False

    def say_for(self, widget: QWidget) -> None:
        """Say the words of the widget touched, or of the nearest one around it that has some."""
        while widget is not None and widget is not self.window:
            if widget in self.quiet:
                return
            words = widget_words(widget)
            if words:
                self.last_said = words
                self.reader.say_once(words)
                return
            widget = widget.parentWidget()
