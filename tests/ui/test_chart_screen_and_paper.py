"""The screen and the PDF draw the same chart: one layout, laid out once, drawn by both, gives
the same marks (style and outline) and the same "not an exact date" bands."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.pdfgen.canvas import Canvas

from car_t_guide.core.chart.timeline import CAR_T_ZOOM, HISTORY_ZOOM, TimelineLayout
from car_t_guide.core.dates import PartialDate
from car_t_guide.core.journey import key_dates
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.examples import EXAMPLE_COUNT, load_example
from car_t_guide.core.session.model import HistoryEvent, Plan, Session
from car_t_guide.report import chart as paper
from car_t_guide.report.fonts import register_fonts

TODAY = date(2026, 11, 26)
SETTINGS = CenterSettings(follow_up_days=(28, 90))


def _hostile_sessions() -> dict[str, Session]:
    crowded = [
        HistoryEvent("treatment", PartialDate(2012, 1 + i % 12, 1 + i % 27), note=f"Block {i}")
        for i in range(120)
    ]
    return {
        "collection only": Session(plan=Plan(collection=date(2026, 11, 2))),
        "waiting for infusion": Session(
            plan=Plan(collection=date(2026, 10, 1), lymphodepletion_start=date(2026, 11, 20))
        ),
        "years and months only": Session(
            plan=Plan(collection=date(2020, 3, 1), infusion=date(2020, 4, 2)),
            history=[
                HistoryEvent("diagnosis", PartialDate(1901)),
                HistoryEvent("relapse", PartialDate(2019, 2), site="cns"),
                HistoryEvent("relapse", PartialDate(2020, 6), site="other"),  # after infusion
            ],
        ),
        "crowded history": Session(
            plan=Plan(collection=date(2013, 3, 20), infusion=date(2013, 5, 10)), history=crowded
        ),
    }


def _families() -> list[tuple[str, Session]]:
    families = [
        (f"example {n}", load_example(n, today=TODAY)) for n in range(1, EXAMPLE_COUNT + 1)
    ]
    return families + list(_hostile_sessions().items())


def _rounded(points) -> tuple:
    # Tenths of a unit: the paper flips y (top - y), which moves the last digits.
    return tuple((round(x, 1), round(y, 1)) for x, y in points)


def _same(screen: list, paper: list) -> None:
    assert len(screen) == len(paper)
    for drawn_on_screen, drawn_on_paper in zip(screen, paper, strict=True):
        assert drawn_on_screen[0] == drawn_on_paper[0]  # the style
        assert _flat(drawn_on_screen[1:]) == pytest.approx(_flat(drawn_on_paper[1:]), abs=0.11)


def _flat(value) -> list[float]:
    if isinstance(value, tuple | list):
        return [number for part in value for number in _flat(part)]
    return [value]


def _drawn_on_screen(layout: TimelineLayout, qtbot) -> tuple[list, list]:
    from car_t_guide.ui.widgets.journey_chart import JourneyChart

    widget = JourneyChart()
    qtbot.addWidget(widget)
    widget._draw(layout)
    styles = {item.id: item.style for item in layout.items}
    marks, bands = [], []
    for graphic in widget.view.addedItems:
        tag = graphic.data(0)
        if not tag:
            continue
        kind, item_id = tag
        if kind == "mark":
            points = [(p.x(), p.y()) for p in graphic.polygon()]
            marks.append((styles[item_id], _rounded(points)))
        else:
            rect = graphic.rect()
            bands.append((styles[item_id], _rounded([(rect.x(), rect.y())]),
                          round(rect.width(), 1), round(rect.height(), 1)))  # fmt: skip
    return sorted(marks), sorted(bands)


def _drawn_on_paper(layout: TimelineLayout, monkeypatch) -> tuple[list, list]:
    marks, bands = [], []
    top = layout.height  # the flowable flips y: layout y = top - canvas y

    def record_mark(canv, style_id, points):
        if len(points) > 2:  # outlines; a two-point line is the "today" swatch, not an item
            marks.append((style_id, _rounded([(x, top - y) for x, y in points])))

    def record_band(canv, style_id, x, y, width, height):
        bands.append((style_id, _rounded([(x, top - y - height)]), round(width, 1),
                      round(height, 1)))  # fmt: skip

    monkeypatch.setattr(paper, "draw_mark", record_mark)
    monkeypatch.setattr(paper, "draw_band", record_band)
    flowable = paper.JourneyChart(layout)
    canvas = Canvas("/dev/null")
    flowable.drawOn(canvas, 0, 0)
    return sorted(marks), sorted(bands)


@pytest.mark.parametrize("zoom", [CAR_T_ZOOM, HISTORY_ZOOM])
@pytest.mark.parametrize("name,session", _families(), ids=[name for name, _ in _families()])
def test_screen_and_paper_draw_the_same_marks_and_bands(name, session, zoom, qtbot, monkeypatch):
    register_fonts()
    keys = key_dates(session, SETTINGS, today=TODAY, lang="en")
    layout = paper.chart_layout(session, keys, zoom=zoom, today=TODAY, width=520, lang="en")
    on_screen = _drawn_on_screen(layout, qtbot)
    on_paper = _drawn_on_paper(layout, monkeypatch)
    _same(on_screen[0], on_paper[0])  # every mark, in its style and outline
    _same(on_screen[1], on_paper[1])  # every band, and no other
    assert len(on_screen[0]) == len(layout.items)


def test_an_exact_date_has_no_band_and_a_partial_date_has_one():
    session = _hostile_sessions()["years and months only"]
    keys = key_dates(session, SETTINGS, today=TODAY, lang="en")
    layout = paper.chart_layout(session, keys, zoom=HISTORY_ZOOM, today=TODAY, width=520,
                                lang="en")  # fmt: skip
    by_style = {item.style: item for item in layout.items}
    assert by_style["infusion"].band is None  # the family's own day: exact
    assert by_style["diagnosis"].band is not None  # "1901": somewhere in that year
    assert by_style["diagnosis"].band.width > by_style["relapse_cns"].band.width  # year > month
