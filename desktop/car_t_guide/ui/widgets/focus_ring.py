"""The keyboard focus ring: a thick orange ring drawn around whatever has keyboard focus.

A border colour in the style sheet cannot meet WCAG 2.2's focus appearance on every control: a
filled blue button's border sits between the blue fill and the light page, and no colour has 3:1
against both. So the ring is drawn *outside* the control, by a transparent widget laid over the
window, with a white edge on both sides (over the gap to the control, and a thin halo outside,
which keeps it clear of a neighbouring dark button): the ring's colour has 3:1 or more against
white and every light surface (theme.FOCUS_RING_SURFACES, held to it by a test). It is at least
3 px thick (4 px at the largest text size).

The ring shows while the keyboard is in use and hides after a mouse click or a touch (a family
touching a kiosk screen does not need it); it follows the control when the page scrolls or
moves, and is cut off where the page is (it never draws over the bars).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

from car_t_guide.ui import theme

_WATCHED = frozenset(
    {QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide,
     QEvent.Type.LayoutRequest}
)
_KEYBOARD = frozenset({QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride})
_POINTER = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
                      QEvent.Type.TabletPress})


def ringed(widget: QWidget) -> QWidget:
    """The control the ring goes around (a spin box, not the text field inside it)."""
    parent = widget.parentWidget()
    if isinstance(parent, (QAbstractSpinBox, QComboBox)):
        return parent
    return widget


class FocusRing(QWidget):
    """The ring over one window."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []
        self._ring = QRectF()
        self.hide()

    @property
    def width_px(self) -> int:
        size = getattr(self.window(), "text_size", "normal")
        return theme.focus_ring_width(theme.TEXT_SCALES.get(size, 1.0))

    def track(self, widget: QWidget | None) -> None:
        for watched in self._watched:
            if shiboken6.isValid(watched):  # a rebuilt page's old widgets are gone
                watched.removeEventFilter(self)
        self._watched = []
        self.target = ringed(widget) if widget is not None else None
        if self.target is None:
            self.hide()
            return
        chain = self.target
        while chain is not None and chain is not self.window():
            chain.installEventFilter(self)
            self._watched.append(chain)
            chain = chain.parentWidget()
        self.place()
        QTimer.singleShot(0, self, self.place)  # again once a rebuilt page is laid out

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _WATCHED:
            QTimer.singleShot(0, self, self.place)
        return False

    def place(self) -> None:
        target = self.target
        window = self.window()
        if target is not None and not shiboken6.isValid(target):
            self.target = target = None
        if target is None or not target.isVisible() or target.window() is not window:
            self.hide()
            return
        thick = self.width_px
        gap = theme.FOCUS_RING_GAP
        outside = gap + thick + theme.FOCUS_RING_HALO
        ring = QRect(target.mapTo(window, QPoint(0, 0)), target.size()).adjusted(
            -outside, -outside, outside, outside
        )
        shown = ring & self._clip(target)
        if shown.isEmpty():
            self.hide()
            return
        inset = theme.FOCUS_RING_HALO + thick / 2  # the middle of the orange band
        self._ring = QRectF(ring.translated(-shown.topLeft())).adjusted(
            inset, inset, -inset, -inset
        )
        self.setGeometry(shown)
        self.raise_()
        self.show()
        self.update()

    def _clip(self, target: QWidget) -> QRect:
        """The part of the window where the target can be seen (inside every scroll area)."""
        window = self.window()
        clip = window.rect()
        parent = target.parentWidget()
        while parent is not None and parent is not window:
            if isinstance(parent, QAbstractScrollArea):
                viewport = parent.viewport()
                clip &= QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size())
            parent = parent.parentWidget()
        return clip

    def ring_rect(self) -> QRect:
        """Where the orange band's outer edge is, in the window (for tests)."""
        thick = self.width_px
        outer = self._ring.adjusted(-thick / 2, -thick / 2, thick / 2, thick / 2).toRect()
        return outer.translated(self.pos())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = theme.FOCUS_RING_GAP + self.width_px
        # White under and around the band (the gap, and a halo outside), then the band.
        for colour, width in (
            (theme.SURFACE, self.width_px + 2 * theme.FOCUS_RING_HALO),
            (theme.FOCUS, self.width_px),
        ):
            pen = QPen(QColor(colour), width)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawRoundedRect(self._ring, radius, radius)
        painter.end()


class FocusRings(QObject):
    """One ring per window, following keyboard focus across the application."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.keyboard_in_use = True  # the first focus (Next on the welcome screen) shows
        self._rings: dict[int, FocusRing] = {}
        app.focusChanged.connect(self._focus_changed)
        app.installEventFilter(self)

    def ring_for(self, window: QWidget) -> FocusRing:
        key = id(window)
        ring = self._rings.get(key)
        if ring is None or ring.window() is not window:
            ring = FocusRing(window)
            self._rings[key] = ring
            window.destroyed.connect(lambda *_a, k=key: self._rings.pop(k, None))
        return ring

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in _KEYBOARD and not self.keyboard_in_use:
            self.keyboard_in_use = True
            self._show_for(QApplication.focusWidget())
        elif kind in _POINTER and self.keyboard_in_use:
            self.keyboard_in_use = False
            self._show_for(QApplication.focusWidget())
        return False

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None and (new is None or old.window() is not new.window()):
            ring = self._rings.get(id(old.window()))
            if ring is not None:
                ring.track(None)
        self._show_for(new)

    def _show_for(self, widget: QWidget | None) -> None:
        if widget is None:
            return
        window = widget.window()
        if window.windowType() == Qt.WindowType.Popup or widget is window:
            return  # a list or calendar pop-up shows its own choice
        self.ring_for(window).track(widget if self.keyboard_in_use else None)


_rings: FocusRings | None = None


def install(app: QApplication) -> FocusRings:
    global _rings
    if _rings is None:
        _rings = FocusRings(app)
    return _rings
