"""The "when it usually happens" strip: side-effect windows on a days-after-infusion axis.

Pure layout, no drawing: the screen (QPainter) and later the PDF (reportlab) draw the same
boxes. Text is measured through the ``measure(text) -> width`` function the caller gives, so
labels never overlap whatever the font, the language or the text size.

The axis runs from the infusion (day 0) to day 56 or further, with a tick every week. Each row
is one side effect: its title, a bar from the first to the last day it began in the source,
a diamond at the day by which half of the patients had it, and short labels under the bar.
``day_to_x`` is the strip's one scale function (the journey chart's is ``x_scale`` in
core/chart/timeline.py: its axis has margins and may run in years).

Over 400 lines: the strip's layout, its label placement and its grades are one picture, laid out
together so that they never overlap.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from car_t_guide.core.content.care import DayWindow
from car_t_guide.core.dates import format_number
from car_t_guide.core.i18n import translations_in

TICK_STEP = 7  # a tick each week
DEFAULT_LAST_DAY = 56  # 8 weeks: the window the sources speak of

Measure = Callable[[str], float]


def day_to_x(day: float, first_day: float, last_day: float, width: float) -> float:
    """Where ``day`` falls on an axis from ``first_day`` (x = 0) to ``last_day`` (x = width)."""
    if last_day <= first_day:
        raise ValueError(f"empty day range: {first_day} to {last_day}")
    return (day - first_day) / (last_day - first_day) * width


def axis_last_day(windows: Sequence[DayWindow], minimum: int = DEFAULT_LAST_DAY) -> int:
    """The end of the axis: day 56, or the next whole week after the latest window."""
    latest = max((w.last_day for w in windows), default=0)
    return max(minimum, math.ceil(latest / TICK_STEP) * TICK_STEP)


# --- the layout --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextBox:
    """A line of text; (x, y) is its top-left corner, ``height`` one line."""

    text: str
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    def overlaps(self, other: TextBox, gap: float = 0.0) -> bool:
        return (
            self.x < other.right + gap
            and other.x < self.right + gap
            and self.y < other.y + other.height
            and other.y < self.y + self.height
        )


@dataclass(frozen=True)
class Bar:
    """The days a side effect began: a rectangle from ``x0`` to ``x1``."""

    first_day: int
    last_day: int
    x0: float
    x1: float
    y: float
    height: float


@dataclass(frozen=True)
class Marker:
    """The usual day: a diamond centred on (x, y); ``size`` is its full width and height."""

    day: int
    x: float
    y: float
    size: float


@dataclass(frozen=True)
class Row:
    key: str
    title_lines: list[TextBox]
    bar: Bar
    marker: Marker | None
    labels: list[TextBox]
    description: str  # the row in one sentence, for screen readers and tests


@dataclass(frozen=True)
class Tick:
    day: int
    x: float
    label: TextBox | None  # only some ticks are labelled when space is short


@dataclass(frozen=True)
class Axis:
    first_day: int
    last_day: int
    x0: float
    x1: float
    y: float  # the axis line
    grid_top: float  # light week lines run from here down to the axis
    tick_length: float
    ticks: list[Tick]
    caption: list[TextBox]


@dataclass(frozen=True)
class LegendEntry:
    kind: str  # "bar" or "marker"
    swatch_x: float
    swatch_y: float
    swatch_width: float
    swatch_height: float
    label_lines: list[TextBox]


@dataclass(frozen=True)
class StripLayout:
    width: float
    height: float
    rows: list[Row]
    axis: Axis
    legend: list[LegendEntry]

    def x_of(self, day: float) -> float:
        return self.axis.x0 + day_to_x(
            day, self.axis.first_day, self.axis.last_day, self.axis.x1 - self.axis.x0
        )

    def text_boxes(self) -> list[TextBox]:
        boxes = [box for row in self.rows for box in (*row.title_lines, *row.labels)]
        boxes += [t.label for t in self.axis.ticks if t.label is not None]
        boxes += self.axis.caption
        boxes += [box for entry in self.legend for box in entry.label_lines]
        return boxes


@dataclass(frozen=True)
class StripRow:
    """One side effect to draw: an id, its title, and its sourced window."""

    key: str
    title: str
    window: DayWindow


def wrap_text(text: str, measure: Measure, max_width: float) -> list[str]:
    """Split at spaces into lines no wider than ``max_width`` (a single long word stays whole)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and measure(candidate) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


class _Lines:
    """Lines of labels below a bar: each label goes on the first line where it fits."""

    def __init__(self, top: float, line_height: float, gap: float, width: float):
        self.top = top
        self.line_height = line_height
        self.gap = gap
        self.width = width
        self.placed: list[TextBox] = []

    def place(
        self,
        text: str,
        text_width: float,
        candidates: Sequence[float],
        below: TextBox | None = None,
    ) -> TextBox:
        line = 0 if below is None else round((below.y - self.top) / self.line_height) + 1
        while True:
            y = self.top + line * self.line_height
            for x in candidates:
                x = min(max(x, 0.0), max(self.width - text_width, 0.0))
                box = TextBox(text, x, y, text_width, self.line_height)
                if not any(box.overlaps(other, self.gap) for other in self.placed):
                    self.placed.append(box)
                    return box
            line += 1

    def place_wrapped(
        self, text: str, measure: Measure, candidates: Callable[[float], Sequence[float]]
    ) -> list[TextBox]:
        """Place a label; one wider than the strip is wrapped, each line placed below the last."""
        parts = [text] if measure(text) <= self.width else wrap_text(text, measure, self.width)
        boxes = []
        for part in parts:
            w = min(measure(part), self.width)
            box = self.place(part, w, candidates(w), below=boxes[-1] if boxes else None)
            boxes.append(box)
        return boxes

    @property
    def bottom(self) -> float:
        return max((box.y + box.height for box in self.placed), default=self.top)


def layout_strip(
    rows: Sequence[StripRow],
    width: float,
    measure: Measure,
    line_height: float,
    lang: str,
    *,
    measure_title: Measure | None = None,
    first_day: int = 0,
    last_day: int | None = None,
    show_titles: bool = True,
) -> StripLayout:
    """Lay the rows out in a strip ``width`` wide; the height follows from the text.

    ``show_titles=False`` leaves out the row titles (a strip of one side effect, on its own
    screen, under its own heading); the descriptions still name it.
    """
    tr = translations_in(lang)
    measure_title = measure_title or measure
    if last_day is None:
        last_day = axis_last_day([row.window for row in rows])
    gap = 0.5 * line_height
    marker_size = 0.9 * line_height
    bar_height = 0.55 * line_height

    # The plot leaves room for the first and last tick labels (centred on their ticks).
    first_label = format_number(first_day, lang)
    last_label = format_number(last_day, lang)
    x0 = max(measure(first_label) / 2, marker_size / 2)
    x1 = width - max(measure(last_label) / 2, marker_size / 2)
    if x1 <= x0:
        x1 = x0 + 1.0

    def x_of(day: float) -> float:
        return x0 + day_to_x(day, first_day, last_day, x1 - x0)

    laid_rows: list[Row] = []
    y = 0.0
    for row in rows:
        window = row.window
        titles = []
        for text in wrap_text(row.title, measure_title, width) if show_titles else []:
            titles.append(TextBox(text, 0.0, y, min(measure_title(text), width), line_height))
            y += line_height
        y += 0.15 * line_height
        centre = y + marker_size / 2
        bar = Bar(
            window.first_day,
            window.last_day,
            x_of(window.first_day),
            x_of(window.last_day),
            centre - bar_height / 2,
            bar_height,
        )
        marker = None
        if window.usual_day is not None:
            marker = Marker(window.usual_day, x_of(window.usual_day), centre, marker_size)
        y += marker_size + 0.15 * line_height

        lines = _Lines(y, line_height, gap, width)
        labels: list[TextBox] = []
        if marker is not None:
            text = tr.gettext("half by day {n}").format(n=format_number(marker.day, lang))
            labels += lines.place_wrapped(
                text, measure, lambda w, m=marker: [m.x - w / 2, m.x - marker_size / 2]
            )
        text = tr.gettext("up to day {n}").format(n=format_number(window.last_day, lang))
        labels += lines.place_wrapped(text, measure, lambda w, b=bar: [b.x1 - w, b.x1 + gap])
        y = lines.bottom + line_height  # a clear gap before the next row's title

        description = tr.gettext(
            "{title}: began between day {first} and day {last} for most patients."
        ).format(
            title=row.title,
            first=format_number(window.first_day, lang),
            last=format_number(window.last_day, lang),
        )
        if marker is not None:
            description += " " + tr.gettext("Half had begun by day {n}.").format(
                n=format_number(marker.day, lang)
            )
        laid_rows.append(Row(row.key, titles, bar, marker, labels, description))

    grid_top = laid_rows[0].bar.y if laid_rows else y
    axis = _layout_axis(
        first_day, last_day, x0, x1, y, grid_top, width, measure, line_height, tr, lang
    )
    y = axis.caption[-1].y + line_height + gap if axis.caption else axis.y + line_height
    legend, y = _layout_legend(
        any(row.window.usual_day is not None for row in rows),
        y,
        width,
        measure,
        line_height,
        marker_size,
        bar_height,
        tr,
    )
    return StripLayout(width, y, laid_rows, axis, legend)


def _layout_axis(
    first_day, last_day, x0, x1, y, grid_top, width, measure, line_height, tr, lang
) -> Axis:
    def x_of(day: float) -> float:
        return x0 + day_to_x(day, first_day, last_day, x1 - x0)

    tick_length = 0.3 * line_height
    label_top = y + tick_length + 0.1 * line_height
    days = list(range(first_day, last_day + 1, TICK_STEP))
    gap = 0.5 * line_height
    # Label every week if the labels fit, else every second week, and so on.
    step = TICK_STEP
    while True:
        boxes: dict[int, TextBox] = {}
        for day in days:
            if (day - first_day) % step:
                continue
            text = format_number(day, lang)
            w = measure(text)
            boxes[day] = TextBox(text, x_of(day) - w / 2, label_top, w, line_height)
        ordered = list(boxes.values())
        pairs = zip(ordered, ordered[1:], strict=False)
        if all(not a.overlaps(b, gap) for a, b in pairs) or step > last_day:
            break
        step += TICK_STEP
    ticks = [Tick(day, x_of(day), boxes.get(day)) for day in days]
    caption_top = label_top + line_height
    caption = [
        TextBox(text, 0.0, caption_top + i * line_height, min(measure(text), width), line_height)
        for i, text in enumerate(
            wrap_text(tr.gettext("Days after the infusion (the infusion is day 0)"), measure, width)
        )
    ]
    return Axis(first_day, last_day, x0, x1, y, grid_top, tick_length, ticks, caption)


def _layout_legend(
    with_marker, y, width, measure, line_height, marker_size, bar_height, tr
) -> tuple[list[LegendEntry], float]:
    entries = [
        ("bar", tr.gettext("When it began for most patients"), 2.0 * line_height, bar_height)
    ]
    if with_marker:
        entries.append(
            ("marker", tr.gettext("Half had begun by this day"), marker_size, marker_size)
        )
    legend = []
    x = 0.0
    line_top = y
    bottom = y
    gap = 0.4 * line_height
    spacing = 1.2 * line_height
    for kind, text, swatch_width, swatch_height in entries:
        beside = width - swatch_width - gap
        lines = wrap_text(text, measure, max(beside, 1.0))
        text_width = max(measure(line) for line in lines)
        needed = swatch_width + gap + text_width
        if x > 0 and x + needed > width:  # does not fit beside the last one: a new line
            x = 0.0
            line_top = bottom + 0.3 * line_height
        if text_width <= beside:
            text_x, text_top = x + swatch_width + gap, line_top
        else:  # a very narrow strip: the text goes under its swatch
            lines = wrap_text(text, measure, width)
            text_x, text_top = 0.0, line_top + line_height
            needed = width
        boxes = [
            TextBox(
                line, text_x, text_top + i * line_height, min(measure(line), width), line_height
            )
            for i, line in enumerate(lines)
        ]
        legend.append(
            LegendEntry(
                kind,
                x,
                line_top + (line_height - swatch_height) / 2,
                swatch_width,
                swatch_height,
                boxes,
            )
        )
        bottom = max(bottom, text_top + len(lines) * line_height)
        x += needed + spacing
    return legend, bottom
