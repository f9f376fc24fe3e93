"""The family's journey chart on screen: pyqtgraph draws core/chart/timeline.py's layout.

The layout is computed in pixels with this widget's own font metrics, so labels never overlap
here, and the PDF draws the same layout with its own font. Colour always comes with a shape or
a fill pattern (core/chart/styles.py), so the chart reads in grayscale and for colour-blind eyes.
Imported only when the journey page is first shown: pyqtgraph and numpy are heavy.
"""

from __future__ import annotations

from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QSizePolicy,
)

from car_t_guide.core.chart.styles import STYLES
from car_t_guide.core.chart.timeline import TimelineLayout, layout_timeline
from car_t_guide.core.i18n import _, current_language
from car_t_guide.core.journey import KeyDate, key_dates
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.model import Session
from car_t_guide.ui import theme
from car_t_guide.ui.theme import FONT_FAMILIES

PATTERNS = {
    "solid": Qt.BrushStyle.SolidPattern,
    "hollow": Qt.BrushStyle.NoBrush,
    "hatch_forward": Qt.BrushStyle.BDiagPattern,
    "hatch_back": Qt.BrushStyle.FDiagPattern,
    "crosshatch": Qt.BrushStyle.DiagCrossPattern,
    "dots": Qt.BrushStyle.Dense6Pattern,
    "horizontal": Qt.BrushStyle.HorPattern,
    "vertical": Qt.BrushStyle.VerPattern,
    "grid": Qt.BrushStyle.CrossPattern,
    "dashed": Qt.BrushStyle.NoBrush,
    "dotted": Qt.BrushStyle.NoBrush,
}
OUTLINE = QColor(theme.TEXT)


def style_pen(pattern: str, colour: QColor, width: float = 2.0) -> QPen:
    pen = QPen(colour.darker(150) if pattern not in ("dashed", "dotted") else colour.darker(130))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    if pattern == "dashed":
        pen.setStyle(Qt.PenStyle.DashLine)
    elif pattern == "dotted":
        pen.setStyle(Qt.PenStyle.DotLine)
    return pen


def style_brush(pattern: str, colour: QColor) -> QBrush:
    brush = QBrush(colour, PATTERNS.get(pattern, Qt.BrushStyle.SolidPattern))
    return brush


def describe(layout: TimelineLayout, keys: list[KeyDate]) -> str:
    """The chart in words, from the layout it draws: each mark with its date, in the chart's
    order ("T cell collection: Wednesday, March 20, 2013."). A key date is named in full (its
    label may be shortened to fit). Screen readers and read-aloud say this, never "image"."""
    details = {item.id: item.detail for item in layout.items}
    titles = {key.id: key.title for key in keys}
    sentences = []
    for label in layout.labels:
        title = titles.get(label.item_id) or label.text
        detail = details.get(label.item_id, "")
        sentences.append(f"{title}: {detail}." if detail else f"{title}.")
    return " ".join(sentences)


class JourneyChart(pg.GraphicsLayoutWidget):
    """Draws one TimelineLayout; relays out on resize so labels always fit."""

    def __init__(self, scale: float = 1.0, parent=None):
        self._inputs = None
        self._drawn_width = 0
        super().__init__(parent)
        self.setBackground(theme.SURFACE)
        self.font = QFont()
        self.font.setFamilies(FONT_FAMILIES)
        self.font.setPixelSize(round(18 * scale))
        self.metrics = QFontMetricsF(self.font)
        self.scale = scale
        # A picture, not a plot to explore: no mouse, and no context menu (never even made).
        self.view = self.addViewBox(
            enableMouse=False, enableMenu=False, invertY=True, defaultPadding=0.0
        )
        # One layout unit is one pixel both ways: text is drawn at the size it was measured.
        self.view.setAspectLocked(True, ratio=1.0)
        self.layout_data: TimelineLayout | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(240)  # never wider than the page: it lays out again to fit
        self.setAccessibleName(_("Journey chart"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture: no Tab stop

    def show_journey(
        self, session: Session, settings: CenterSettings, *, today: date, zoom: str
    ) -> None:
        self._inputs = (session, settings, today, zoom)
        self.redraw()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self._inputs is not None and abs(self.width() - self._drawn_width) > 2:
            self.redraw()

    def redraw(self) -> None:
        session, settings, today, zoom = self._inputs
        lang = current_language()
        keys = key_dates(session, settings, today=today, lang=lang)
        self._drawn_width = self.width()
        width = max(self.width() - 24, 300)
        layout = layout_timeline(
            session,
            keys,
            zoom=zoom,
            today=today,
            measure=self.metrics.horizontalAdvance,
            width=width,
            line_height=self.metrics.height(),
            lang=lang,
        )
        self.layout_data = layout
        self.view.clear()
        self._draw(layout)
        self.view.setRange(QRectF(-8, -8, layout.width + 16, layout.height + 16), padding=0)
        self.setFixedHeight(int(layout.height + 24))
        self.setAccessibleDescription(describe(layout, keys))

    # --- drawing ----------------------------------------------------------------------------
    def _text(
        self, text: str, x: float, y: float, *, bold: bool = False, colour: str = theme.TEXT
    ) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(text)
        font = QFont(self.font)
        font.setBold(bold)
        item.setFont(font)
        item.setBrush(QBrush(QColor(colour)))
        item.setPos(QPointF(x, y))
        self.view.addItem(item)
        return item

    def _line(self, x0, y0, x1, y1, colour: str, width: float = 1.0, style=Qt.PenStyle.SolidLine):
        pen = QPen(QColor(colour))
        pen.setWidthF(width)
        pen.setCosmetic(True)
        pen.setStyle(style)
        # A plain line item: pyqtgraph's curves would carry numpy arrays for two points.
        line = QGraphicsLineItem(x0, y0, x1, y1)
        line.setPen(pen)
        self.view.addItem(line)

    def _draw(self, layout: TimelineLayout) -> None:
        for lane in layout.lanes:
            self._text(lane.title, lane.title_box.x, lane.title_box.y, bold=True)
            self._line(
                0, lane.bottom, layout.width, lane.bottom, theme.BORDER, 1, Qt.PenStyle.DotLine
            )
        # Today's line behind the marks and words, as on paper.
        if layout.today_px is not None and layout.today_label is not None:
            x0, y0, x1, y1 = layout.today_label.leader
            self._line(x0, y0, x1, y1, theme.FOCUS, 2.5, Qt.PenStyle.DashLine)
            box = layout.today_label.box
            self._text(layout.today_label.text, box.x, box.y, bold=True, colour=theme.NOTICE)
        # Bands first (a partial date's month or year), then bars, then markers on top: the
        # shapes and bands are core's (core/chart/timeline.py), drawn as they are.
        for item in layout.items:
            if item.band is not None:
                colour = QColor(STYLES[item.style].colour).lighter(170)
                band = QGraphicsRectItem(
                    QRectF(item.band.x, item.band.y, item.band.width, item.band.height)
                )
                band.setBrush(QBrush(colour))
                band.setPen(QPen(Qt.PenStyle.NoPen))
                band.setData(0, ("band", item.id))
                self.view.addItem(band)
        for item in sorted(layout.items, key=lambda i: i.kind != "bar"):
            style = STYLES[item.style]
            colour = QColor(style.colour)
            mark = QGraphicsPolygonItem(QPolygonF([QPointF(x, y) for x, y in item.outline]))
            if style.pattern == "hollow":
                mark.setBrush(QBrush(QColor(theme.SURFACE)))
            else:
                mark.setBrush(style_brush(style.pattern, colour))
            mark.setPen(style_pen(style.pattern if item.kind == "bar" else "solid", colour))
            mark.setData(0, ("mark", item.id))
            self.view.addItem(mark)
        for label in layout.labels:
            x0, y0, x1, y1 = label.leader
            if abs(x1 - x0) > 1:
                self._line(x0, y0, x1, y1, theme.MUTED_TEXT, 1)
            # Words stay readable where today's line passes behind them.
            behind = QGraphicsRectItem(
                QRectF(label.box.x, label.box.y + 2, label.box.width, label.box.height - 4)
            )
            behind.setBrush(QBrush(QColor(theme.SURFACE)))
            behind.setPen(QPen(Qt.PenStyle.NoPen))
            self.view.addItem(behind)
            self._text(label.text, label.box.x, label.box.y)
        self._line(0, layout.axis_y, layout.width, layout.axis_y, theme.TEXT, 1.5)
        for tick in layout.ticks:
            self._line(tick.px, layout.axis_y, tick.px, layout.axis_y + 6, theme.TEXT, 1.5)
            self._text(tick.text, tick.box.x, tick.box.y, colour=theme.MUTED_TEXT)
        self._text(
            layout.axis_title,
            layout.axis_title_box.x,
            layout.axis_title_box.y,
            colour=theme.MUTED_TEXT,
        )
