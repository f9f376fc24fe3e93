"""The journey chart in the PDF: core/chart/timeline.py's layout drawn as vector graphics.

The layout is the one the screen draws (ui/ with pyqtgraph); here it is measured with
reportlab's ``stringWidth`` in points (through report/fonts.py, so a Chinese label is measured
in the font it prints in), and drawn on the canvas. Every style has its shape and fill pattern
from core/chart/styles.py as well as its colour, and every mark has a dark outline, so the chart
reads on a black-and-white printer.
"""

from __future__ import annotations

import math
from datetime import date

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from car_t_guide.core.chart.shapes import style_outline
from car_t_guide.core.chart.styles import SAME_LOOK, STYLES, ChartStyle
from car_t_guide.core.chart.timeline import (
    CAR_T_ZOOM,
    HISTORY_ZOOM,
    Label,
    TimelineLayout,
    layout_timeline,
)
from car_t_guide.core.journey import KeyDate
from car_t_guide.core.session.model import Session
from car_t_guide.report.fonts import BOLD, REGULAR, split_runs, string_width
from car_t_guide.report.markup import BLANK_CELL, MUTED, Paragraph, Styles, text

CHART_FONT_SIZE = 8.5
LINE_HEIGHT = CHART_FONT_SIZE * 1.4
TRACK_HEIGHT = 13.0
OUTLINE = colors.HexColor("#222222")
LEADER = colors.HexColor("#888888")
LANE_SHADE = colors.HexColor("#F4F4F4")
PATTERN_STEP = 3.2  # points between hatch lines


def measure(font_size: float = CHART_FONT_SIZE, font: str = REGULAR):
    """The layout's measure function: a text's printed width in points."""

    def width(value: str) -> float:
        return string_width(value, font, font_size)

    return width


def chart_layout(
    session: Session,
    key_dates: list[KeyDate],
    *,
    zoom: str,
    today: date,
    width: float,
    lang: str,
) -> TimelineLayout:
    return layout_timeline(
        session,
        key_dates,
        zoom=zoom,
        today=today,
        measure=measure(),
        width=width,
        line_height=LINE_HEIGHT,
        track_height=TRACK_HEIGHT,
        lang=lang,
    )


ZOOMS = (CAR_T_ZOOM, HISTORY_ZOOM)


# --- colours and shapes ----------------------------------------------------------------------


def _colour(style: ChartStyle) -> colors.Color:
    return colors.HexColor(style.colour)


def _darker(colour: colors.Color, amount: float = 0.45) -> colors.Color:
    """Lines drawn in a light colour (yellow) would vanish in grayscale: darken them."""
    return colors.Color(
        colour.red * (1 - amount), colour.green * (1 - amount), colour.blue * (1 - amount)
    )


def _lighter(colour: colors.Color, amount: float = 0.75) -> colors.Color:
    return colors.Color(*(c + (1 - c) * amount for c in (colour.red, colour.green, colour.blue)))


def _outline_path(canv: Canvas, points: list[tuple[float, float]]):
    path = canv.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.close()
    return path


def _hatch(canv: Canvas, pattern: str, box: tuple[float, float, float, float], colour) -> None:
    """Pattern lines inside the current clip; ``box`` is (x, y, width, height) to cover."""
    x, y, width, height = box
    canv.setStrokeColor(_darker(colour))
    canv.setLineWidth(0.7)
    step = PATTERN_STEP
    reach = width + height
    if pattern in ("hatch_forward", "crosshatch"):
        for offset in _steps(-height, width, step):
            canv.line(x + offset, y, x + offset + height, y + height)
    if pattern in ("hatch_back", "crosshatch"):
        for offset in _steps(0, reach, step):
            canv.line(x + offset, y, x + offset - height, y + height)
    if pattern in ("horizontal", "grid"):
        for offset in _steps(step / 2, height, step * 0.9):
            canv.line(x, y + offset, x + width, y + offset)
    if pattern in ("vertical", "grid"):
        for offset in _steps(step / 2, width, step):
            canv.line(x + offset, y, x + offset, y + height)
    if pattern == "dots":
        canv.setFillColor(_darker(colour))
        for dx in _steps(step / 2, width, step):
            for dy in _steps(step / 2, height, step):
                canv.circle(x + dx, y + dy, 0.65, stroke=0, fill=1)


def _steps(start: float, stop: float, step: float):
    value = start
    while value <= stop:
        yield value
        value += step


def draw_mark(canv: Canvas, style_id: str, points: list[tuple[float, float]]) -> None:
    """One mark in a style, its outline given in canvas points (core decided the shape)."""
    style = STYLES[SAME_LOOK.get(style_id, style_id)] if style_id in STYLES else STYLES["other"]
    colour = _colour(style)
    canv.saveState()
    if len(points) == 2:  # a line (today)
        canv.setStrokeColor(_darker(colour, 0.0) if style.colour != "#000000" else colors.black)
        canv.setLineWidth(1)
        canv.setDash(3, 2)
        canv.line(*points[0], *points[1])
        canv.restoreState()
        return
    path = _outline_path(canv, points)
    xs, ys = [x for x, _ in points], [y for _, y in points]
    box = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
    pattern = style.pattern
    canv.setLineWidth(0.6)
    canv.setStrokeColor(OUTLINE)
    if pattern == "solid":
        canv.setFillColor(colour)
        canv.drawPath(path, stroke=1, fill=1)
    elif pattern == "hollow":
        canv.setFillColor(colors.white)
        canv.setStrokeColor(_darker(colour, 0.25))
        canv.setLineWidth(1.4)
        canv.drawPath(path, stroke=1, fill=1)
    elif pattern in ("dashed", "dotted"):
        canv.setFillColor(_lighter(colour, 0.8))
        canv.drawPath(path, stroke=0, fill=1)
        canv.setStrokeColor(_darker(colour, 0.35))
        canv.setLineWidth(1.1)
        canv.setDash(*((3, 2) if pattern == "dashed" else (0.8, 1.6)))
        canv.drawPath(path, stroke=1, fill=0)
    else:
        canv.setFillColor(_lighter(colour, 0.7))
        canv.drawPath(path, stroke=0, fill=1)
        canv.saveState()
        canv.clipPath(path, stroke=0, fill=0)
        _hatch(canv, pattern, box, colour)
        canv.restoreState()
        canv.setStrokeColor(OUTLINE)
        canv.setLineWidth(0.6)
        canv.drawPath(path, stroke=1, fill=0)
    canv.restoreState()


def draw_band(canv: Canvas, style_id: str, x: float, y: float, width: float, height: float):
    """The light band over the month or year a partial date may be in (canvas points)."""
    style = STYLES.get(style_id, STYLES["other"])
    canv.saveState()
    canv.setFillColor(_lighter(_colour(style), 0.7))
    canv.rect(x, y, width, height, stroke=0, fill=1)
    canv.restoreState()


def draw_text(
    canv: Canvas, x: float, baseline: float, value: str, font: str, size: float, colour=None
) -> float:
    """Text in runs, each in a font that has its glyphs; returns the width drawn."""
    canv.saveState()
    canv.setFillColor(colour if colour is not None else colors.black)
    start = x
    for run in split_runs(value, font):
        canv.setFont(run.font, size)
        canv.drawString(x, baseline, run.text)
        x += canv.stringWidth(run.text, run.font, size)
    canv.restoreState()
    return x - start


# --- the chart ---------------------------------------------------------------------------------


class JourneyChart(Flowable):
    """A TimelineLayout as a flowable, ``layout.width`` wide; shrunk to fit a page if it is
    taller than ``max_height`` (a very long history)."""

    def __init__(self, layout: TimelineLayout, *, max_height: float | None = None) -> None:
        super().__init__()
        self.layout = layout
        self.scale = 1.0
        if max_height and layout.height > max_height:
            self.scale = max_height / layout.height
        self.width = layout.width * self.scale
        self.height = layout.height * self.scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        layout = self.layout
        canv.saveState()
        canv.scale(self.scale, self.scale)
        top = layout.height

        def y_of(y: float) -> float:  # layout's y (down from the top) to the canvas's (up)
            return top - y

        for index, lane in enumerate(layout.lanes):
            if index % 2 == 0:
                canv.setFillColor(LANE_SHADE)
                canv.rect(0, y_of(lane.bottom), layout.width, lane.bottom - lane.top, 0, 1)
            title_font = (
                BOLD
                if string_width(lane.title, BOLD, CHART_FONT_SIZE)
                <= (layout.width - lane.title_box.x)
                else REGULAR
            )
            self._text(lane.title_box.x, lane.title_box.y, lane.title, title_font)

        # Today's line behind the marks and words.
        if layout.today_px is not None and layout.today_label is not None:
            x0, y0, x1, y1 = layout.today_label.leader
            canv.saveState()
            canv.setStrokeColor(colors.black)
            canv.setLineWidth(0.9)
            canv.setDash(3, 2)
            canv.line(x0, y_of(y0), x1, y_of(y1))
            canv.restoreState()
            label = layout.today_label
            self._text(label.box.x, label.box.y, label.text, REGULAR)

        # Bands first (a partial date's month or year), then bars, then markers on top.
        for item in layout.items:
            if item.band is not None:
                band = item.band
                draw_band(
                    canv, item.style, band.x, y_of(band.y + band.height), band.width, band.height
                )
        for item in sorted(layout.items, key=lambda i: i.kind != "bar"):
            draw_mark(canv, item.style, [(x, y_of(y)) for x, y in item.outline])

        canv.setStrokeColor(LEADER)
        canv.setLineWidth(0.4)
        for label in layout.labels:
            self._leader(label, y_of)
        for label in layout.labels:
            # Words stay readable where the "today" line passes behind them.
            canv.setFillColor(self._background(label.box.y))
            canv.rect(
                label.box.x - 0.5,
                y_of(label.box.y + label.box.height) + 1,
                label.box.width + 1,
                label.box.height - 2,
                stroke=0,
                fill=1,
            )
            self._text(label.box.x, label.box.y, label.text, REGULAR)

        # The axis: a line, ticks, their labels and the axis title.
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(0.8)
        canv.line(layout.plot_left, y_of(layout.axis_y), layout.plot_right, y_of(layout.axis_y))
        for tick in layout.ticks:
            canv.line(tick.px, y_of(layout.axis_y), tick.px, y_of(layout.axis_y) - 3)
            self._text(tick.box.x, tick.box.y, tick.text, REGULAR)
        box = layout.axis_title_box
        self._text(box.x, box.y, layout.axis_title, REGULAR, colour=MUTED)

        canv.restoreState()

    def _background(self, y: float):
        for index, lane in enumerate(self.layout.lanes):
            if lane.top <= y < lane.bottom:
                return LANE_SHADE if index % 2 == 0 else colors.white
        return colors.white

    def _text(self, x: float, y: float, value: str, font: str, colour=None) -> None:
        """Text whose layout box has its top at ``y`` (down from the chart's top)."""
        baseline = y + LINE_HEIGHT / 2 + CHART_FONT_SIZE * 0.35
        draw_text(self.canv, x, self.layout.height - baseline, value, font, CHART_FONT_SIZE, colour)

    def _leader(self, label: Label, y_of) -> None:
        """The connector from a mark to its label, when they are apart."""
        x0, y0, x1, y1 = label.leader
        if math.hypot(x1 - x0, y1 - y0) < 3:
            return
        self.canv.line(x0, y_of(y0), x1, y_of(y1))


class Swatch(Flowable):
    """A legend's sample of one style."""

    def __init__(self, style_id: str, width: float = 18, height: float = 10) -> None:
        super().__init__()
        self.style_id = style_id
        self.width = width
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        style = STYLES.get(self.style_id, STYLES["other"])
        inset = 1 if style.shape == "bar" else 0
        outline = style_outline(style.shape, 0, inset, self.width, self.height - 2 * inset)
        draw_mark(self.canv, self.style_id, [(x, self.height - y) for x, y in outline])


def needed_legend(layout: TimelineLayout) -> list[tuple[str, str]]:
    """Legend entries for the marks whose own label had to be cut short on a narrow page (every
    other mark is named right beside it, so a full legend would only repeat the chart)."""
    shortened = {
        label.item_id for label in layout.labels if not label.text or label.text.endswith("…")
    }
    styles = {item.style for item in layout.items if item.id in shortened}
    return [(style, words) for style, words in layout.legend if style in styles]


def legend_table(
    legend: list[tuple[str, str]], width: float, styles: Styles, columns: int = 3
) -> Table | None:
    """The chart's legend: a swatch and its words for each style used, in columns."""
    if not legend:
        return None
    column_width = width / columns
    cells = []
    for style_id, words in legend:
        entry = Table(
            [[Swatch(style_id), Paragraph(text(words), styles.tiny)]],
            colWidths=[22, column_width - 22],
        )
        entry.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        cells.append(entry)
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    rows[-1] += [BLANK_CELL() for _ in range(columns - len(rows[-1]))]
    table = Table(rows, colWidths=[column_width] * columns, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
