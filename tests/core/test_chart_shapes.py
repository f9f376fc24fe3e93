"""Every mark's outline is decided in core, once, for the screen and the paper."""

from __future__ import annotations

import pytest

from car_t_guide.core.chart.shapes import marker_outline, style_outline
from car_t_guide.core.chart.styles import SHAPES, STYLES


@pytest.mark.parametrize("style_id", sorted(STYLES))
def test_every_style_has_an_outline_inside_its_box(style_id):
    shape = STYLES[style_id].shape
    outline = style_outline(shape, 10, 20, 40, 12)
    assert len(outline) >= 2
    for x, y in outline:
        # A star reaches a little past its circle (its points are 1.1 of the radius).
        assert 10 - 1 <= x <= 50 + 1 and 20 - 1 <= y <= 32 + 1


def test_no_two_shapes_share_an_outline():
    outlines = {}
    for shape in SHAPES:
        outline = tuple((round(x, 3), round(y, 3)) for x, y in style_outline(shape, 0, 0, 20, 20))
        assert outline not in outlines, f"{shape} is drawn like {outlines.get(outline)}"
        outlines[outline] = shape


def test_up_and_down_mean_up_and_down_on_screen():
    # Layout units grow downwards: an "up" triangle has its tip at the smallest y.
    up = marker_outline("triangle_up", 0, 0, 10)
    down = marker_outline("triangle_down", 0, 0, 10)
    assert min(up, key=lambda p: p[1]) == pytest.approx((0, -5))
    assert max(down, key=lambda p: p[1]) == pytest.approx((0, 5))


def test_an_unknown_shape_still_draws_a_square():
    assert len(marker_outline("no such shape", 0, 0, 10)) == 4
