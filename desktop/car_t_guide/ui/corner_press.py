"""A discreet way in for staff: press and hold the top-left corner of the window.

Nothing is drawn there, and an ordinary tap does nothing; a press held for ``hold_seconds``
(2 s) within ``zone_px`` (60 px) of the corner emits ``long_pressed`` (the owner then asks for
the staff PIN). It watches the whole application, so the press counts whatever widget is under
the finger, and only presses in its own window count.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

_PRESS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}
_MOVE = {QEvent.Type.MouseMove, QEvent.Type.TouchUpdate}
_END = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}


class CornerPressDetector(QObject):
    long_pressed = Signal()

    def __init__(
        self,
        window: QWidget,
        *,
        hold_seconds: float = 2.0,
        zone_px: int = 60,
        corner: Qt.Corner = Qt.Corner.TopLeftCorner,
    ):
        super().__init__(window)
        self._window = window
        self.zone_px = zone_px
        self.corner = corner
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setTimerType(Qt.TimerType.PreciseTimer)
        self._hold.setInterval(max(1, round(hold_seconds * 1000)))
        self._hold.timeout.connect(self._on_held)
        self._running = False

    def start(self) -> None:
        if not self._running:
            QApplication.instance().installEventFilter(self)
            self._running = True

    def stop(self) -> None:
        if self._running:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._running = False
        self._hold.stop()

    def is_holding(self) -> bool:
        return self._hold.isActive()

    def in_zone(self, window_pos: QPoint) -> bool:
        """Is this point (window coordinates) close enough to the corner?"""
        width, height = self._window.width(), self._window.height()
        x, y = window_pos.x(), window_pos.y()
        near_left, near_top = x <= self.zone_px, y <= self.zone_px
        near_right, near_bottom = x >= width - 1 - self.zone_px, y >= height - 1 - self.zone_px
        inside = 0 <= x < width and 0 <= y < height
        return inside and {
            Qt.Corner.TopLeftCorner: near_left and near_top,
            Qt.Corner.TopRightCorner: near_right and near_top,
            Qt.Corner.BottomLeftCorner: near_left and near_bottom,
            Qt.Corner.BottomRightCorner: near_right and near_bottom,
        }[self.corner]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in _END:
            self._hold.stop()
        elif (kind in _PRESS or kind in _MOVE) and self._is_in_our_window(watched):
            position = self._global_position(event)
            if position is None:
                return False
            inside = self.in_zone(self._window.mapFromGlobal(position.toPoint()))
            if not inside:
                self._hold.stop()  # slid away from the corner: not a long press
            elif kind in _PRESS and not self._hold.isActive() and _primary_press(event):
                # The first sight of this press starts the count; the same press reaching
                # parent widgets afterwards does not start it again.
                self._hold.start()
        return False  # the press still does whatever it does

    def _is_in_our_window(self, watched: QObject) -> bool:
        if isinstance(watched, QWidget):
            return watched.window() is self._window
        handle = self._window.windowHandle()
        return handle is not None and watched is handle

    @staticmethod
    def _global_position(event: QEvent) -> QPointF | None:
        points = getattr(event, "points", None)
        if points is not None:
            found = points()
            return found[0].globalPosition() if found else None
        position = getattr(event, "globalPosition", None)
        return position() if position is not None else None

    def _on_held(self) -> None:
        self.long_pressed.emit()


def _primary_press(event: QEvent) -> bool:
    if event.type() == QEvent.Type.MouseButtonPress:
        return event.button() == Qt.MouseButton.LeftButton
    return True
