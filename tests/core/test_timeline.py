from datetime import date
from itertools import combinations

import pytest

from car_t_guide.core.chart.label_layout import MarkRequest, fit_text, place_marks
from car_t_guide.core.chart.styles import PATTERNS, SAME_LOOK, SHAPES, STYLES
from car_t_guide.core.chart.timeline import (
    CAR_T_ZOOM,
    HISTORY_ZOOM,
    Box,
    layout_timeline,
    year_fraction,
)
from car_t_guide.core.dates import PartialDate
from car_t_guide.core.journey import key_dates
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.examples import EXAMPLE_COUNT, load_example
from car_t_guide.core.session.files import HistoryEvent, Plan, Session

TODAY = date(2026, 11, 26)
US_2025 = CenterSettings()
OLDER = CenterSettings(stay_near_center_days=28, no_driving_days=56, follow_up_days=(90, 180))


def measure_with(k):
    return lambda text: len(text) * k


def layout(session, *, zoom, k=8.0, width=900.0, settings=US_2025, today=TODAY, line=None):
    dates = key_dates(session, settings, today=today, lang="en")
    return layout_timeline(
        session,
        dates,
        zoom=zoom,
        today=today,
        measure=measure_with(k),
        width=width,
        line_height=line or k * 2,
        lang="en",
    )


def mark_box(item):
    return Box(item.left, item.y - item.height / 2, item.right - item.left, item.height)


def assert_no_text_overlaps(result):
    boxes = result.text_boxes()
    for a, b in combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    for box in boxes:
        assert -1e-9 <= box.x and box.x + box.width <= result.width + 1e-9, box
    # Nor does a label sit on a mark (its own or another's).
    for label in result.labels:
        for item in result.items:
            assert not label.box.overlaps(mark_box(item)), (label, item)


def only_collection():
    return Session(plan=Plan(collection=date(2026, 11, 20)))


def only_infusion():
    return Session(plan=Plan(infusion=date(2026, 12, 1)))


SESSIONS = {f"example-{n}": (lambda n=n: load_example(n, today=TODAY)) for n in range(1, 5)}
SESSIONS["only-collection"] = only_collection
SESSIONS["only-infusion"] = only_infusion


@pytest.mark.parametrize("name", SESSIONS)
@pytest.mark.parametrize("zoom", [HISTORY_ZOOM, CAR_T_ZOOM])
@pytest.mark.parametrize("k", [4.0, 7.0, 10.0, 14.0, 20.0])
@pytest.mark.parametrize("width", [320.0, 800.0, 1600.0])
@pytest.mark.parametrize("settings", [US_2025, OLDER], ids=["14-14", "28-56"])
def test_labels_never_overlap(name, zoom, k, width, settings):
    result = layout(SESSIONS[name](), zoom=zoom, k=k, width=width, settings=settings)
    assert_no_text_overlaps(result)
    assert result.height > 0


def test_label_rows_grow_rather_than_overlap():
    session = load_example(2, today=TODAY)
    small = layout(session, zoom=HISTORY_ZOOM, k=4, width=1600)
    large = layout(session, zoom=HISTORY_ZOOM, k=20, width=400)
    assert sum(lane.rows for lane in large.lanes) > sum(lane.rows for lane in small.lanes)
    assert any(label.row > 0 for label in large.labels)


def test_every_style_has_a_known_shape_and_pattern_and_no_two_look_alike():
    for style in STYLES.values():
        assert style.shape in SHAPES and style.pattern in PATTERNS
        assert style.colour.startswith("#") and len(style.colour) == 7
    # In grayscale only shape and pattern remain: they must tell every style apart.
    looks = {}
    for name, style in STYLES.items():
        looks.setdefault((style.shape, style.pattern), []).append(name)
    alike = [sorted(names) for names in looks.values() if len(names) > 1]
    assert alike == [sorted(pair) for pair in SAME_LOOK.items()]


@pytest.mark.parametrize("n", range(1, EXAMPLE_COUNT + 1))
@pytest.mark.parametrize("zoom", [HISTORY_ZOOM, CAR_T_ZOOM])
def test_every_item_has_a_style_and_a_label(n, zoom):
    result = layout(load_example(n, today=TODAY), zoom=zoom)
    assert result.items
    ids = [item.id for item in result.items]
    assert len(ids) == len(set(ids))
    assert {label.item_id for label in result.labels} == set(ids)
    for item in result.items:
        assert item.style in STYLES
        assert item.x0 <= item.x <= item.x1
        assert result.x_min <= item.x0 and item.x1 <= result.x_max
    legend_styles = [style for style, _words in result.legend]
    assert set(legend_styles) >= {item.style for item in result.items}


def test_history_zoom_in_years_with_partial_dates_as_spans():
    session = load_example(1, today=TODAY)
    result = layout(session, zoom=HISTORY_ZOOM)
    assert result.unit == "years"
    items = {item.id: item for item in result.items}
    relapse_2009 = items["history-2"]  # "2009", bone marrow
    assert relapse_2009.style == "relapse_bone_marrow"
    assert relapse_2009.approximate
    assert (relapse_2009.x0, relapse_2009.x1) == (2009.0, 2010.0)
    assert relapse_2009.x == pytest.approx(2009.5)
    diagnosis = items["history-0"]  # "2002-07"
    assert diagnosis.x0 == pytest.approx(year_fraction(date(2002, 7, 1)))
    assert diagnosis.x1 == pytest.approx(year_fraction(date(2002, 8, 1)))
    assert items["infusion"].style == "infusion"
    assert items["infusion"].lane == "car_t"
    # Events after the infusion have their own lane.
    assert items["history-8"].lane == "after"  # remission, June 2013
    assert items["history-0"].lane == "history"
    assert [lane.id for lane in result.lanes] == ["history", "car_t", "after"]
    assert [lane.title for lane in result.lanes] == [
        "Treatment history",
        "CAR T steps",
        "After the infusion",
    ]
    ticks = [tick.text for tick in result.ticks]
    assert ticks == sorted(ticks) and "2010" in ticks


def test_car_t_zoom_counts_days_from_the_infusion():
    session = load_example(1, today=TODAY)
    result = layout(session, zoom=CAR_T_ZOOM)
    assert result.unit == "days" and result.origin == date(2013, 5, 10)
    assert result.axis_title == "Days after the infusion (day 0)"
    items = {item.id: item for item in result.items}
    assert items["infusion"].x == 0.5  # the middle of day 0
    stay = items["stay_near_center"]
    assert (stay.x0, stay.x1) == (0.0, 15.0)  # days 0 to 14 inclusive
    lymph = items["lymphodepletion"]
    assert (lymph.x0, lymph.x1) == (-7.0, -3.0)  # 3 to 6 May: four days
    assert items["day_28"].x == 28.5
    assert items["manufacturing"].x0 == -51.0  # collection on 20 March
    assert items["watch_crs"].x1 == 23.0
    assert items["watch_neuro"].x1 == 57.0
    crs_event = items["history-6"]  # CRS on day 5, after the infusion
    assert crs_event.lane == "after" and crs_event.x == 5.5
    assert "day 14" in [tick.text for tick in result.ticks] or "day 28" in [
        tick.text for tick in result.ticks
    ]


def test_car_t_zoom_older_rule_draws_longer_bars():
    session = load_example(4, today=TODAY)
    items = {i.id: i for i in layout(session, zoom=CAR_T_ZOOM, settings=OLDER).items}
    assert items["stay_near_center"].x1 == 29.0
    assert items["no_driving"].x1 == 57.0
    assert items["follow_up_90"].x == 90.5
    assert "follow_up_180" not in items  # beyond the CAR T window: in the key-date list
    labels = {
        label.item_id: label.text
        for label in layout(session, zoom=CAR_T_ZOOM, settings=OLDER).labels
    }
    assert labels["follow_up_90"] == "Follow-up visit (day 90)"


def test_without_infusion_the_chart_counts_from_collection_and_marks_usual_times():
    session = Session(
        plan=Plan(collection=date(2026, 11, 20), lymphodepletion_start=date(2026, 12, 14))
    )
    result = layout(session, zoom=CAR_T_ZOOM)
    assert result.origin == date(2026, 11, 20)
    assert result.axis_title == "Days from T cell collection"
    items = {item.id: item for item in result.items}
    making = items["manufacturing"]
    assert making.style == "manufacturing_usual" and making.approximate
    assert (making.x0, making.x1) == (0.0, 28.0)
    window = items["infusion"]
    assert window.style == "infusion_usual" and window.approximate
    # Lymphodepletion 14-17 Dec (days 24-27): the infusion usually falls on days 29 to 41.
    assert (window.x0, window.x1) == (29.0, 42.0)
    assert not [item for item in result.items if item.lane == "after"]
    assert all(tick.text.isdigit() or tick.text.startswith("-") for tick in result.ticks)


def test_today_line_shows_when_today_is_on_the_chart():
    session = Session(plan=Plan(collection=date(2026, 11, 20), infusion=date(2026, 12, 21)))
    result = layout(session, zoom=CAR_T_ZOOM, today=date(2026, 12, 25))
    assert result.today_px == pytest.approx(result.px(4.5))
    assert result.today_label.text == "Today"
    far = layout(load_example(1, today=TODAY), zoom=CAR_T_ZOOM)
    assert far.today_px is None and far.today_label is None


def test_history_zoom_reaches_today_shortly_after_the_last_event():
    session = Session(
        history=[HistoryEvent("diagnosis", PartialDate(2025, 3))],
        plan=Plan(collection=date(2026, 10, 1), infusion=date(2026, 11, 2)),
    )
    result = layout(session, zoom=HISTORY_ZOOM)
    assert result.today_px is not None


def test_unknown_zoom_is_refused():
    with pytest.raises(ValueError):
        layout(only_collection(), zoom="week")


# --- the row placement itself ---


@pytest.mark.parametrize("gap", [0.0, 3.0])
@pytest.mark.parametrize("k", [3.0, 9.0])
def test_place_marks_with_crowded_labels(gap, k):
    measure = measure_with(k)
    requests = [
        MarkRequest(f"m{i}", 10.0 + i * 7, 10.0 + i * 7 + (i % 4) * 25, "label " * (1 + i % 3))
        for i in range(30)
    ]
    placed = place_marks(requests, measure=measure, width=400, gap=gap)
    assert [p.key for p in placed] == [r.key for r in requests]
    spans = {}
    for request, mark in zip(requests, placed, strict=True):
        assert mark.label_right <= request.left or mark.label_left >= request.right
        left = min(request.left, mark.label_left)
        right = max(request.right, mark.label_right)
        spans.setdefault(mark.row, []).append((left, right))
        assert 0 <= mark.label_left and mark.label_right <= 400
        assert measure(mark.text) == mark.label_width
    for row in spans.values():
        for (a_left, a_right), (b_left, b_right) in combinations(row, 2):
            assert a_right + gap <= b_left or b_right + gap <= a_left


def test_labels_go_after_their_mark_when_there_is_room():
    measure = measure_with(10)
    requests = [
        MarkRequest("a", 0, 10, "aaaa"),
        MarkRequest("b", 100, 110, "bbbb"),
        MarkRequest("c", 270, 290, "cccc"),  # no room after: before it
    ]
    placed = place_marks(requests, measure=measure, width=300, gap=4)
    assert [p.row for p in placed] == [0, 0, 0]
    assert [p.label_left for p in placed] == [12, 112, 228]


def test_touching_marks_go_to_the_next_row():
    measure = measure_with(10)
    requests = [MarkRequest("a", 0, 50, "aaaa"), MarkRequest("b", 60, 80, "bb")]
    assert [p.row for p in place_marks(requests, measure=measure, width=300, gap=4)] == [0, 1]


def test_fit_text_shortens_with_an_ellipsis():
    measure = measure_with(10)
    assert fit_text("Stay close to the hospital", measure, 1000) == "Stay close to the hospital"
    short = fit_text("Stay close to the hospital", measure, 100)
    assert short.endswith("…") and measure(short) <= 100
    assert fit_text("Anything", measure, 5) == ""


def test_place_marks_lays_out_tens_of_thousands_of_marks_in_n_log_n():
    """Row choice is a tree query, not a scan of every row: 60,000 crowded marks (a hostile
    history) place in about a second, and the rows are still free of overlaps."""
    import random

    rng = random.Random(7)
    requests = []
    for i in range(60_000):
        left = rng.uniform(0, 900)
        requests.append(MarkRequest(f"m{i}", left, left + rng.choice([0.0, 12.0]), f"event {i}"))
    calls = [0]

    def counting_measure(text):
        calls[0] += 1
        return len(text) * 7.0

    placed = place_marks(requests, measure=counting_measure, width=900, gap=4)
    rows = {}
    for request, mark in zip(requests, placed, strict=True):
        left = min(request.left, mark.label_left)
        right = max(request.right, mark.label_right)
        rows.setdefault(mark.row, []).append((left, right))
    for spans in list(rows.values())[:200]:
        spans.sort()
        for (_, right), (left, _) in zip(spans, spans[1:], strict=False):
            assert right + 4 <= left
    assert calls[0] <= 3 * len(requests)  # measured a bounded number of times per mark
