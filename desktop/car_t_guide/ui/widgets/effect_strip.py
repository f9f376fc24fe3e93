"""Draw the "when it usually happens" strip laid out by ``core.chart.effect_strip``.

Colour and shape both carry the meaning, so the strip reads in grey too: the days a side effect
began are a long pale bar with a dark outline, the usual day is a solid dark diamond.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from car_t_guide.core.chart.effect_strip import StripLayout, StripRow, layout_strip
from car_t_guide.core.i18n import _, current_language
from car_t_guide.ui import theme


class EffectStripWidget(QWidget):
    """One or more side-effect windows on the days-after-infusion axis (day 0 to day 56)."""

    def __init__(
        self, rows: Sequence[StripRow], parent: QWidget | None = None, *, show_titles: bool = True
    ):
        super().__init__(parent)
        self._rows = list(rows)
        self._show_titles = show_titles
        self._cache: tuple[tuple, StripLayout] | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture: nothing to press
        self.setAccessibleName(_("When it usually happens"))
        self.setAccessibleDescription(
            " ".join(row.description for row in self.layout_for(600).rows)
        )

    @property
    def rows(self) -> list[StripRow]:
        return list(self._rows)

    # --- the layout, at a width ---------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont]:
        body = QFont(self.font())
        bold = QFont(body)
        bold.setBold(True)
        return body, bold

    def layout_for(self, width: int) -> StripLayout:
        body, bold = self._fonts()
        key = (width, body.key(), current_language())
        if self._cache is None or self._cache[0] != key:
            metrics = QFontMetricsF(body)
            bold_metrics = QFontMetricsF(bold)
            layout = layout_strip(
                self._rows,
                float(width),
                metrics.horizontalAdvance,
                metrics.height(),
                current_language(),
                measure_title=bold_metrics.horizontalAdvance,
                show_titles=self._show_titles,
            )
            self._cache = (key, layout)
        return self._cache[1]

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return int(self.layout_for(max(width, 1)).height) + 2

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, self.heightForWidth(640))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self.heightForWidth(200))

    def changeEvent(self, event) -> None:  # noqa: N802
        # The style sheet sets the font: a new text size means a new layout.
        self._cache = None
        self.updateGeometry()
        super().changeEvent(event)

    # --- drawing ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        layout = self.layout_for(self.width())
        body, bold = self._fonts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = QColor(theme.TEXT)
        line = max(1.0, layout.axis.tick_length / 6)

        # Light week lines behind the bars, then the axis and its ticks.
        painter.setPen(QPen(QColor(theme.BORDER), line * 0.75, Qt.PenStyle.DotLine))
        for tick in layout.axis.ticks:
            painter.drawLine(QPointF(tick.x, layout.axis.grid_top), QPointF(tick.x, layout.axis.y))
        painter.setPen(QPen(text_colour, line * 1.5))
        painter.drawLine(
            QPointF(layout.axis.x0, layout.axis.y), QPointF(layout.axis.x1, layout.axis.y)
        )
        for tick in layout.axis.ticks:
            painter.drawLine(
                QPointF(tick.x, layout.axis.y),
                QPointF(tick.x, layout.axis.y + layout.axis.tick_length),
            )

        for row in layout.rows:
            bar = row.bar
            self._draw_bar(
                painter, QRectF(bar.x0, bar.y, max(bar.x1 - bar.x0, 2.0), bar.height), line
            )
            if row.marker is not None:
                m = row.marker
                self._draw_marker(painter, m.x, m.y, m.size, line)

        painter.setPen(text_colour)
        for row in layout.rows:
            painter.setFont(bold)
            for box in row.title_lines:
                self._draw_text(painter, box)
            painter.setFont(body)
            for box in row.labels:
                self._draw_text(painter, box)
        painter.setFont(body)
        for tick in layout.axis.ticks:
            if tick.label is not None:
                self._draw_text(painter, tick.label)
        painter.setPen(QColor(theme.MUTED_TEXT))
        for box in layout.axis.caption:
            self._draw_text(painter, box)

        painter.setPen(text_colour)
        for entry in layout.legend:
            swatch = QRectF(entry.swatch_x, entry.swatch_y, entry.swatch_width, entry.swatch_height)
            if entry.kind == "bar":
                self._draw_bar(painter, swatch, line)
            elif entry.kind == "marker":
                self._draw_marker(
                    painter, swatch.center().x(), swatch.center().y(), swatch.width(), line
                )
            painter.setPen(text_colour)
            for box in entry.label_lines:
                self._draw_text(painter, box)
        painter.end()

    @staticmethod
    def _draw_text(painter: QPainter, box) -> None:
        # Knock the week lines out behind the text, so no line runs through a word.
        painter.fillRect(
            QRectF(box.x - 2, box.y, box.width + 4, box.height), QColor(theme.BACKGROUND)
        )
        painter.drawText(
            QRectF(box.x, box.y, box.width + 1, box.height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            box.text,
        )

    @staticmethod
    def _draw_bar(painter: QPainter, rect: QRectF, line: float) -> None:
        painter.setPen(QPen(QColor(theme.ACCENT), line * 2))
        painter.setBrush(QColor(theme.ACCENT_SOFT))
        radius = rect.height() / 2
        painter.drawRoundedRect(rect, radius, radius)

    @staticmethod
    def _draw_marker(painter: QPainter, x: float, y: float, size: float, line: float) -> None:
        half = size / 2
        diamond = QPolygonF(
            [QPointF(x, y - half), QPointF(x + half, y), QPointF(x, y + half), QPointF(x - half, y)]
        )
        painter.setPen(QPen(QColor(theme.SURFACE), line * 1.5))
        painter.setBrush(QColor(theme.TEXT))
        painter.drawPolygon(diamond)
