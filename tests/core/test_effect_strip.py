"""The "when it usually happens" strip: the scale, the bars, and labels that never overlap."""

from __future__ import annotations

import itertools

import pytest

from car_t_guide.core.chart.effect_strip import (
    DEFAULT_LAST_DAY,
    StripRow,
    axis_last_day,
    day_to_x,
    layout_strip,
    wrap_text,
)
from car_t_guide.core.content import care as care_content
from car_t_guide.core.content.care import DayWindow


def monospace(size: float = 10.0):
    """A stand-in for QFontMetrics / stringWidth: every character is ``size`` wide."""
    return lambda text: size * len(text)


CRS = StripRow("crs", "Cytokine release syndrome (CRS)", DayWindow(1, 22, 3, "kymriah-pi"))
NEURO = StripRow(
    "neuro", "Effects on the brain (ICANS)", DayWindow(1, 56, 7, "kymriah-pi")
)


def assert_no_overlap_and_inside(layout):
    boxes = layout.text_boxes()
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), f"{a.text!r} overlaps {b.text!r}"
    for box in boxes:
        assert box.x >= -1e-9 and box.right <= layout.width + 1e-9, box
        assert 0 <= box.y and box.y + box.height <= layout.height + 1e-9, box


# --- the scale ---------------------------------------------------------------------------------


def test_day_to_x_maps_the_range_onto_the_width():
    assert day_to_x(0, 0, 56, 560) == 0
    assert day_to_x(56, 0, 56, 560) == 560
    assert day_to_x(28, 0, 56, 560) == 280
    assert day_to_x(7, 7, 14, 100) == 0
    assert day_to_x(-7, 0, 56, 560) == -70  # before the axis: the caller decides to clip


def test_day_to_x_refuses_an_empty_range():
    with pytest.raises(ValueError):
        day_to_x(3, 10, 10, 100)


def test_axis_ends_at_day_56_or_the_next_week_after_the_latest_window():
    assert axis_last_day([]) == DEFAULT_LAST_DAY == 56
    assert axis_last_day([DayWindow(1, 22, 3, "s")]) == 56
    assert axis_last_day([DayWindow(1, 60, None, "s")]) == 63
    assert axis_last_day([DayWindow(1, 63, None, "s")]) == 63


def test_a_window_must_be_a_real_range_with_the_usual_day_inside():
    with pytest.raises(ValueError):
        DayWindow(10, 5, None, "s")
    with pytest.raises(ValueError):
        DayWindow(1, 22, 30, "s")


# --- bars and markers --------------------------------------------------------------------------


def test_each_window_gets_a_bar_from_first_to_last_day_and_a_marker_at_the_usual_day():
    layout = layout_strip([CRS, NEURO], 800, monospace(), 20, "en")
    crs, neuro = layout.rows
    assert crs.bar.x0 == pytest.approx(layout.x_of(1))
    assert crs.bar.x1 == pytest.approx(layout.x_of(22))
    assert crs.marker.x == pytest.approx(layout.x_of(3))
    assert neuro.bar.x1 == pytest.approx(layout.x_of(56)) == pytest.approx(layout.axis.x1)
    assert neuro.marker.day == 7
    # The second row is below the first, and the axis below both.
    assert crs.bar.y < neuro.bar.y < layout.axis.y
    assert layout.axis.grid_top <= crs.bar.y


def test_the_same_day_is_at_the_same_x_in_every_row():
    layout = layout_strip([CRS, NEURO], 800, monospace(), 20, "en")
    assert layout.rows[0].bar.x0 == layout.rows[1].bar.x0


def test_a_window_without_a_usual_day_has_no_marker_and_no_marker_legend():
    row = StripRow("x", "Something", DayWindow(2, 10, None, "s"))
    layout = layout_strip([row], 800, monospace(), 20, "en")
    assert layout.rows[0].marker is None
    assert [entry.kind for entry in layout.legend] == ["bar"]
    assert [box.text for box in layout.rows[0].labels] == ["up to day 10"]


def test_labels_say_the_usual_day_and_the_last_day():
    layout = layout_strip([CRS], 800, monospace(), 20, "en")
    assert [box.text for box in layout.rows[0].labels] == ["half by day 3", "up to day 22"]
    assert layout.rows[0].description == (
        "Cytokine release syndrome (CRS): began between day 1 and day 22 for most patients. "
        "Half had begun by day 3."
    )


def test_ticks_every_week_from_day_0():
    layout = layout_strip([CRS], 800, monospace(), 20, "en")
    assert [tick.day for tick in layout.axis.ticks] == [0, 7, 14, 21, 28, 35, 42, 49, 56]
    assert layout.axis.ticks[0].x == pytest.approx(layout.x_of(0))
    assert all(tick.label is not None for tick in layout.axis.ticks)


# --- no overlap, at any width and text size ----------------------------------------------------


@pytest.mark.parametrize("width", [1100, 600, 320, 200])
@pytest.mark.parametrize("char_width", [10, 20])
def test_labels_never_overlap_and_stay_inside(width, char_width):
    layout = layout_strip(
        [CRS, NEURO],
        width,
        monospace(char_width),
        2 * char_width,
        "en",
        measure_title=monospace(char_width * 1.1),
    )
    assert_no_overlap_and_inside(layout)


def test_narrow_strip_labels_fewer_ticks_but_keeps_day_0():
    layout = layout_strip([CRS], 200, monospace(20), 40, "en")
    labelled = [tick.day for tick in layout.axis.ticks if tick.label]
    assert labelled[0] == 0
    assert len(labelled) < len(layout.axis.ticks)
    assert len(layout.axis.ticks) == 9  # the week lines stay


def test_labels_that_would_collide_move_to_a_second_line():
    # Usual day near the end: "half by day 20" and "up to day 22" cannot share a line.
    row = StripRow("x", "X", DayWindow(1, 22, 20, "s"))
    layout = layout_strip([row], 300, monospace(10), 20, "en", last_day=28)
    half, end = layout.rows[0].labels
    assert half.y != end.y
    assert_no_overlap_and_inside(layout)


def test_long_titles_wrap_within_the_width():
    assert wrap_text("one two three", monospace(10), 70) == ["one two", "three"]
    assert wrap_text("unbreakable", monospace(10), 30) == ["unbreakable"]
    row = StripRow("x", "A very long side effect title that needs two lines", CRS.window)
    layout = layout_strip([row], 300, monospace(10), 20, "en")
    assert len(layout.rows[0].title_lines) > 1
    assert_no_overlap_and_inside(layout)


def test_height_grows_with_the_text_size():
    small = layout_strip([CRS, NEURO], 800, monospace(10), 20, "en")
    large = layout_strip([CRS, NEURO], 800, monospace(20), 40, "en")
    assert large.height > small.height


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_sourced_window_in_the_content_lays_out(lang):
    effects = care_content.side_effects(lang).effects
    rows = [StripRow(e.id, e.title, e.when_days) for e in effects if e.when_days]
    assert [row.key for row in rows] == ["crs", "neuro"]
    layout = layout_strip(rows, 900, monospace(11), 24, lang)
    assert len(layout.rows) == len(rows)
    assert_no_overlap_and_inside(layout)
