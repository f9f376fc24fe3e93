"""The journey chart as data: lanes, bars, markers, labels, ticks, today.

Drawn by pyqtgraph on screen (ui/) and by reportlab in the PDF (report/), from the same layout,
so they agree. The layout measures text through the function it is given (QFontMetrics in ui/,
stringWidth in report/) and puts each label beside its mark, moving marks that would touch to
further rows, so no label overlaps another label or a mark at that font and width.

Coordinates: ``x0``/``x1`` are data (years in the "history" zoom, days from day 0 in the "car_t"
zoom); everything else is in the drawer's units, x to the right and y down from the top-left.
A day is the interval [day, day + 1): a mark for a day sits in its middle, and a span "through
day 14" ends where day 15 begins. Partial history dates ("2009") are spans over their year or
month, drawn as a light band with the marker in its middle.

Over 400 lines: the lanes, the axis and the label placement are one layout, computed together
so that the screen and the paper draw the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from babel.dates import format_skeleton

from car_t_guide.core.chart.label_layout import MarkRequest, fit_text, place_marks
from car_t_guide.core.chart.shapes import Point, bar_outline, marker_outline
from car_t_guide.core.chart.styles import STYLES, history_style
from car_t_guide.core.dates import format_day_number, format_number, format_partial, format_year
from car_t_guide.core.i18n import current_language, translations_in
from car_t_guide.core.journey import KeyDate
from car_t_guide.core.session.checks import (
    INFUSION_AFTER_LYMPHODEPLETION_DAYS,
    lymphodepletion_end,
)
from car_t_guide.core.session.model import HistoryEvent, Session

HISTORY_ZOOM = "history"
CAR_T_ZOOM = "car_t"
ZOOMS = (HISTORY_ZOOM, CAR_T_ZOOM)
LANES = ("history", "car_t", "after")

# The CAR T window shows at least the first 8 weeks (neurologic effects: kymriah-pi), and the
# center's follow-up visits of the first 100 days (so the first weeks stay readable); later
# ones are in the key-date list.
CAR_T_WINDOW_MIN_DAYS = 63
CAR_T_WINDOW_MAX_FOLLOW_UP = 100
MANUFACTURING_USUAL_DAYS = 28  # "usually 3 to 4 weeks" (kymriah-patient-site)

Measure = Callable[[str], float]


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.x < other.x + other.width
            and other.x < self.x + self.width
            and self.y < other.y + other.height
            and other.y < self.y + self.height
        )


@dataclass(frozen=True)
class ChartItem:
    id: str
    lane: str
    kind: str  # "marker" or "bar"
    style: str  # a key of chart_styles.STYLES
    x0: float  # data: start (a marker's uncertainty band starts here)
    x1: float  # data: end
    x: float  # data: where the marker sits (middle of its day or band)
    detail: str  # when, in words: "May 2013", "May 3 – 6, 2013"
    approximate: bool  # a partial date's band, or a usual time rather than the family's own
    left: float = 0.0  # drawing units from here on
    right: float = 0.0
    center: float = 0.0
    row: int = 0  # within the lane
    y: float = 0.0  # middle of the mark and its label
    height: float = 0.0  # of the mark
    # What the renderers draw, decided here so the screen and the paper cannot differ: the
    # mark's outline (a polygon, y down), and for a marker whose date is not exact, the band
    # over the month or year it may be in (drawn lightly behind the marker), else None.
    outline: tuple[Point, ...] = ()
    band: Box | None = None


@dataclass(frozen=True)
class Label:
    item_id: str
    text: str
    box: Box
    row: int  # the row of its mark, within the lane
    # A line from the mark to its label: a short horizontal connector, as the label sits beside
    # its mark; for "today", the day's vertical line from the label down to the axis.
    leader: tuple[float, float, float, float]  # x, y at the mark; x, y at the label


@dataclass(frozen=True)
class LaneLayout:
    id: str
    title: str
    title_box: Box
    top: float
    bottom: float
    rows: int


@dataclass(frozen=True)
class Tick:
    x: float  # data
    px: float
    text: str
    box: Box


@dataclass(frozen=True)
class TimelineLayout:
    zoom: str
    unit: str  # "years" or "days"
    origin: date | None  # day 0 of a "days" axis (the infusion, or collection before it is set)
    axis_title: str
    x_min: float
    x_max: float
    width: float
    height: float
    plot_left: float
    plot_right: float
    axis_y: float
    lanes: list[LaneLayout]
    items: list[ChartItem]
    labels: list[Label]
    ticks: list[Tick]
    axis_title_box: Box
    today_px: float | None  # None when today is outside the chart
    today_label: Label | None
    legend: list[tuple[str, str]] = field(default_factory=list)  # (style, words)

    def px(self, x: float) -> float:
        return x_scale(self.x_min, self.x_max, self.plot_left, self.plot_right)(x)

    def text_boxes(self) -> list[Box]:
        """Every piece of text on the chart; none of them overlap."""
        boxes = [lane.title_box for lane in self.lanes]
        boxes += [label.box for label in self.labels]
        boxes += [tick.box for tick in self.ticks]
        boxes.append(self.axis_title_box)
        if self.today_label:
            boxes.append(self.today_label.box)
        return [box for box in boxes if box.width > 0]


# --- data coordinates ----------------------------------------------------------------------------


def x_scale(x_min: float, x_max: float, left: float, right: float) -> Callable[[float], float]:
    """Data x to drawing units: [x_min, x_max] onto [left, right]."""
    span = (x_max - x_min) or 1.0
    return lambda x: left + (x - x_min) / span * (right - left)


def year_fraction(day: date) -> float:
    start = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


class _Axis:
    def __init__(self, zoom: str, origin: date | None):
        self.zoom = zoom
        self.origin = origin

    def start_of(self, day: date) -> float:
        if self.zoom == HISTORY_ZOOM:
            return year_fraction(day)
        assert self.origin is not None
        return float((day - self.origin).days)

    def after(self, day: date) -> float:
        """Where the next day begins: the end of a span that includes ``day``."""
        return self.start_of(day + timedelta(days=1))

    def middle_of(self, day: date) -> float:
        return (self.start_of(day) + self.after(day)) / 2


@dataclass
class _Draft:
    id: str
    lane: str
    kind: str
    style: str
    x0: float
    x1: float
    x: float
    label: str
    detail: str
    approximate: bool = False


# --- what goes on the chart -------------------------------------------------------------------


def _event_label(event: HistoryEvent, tr) -> str:
    """Short words for a history event; a nurse's note names treatments and other events."""
    if event.kind in ("other", "treatment") and event.note:
        first = event.note.strip().splitlines()[0] if event.note.strip() else ""
        for stop in (". ", "; ", ": "):
            first = first.split(stop)[0]
        if first:
            return first.rstrip(".")
    return tr.gettext(STYLES[history_style(event.kind, event.site)].label)


def _event_draft(index: int, event: HistoryEvent, lane: str, axis: _Axis, tr, lang: str) -> _Draft:
    first, last = event.date.first_day, event.date.last_day
    x0, x1 = axis.start_of(first), axis.after(last)
    return _Draft(
        f"history-{index}",
        lane,
        "marker",
        history_style(event.kind, event.site),
        x0,
        x1,
        (x0 + x1) / 2,
        _event_label(event, tr),
        format_partial(event.date, lang),
        approximate=not event.date.is_full,
    )


def _history_drafts(session: Session, axis: _Axis, tr, lang: str) -> list[_Draft]:
    infusion = session.plan.infusion
    drafts = []
    for index, event in enumerate(session.history):
        after = infusion is not None and event.date.first_day > infusion
        drafts.append(_event_draft(index, event, "after" if after else "history", axis, tr, lang))
    return drafts


def _key_date_bar(key: KeyDate, lane: str, style: str, axis: _Axis) -> _Draft | None:
    if key.date is None:
        return None
    last = key.end or key.date
    x0, x1 = axis.start_of(key.date), axis.after(last)
    return _Draft(
        key.id,
        lane,
        "bar",
        style,
        x0,
        x1,
        (x0 + x1) / 2,
        key.title,
        key.when_text,
        approximate=key.usual,
    )


def _key_date_marker(key: KeyDate, lane: str, style: str, axis: _Axis) -> _Draft | None:
    if key.date is None:
        return None
    x = axis.middle_of(key.date)
    return _Draft(key.id, lane, "marker", style, x, x, x, key.title, key.when_text)


def _history_zoom_drafts(session, keys: dict[str, KeyDate], axis, tr, lang) -> list[_Draft]:
    drafts = _history_drafts(session, axis, tr, lang)
    plan = session.plan
    if plan.collection and plan.infusion and plan.collection < plan.infusion:
        x0, x1 = axis.start_of(plan.collection), axis.after(plan.infusion)
        drafts.append(
            _Draft(
                "car_t_steps",
                "car_t",
                "bar",
                "car_t_steps",
                x0,
                x1,
                (x0 + x1) / 2,
                tr.gettext(STYLES["car_t_steps"].label),
                keys["manufacturing"].when_text,
            )
        )
    elif "collection" in keys:
        drafts.append(_key_date_marker(keys["collection"], "car_t", "collection", axis))
    if plan.infusion:
        drafts.append(_key_date_marker(keys["infusion"], "car_t", "infusion", axis))
    return [d for d in drafts if d is not None]


def _car_t_zoom_drafts(session, keys: dict[str, KeyDate], axis, tr, lang) -> list[_Draft]:
    _ = tr.gettext
    plan = session.plan
    drafts: list[_Draft | None] = []
    if "collection" in keys:
        drafts.append(_key_date_marker(keys["collection"], "car_t", "collection", axis))
    if plan.infusion:
        drafts.append(_key_date_bar(keys["manufacturing"], "car_t", "manufacturing", axis))
    elif plan.collection:
        # The usual making time, in days from collection: a usual time, never a calendar date.
        x0 = axis.start_of(plan.collection)
        x1 = x0 + MANUFACTURING_USUAL_DAYS
        drafts.append(
            _Draft(
                "manufacturing",
                "car_t",
                "bar",
                "manufacturing_usual",
                x0,
                x1,
                (x0 + x1) / 2,
                tr.gettext(STYLES["manufacturing_usual"].label),
                keys["manufacturing"].when_text,
                approximate=True,
            )
        )
    if "bridging" in keys:
        bridging = keys["bridging"]
        if bridging.end:
            drafts.append(_key_date_bar(bridging, "car_t", "bridging", axis))
        else:
            drafts.append(_key_date_marker(bridging, "car_t", "bridging_start", axis))
    if plan.lymphodepletion_start:
        drafts.append(_key_date_bar(keys["lymphodepletion"], "car_t", "lymphodepletion", axis))
    if plan.infusion:
        drafts.append(_key_date_marker(keys["infusion"], "car_t", "infusion", axis))
    elif plan.lymphodepletion_start:
        end = lymphodepletion_end(plan.lymphodepletion_start)
        shortest, longest = INFUSION_AFTER_LYMPHODEPLETION_DAYS
        x0 = axis.start_of(end + timedelta(days=shortest))
        x1 = axis.after(end + timedelta(days=longest))
        drafts.append(
            _Draft(
                "infusion",
                "car_t",
                "bar",
                "infusion_usual",
                x0,
                x1,
                (x0 + x1) / 2,
                tr.gettext(STYLES["infusion_usual"].label),
                keys["infusion"].when_text,
                approximate=True,
            )
        )
    if plan.infusion:
        for key_id in (
            "stay_near_center",
            "no_driving",
            "daily_checks",
            "watch_crs",
            "watch_neuro",
        ):
            drafts.append(_key_date_bar(keys[key_id], "after", key_id, axis))
        drafts.append(_key_date_marker(keys["day_28"], "after", "day_28", axis))
        for key in keys.values():
            if key.id.startswith("follow_up_") and (key.day or 0) <= CAR_T_WINDOW_MAX_FOLLOW_UP:
                visit = _key_date_marker(key, "after", "follow_up", axis)
                if visit is not None:  # several visits: say which day each is
                    visit.label = _("Follow-up visit ({day})").format(
                        day=format_day_number(key.day or 0, lang)
                    )
                drafts.append(visit)
    drafts.extend(_history_drafts(session, axis, tr, lang))
    return [d for d in drafts if d is not None]


def _car_t_range(session: Session, keys: dict[str, KeyDate], axis: _Axis) -> tuple[float, float]:
    plan = session.plan
    low, high = [0.0], [1.0]
    for day in (plan.collection, plan.bridging_start, plan.lymphodepletion_start):
        if day:
            low.append(axis.start_of(day))
            high.append(axis.after(day))
    if plan.infusion:
        high.append(float(CAR_T_WINDOW_MIN_DAYS))
        for key in keys.values():
            if key.end_day is not None and key.end_day <= CAR_T_WINDOW_MAX_FOLLOW_UP:
                high.append(key.end_day + 1.0)
    else:
        # Room after the usual making time, so its bar does not fill the chart and leave its
        # label no space (it was cut to "Us…" for a family with only a collection date).
        high.append(MANUFACTURING_USUAL_DAYS * 1.5)
        if plan.lymphodepletion_start:
            end = lymphodepletion_end(plan.lymphodepletion_start)
            high.append(axis.after(end + timedelta(days=INFUSION_AFTER_LYMPHODEPLETION_DAYS[1])))
    x_min, x_max = min(low), max(high)
    pad = max((x_max - x_min) * 0.03, 1.0)
    return x_min - pad, x_max + pad


def _history_range(drafts: list[_Draft]) -> tuple[float, float]:
    if not drafts:
        return 0.0, 1.0
    x_min = min(d.x0 for d in drafts)
    x_max = max(d.x1 for d in drafts)
    pad = max((x_max - x_min) * 0.03, 1 / 12)
    return x_min - pad, x_max + pad


# --- ticks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _TickScale:
    """Round steps for one axis: tick values are whole units (months, or days from day 0)."""

    steps: tuple[int, ...]
    place: Callable[[int], float]  # a value's data x
    text: Callable[[int], str]
    first_value: Callable[[float], int]  # the first whole unit at or after a data x


def _month_scale(lang: str) -> _TickScale:
    """History axis: ticks on the first of a month (value = year * 12 + month - 1); a January
    tick says the year, other months their short name."""

    def place(value: int) -> float:
        return year_fraction(date(value // 12, value % 12 + 1, 1))

    def text(value: int) -> str:
        if value % 12 == 0:
            return format_year(value // 12, lang)
        return format_skeleton("MMM", date(value // 12, value % 12 + 1, 1), locale=lang)

    def first_value(x: float) -> int:
        year = math.floor(x)
        month = math.ceil((x - year) * 12)
        return year * 12 + month

    return _TickScale((1, 3, 6, 12, 24, 60, 120, 240, 600, 1200), place, text, first_value)


def _day_scale(text: Callable[[int], str]) -> _TickScale:
    # A day's tick in the middle of the day.
    return _TickScale(
        (1, 2, 7, 14, 28, 56, 91, 182, 364), lambda v: v + 0.5, text, lambda x: math.ceil(x - 0.5)
    )


def _ticks(
    scale: _TickScale,
    x_min: float,
    x_max: float,
    measure: Measure,
    px: Callable[[float], float],
    width: float,
    gap: float,
    y: float,
    height: float,
) -> list[Tick]:
    """The finest round step whose labels fit side by side; any label that would still touch
    its neighbour (a narrow chart) is left out rather than overlapped."""
    chosen: list[int] = []
    for step in scale.steps:
        first = scale.first_value(x_min)
        first = -(-first // step) * step  # round up to the step
        while scale.place(first) < x_min:
            first += step
        chosen = []
        value = first
        while scale.place(value) <= x_max:
            chosen.append(value)
            value += step
        widest = max((measure(scale.text(v)) for v in chosen), default=0.0)
        spacing = (
            px(scale.place(chosen[1])) - px(scale.place(chosen[0])) if len(chosen) > 1 else width
        )
        if spacing >= widest + 2 * gap:
            break
    ticks: list[Tick] = []
    for value in chosen:
        label = fit_text(scale.text(value), measure, width)
        w = measure(label)
        center = px(scale.place(value))
        left = min(max(center - w / 2, 0.0), max(width - w, 0.0))
        box = Box(left, y, w, height)
        if ticks and ticks[-1].box.x + ticks[-1].box.width + gap > left:
            continue
        ticks.append(Tick(scale.place(value), center, label, box))
    return ticks


# --- what is drawn ------------------------------------------------------------------------------

# The thinnest a bar or a band is drawn, as a share of the marker size: a one-day bar on a
# years-wide axis must still show.
THINNEST = 0.12
BAND_HEIGHT = 0.6  # a band is lower than its marker, so the marker stands out on it


def has_chart(session: Session) -> bool:
    """The chart shows (on screen and on paper) once a collection or infusion day is known."""
    return bool(session.plan.collection or session.plan.infusion)


def _drawing(
    draft: _Draft,
    left: float,
    right: float,
    center: float,
    middle: float,
    marker_size: float,
    px: Callable[[float], float],
) -> tuple[tuple[Point, ...], Box | None]:
    thinnest = marker_size * THINNEST
    if draft.kind == "bar":
        return bar_outline(left, max(right, left + thinnest), middle, marker_size), None
    outline = marker_outline(STYLES[draft.style].shape, center, middle, marker_size)
    band = None
    if draft.approximate:
        band_left = px(draft.x0)
        band_width = max(px(draft.x1) - band_left, thinnest)
        height = marker_size * BAND_HEIGHT
        band = Box(band_left, middle - height / 2, band_width, height)
    return outline, band


# --- the layout ---------------------------------------------------------------------------------


def layout_timeline(
    session: Session,
    key_dates: list[KeyDate],
    *,
    zoom: str,
    today: date,
    measure: Measure,
    width: float,
    line_height: float = 1.0,
    track_height: float | None = None,
    lang: str | None = None,
) -> TimelineLayout:
    """Place everything for one zoom. ``measure(text)`` is a text's width and ``line_height``
    its height, in the same units as ``width``."""
    if zoom not in ZOOMS:
        raise ValueError(f"unknown zoom {zoom!r}; use one of {ZOOMS}")
    lang = lang or current_language()
    tr = translations_in(lang)
    _ = tr.gettext  # named _ so the catalogue extractor finds the texts
    keys = {key.id: key for key in key_dates}
    plan = session.plan
    track_height = track_height or line_height
    row_height = max(track_height, line_height) * 1.15  # a little air between rows
    gap = max(measure(" "), line_height * 0.25)
    marker_size = track_height * 0.8

    if zoom == HISTORY_ZOOM:
        axis = _Axis(zoom, None)
        drafts = _history_zoom_drafts(session, keys, axis, tr, lang)
        x_min, x_max = _history_range(drafts)
        today_x = year_fraction(today) + 0.5 / 365
        if x_max < today_x <= x_max + 1.0:  # today shortly after the last event: show it
            x_max = today_x + (x_max - x_min) * 0.03
        unit = "years"
        axis_title = _("Year")
        origin = None
    else:
        origin = plan.infusion or plan.collection or today
        axis = _Axis(zoom, origin)
        drafts = _car_t_zoom_drafts(session, keys, axis, tr, lang)
        x_min, x_max = _car_t_range(session, keys, axis)
        today_x = axis.middle_of(today)
        unit = "days"
        if plan.infusion:
            axis_title = _("Days after the infusion (day 0)")
        else:
            axis_title = _("Days from T cell collection")
        # Marks reaching past the window (a long history band, a late event) are cut at its edge.
        drafts = [d for d in drafts if d.x1 >= x_min and d.x0 <= x_max]
        for d in drafts:
            d.x0, d.x1 = max(d.x0, x_min), min(d.x1, x_max)
            d.x = min(max(d.x, x_min), x_max)

    plot_left, plot_right = marker_size, max(width - marker_size, marker_size + 1.0)

    px = x_scale(x_min, x_max, plot_left, plot_right)

    # Header row: the "today" label.
    y = 0.0
    header_top = y
    y += line_height
    lanes: list[LaneLayout] = []
    items: list[ChartItem] = []
    labels: list[Label] = []
    lane_titles = {
        "history": _("Treatment history"),
        "car_t": _("CAR T steps"),
        "after": _("After the infusion"),
    }
    for lane_id in LANES:
        lane_drafts = [d for d in drafts if d.lane == lane_id]
        if not lane_drafts and lane_id != "car_t":
            continue
        top = y
        title = fit_text(lane_titles[lane_id], measure, width)
        title_box = Box(0.0, y, measure(title), line_height)
        y += line_height
        # Each mark with its label beside it; a mark that would touch another goes a row down.
        geometry = {}
        requests = []
        for draft in lane_drafts:
            left, right, center = px(draft.x0), px(draft.x1), px(draft.x)
            if draft.kind == "marker":
                left = min(left, center - marker_size / 2)
                right = max(right, center + marker_size / 2)
            geometry[draft.id] = (left, right, center)
            requests.append(MarkRequest(draft.id, left, right, draft.label))
        placed = place_marks(requests, measure=measure, width=width, gap=gap)
        rows = max((p.row for p in placed), default=0) + 1
        for draft, mark in zip(lane_drafts, placed, strict=True):
            left, right, center = geometry[draft.id]
            middle = y + (mark.row + 0.5) * row_height
            outline, band = _drawing(draft, left, right, center, middle, marker_size, px)
            items.append(
                ChartItem(
                    draft.id,
                    lane_id,
                    draft.kind,
                    draft.style,
                    draft.x0,
                    draft.x1,
                    draft.x,
                    draft.detail,
                    draft.approximate,
                    left,
                    right,
                    center,
                    mark.row,
                    middle,
                    marker_size,
                    outline,
                    band,
                )
            )
            box = Box(mark.label_left, middle - line_height / 2, mark.label_width, line_height)
            if mark.label_left >= right:
                leader = (right, middle, mark.label_left, middle)
            else:
                leader = (left, middle, mark.label_right, middle)
            labels.append(Label(draft.id, mark.text, box, mark.row, leader))
        y += rows * row_height
        lanes.append(LaneLayout(lane_id, title, title_box, top, y, rows))
        y += line_height * 0.5

    axis_y = y
    y += line_height * 0.25
    if zoom == HISTORY_ZOOM:
        scale = _month_scale(lang)
    elif plan.infusion is not None:
        scale = _day_scale(lambda value: format_day_number(value, lang))
    else:
        scale = _day_scale(lambda value: format_number(value, lang))
    ticks = _ticks(scale, x_min, x_max, measure, px, width, gap, y, line_height)
    y += line_height
    axis_label = fit_text(axis_title, measure, width)
    axis_width = measure(axis_label)
    axis_title_box = Box(max((width - axis_width) / 2, 0.0), y, axis_width, line_height)
    y += line_height

    today_px = px(today_x) if x_min <= today_x <= x_max else None
    today_label = None
    if today_px is not None:
        text = fit_text(_("Today"), measure, width)
        w = measure(text)
        left = min(max(today_px - w / 2, 0.0), max(width - w, 0.0))
        today_label = Label(
            "today",
            text,
            Box(left, header_top, w, line_height),
            0,
            (today_px, axis_y, today_px, header_top + line_height),
        )

    used = []
    for item in items:
        if item.style not in used:
            used.append(item.style)
    if today_px is not None:
        used.append("today")
    legend = [(style, tr.gettext(STYLES[style].legend)) for style in used]

    return TimelineLayout(
        zoom=zoom,
        unit=unit,
        origin=origin,
        axis_title=axis_label,
        x_min=x_min,
        x_max=x_max,
        width=width,
        height=y,
        plot_left=plot_left,
        plot_right=plot_right,
        axis_y=axis_y,
        lanes=lanes,
        items=items,
        labels=labels,
        ticks=ticks,
        axis_title_box=axis_title_box,
        today_px=today_px,
        today_label=today_label,
        legend=legend,
    )


__all__ = [
    "CAR_T_ZOOM",
    "has_chart",
    "HISTORY_ZOOM",
    "Box",
    "ChartItem",
    "Label",
    "LaneLayout",
    "Tick",
    "TimelineLayout",
    "layout_timeline",
    "year_fraction",
]
