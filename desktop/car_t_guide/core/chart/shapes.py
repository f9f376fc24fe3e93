"""The outline of every mark shape, as a polygon, decided once for the screen and the paper.

Points are in the layout's units with y growing downwards (the screen's way; the PDF flips
them), so a "triangle_up" points up on both. A circle is a many-sided polygon: the renderers
draw polygons only, so they cannot disagree about a shape.
"""

from __future__ import annotations

import math

Point = tuple[float, float]
CIRCLE_SIDES = 32


def _up(points: list[Point], cy: float) -> tuple[Point, ...]:
    """Shapes below are written with y growing upwards (as geometry books draw them)."""
    return tuple((x, 2 * cy - y) for x, y in points)


def _polygon(cx: float, cy: float, radius: float, sides: int, start: float) -> list[Point]:
    return [
        (
            cx + radius * math.cos(start + 2 * math.pi * i / sides),
            cy + radius * math.sin(start + 2 * math.pi * i / sides),
        )
        for i in range(sides)
    ]


def _star(cx: float, cy: float, radius: float) -> list[Point]:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = math.pi / 2 + math.pi * i / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


def _plus(cx: float, cy: float, radius: float, rotate: float = 0.0) -> list[Point]:
    arm = radius * 0.36
    outline = [
        (-arm, radius), (arm, radius), (arm, arm), (radius, arm), (radius, -arm), (arm, -arm),
        (arm, -radius), (-arm, -radius), (-arm, -arm), (-radius, -arm), (-radius, arm),
        (-arm, arm),
    ]  # fmt: skip
    cos, sin = math.cos(rotate), math.sin(rotate)
    return [(cx + x * cos - y * sin, cy + x * sin + y * cos) for x, y in outline]


def _square(cx: float, cy: float, half: float) -> list[Point]:
    return [(cx - half, cy - half), (cx + half, cy - half), (cx + half, cy + half),
            (cx - half, cy + half)]  # fmt: skip


def marker_outline(shape: str, cx: float, cy: float, size: float) -> tuple[Point, ...]:
    """A marker's outline centred on (cx, cy), ``size`` across. An unknown shape is a square,
    never nothing."""
    r = size / 2
    if shape == "circle":
        return _up(_polygon(cx, cy, r, CIRCLE_SIDES, 0.0), cy)
    if shape == "diamond":
        return _up([(cx, cy + r), (cx + r, cy), (cx, cy - r), (cx - r, cy)], cy)
    if shape == "triangle_up":
        return _up([(cx - r, cy - r * 0.8), (cx + r, cy - r * 0.8), (cx, cy + r)], cy)
    if shape == "triangle_down":
        return _up([(cx - r, cy + r * 0.8), (cx + r, cy + r * 0.8), (cx, cy - r)], cy)
    if shape == "star":
        return _up(_star(cx, cy, r * 1.1), cy)
    if shape == "plus":
        return _up(_plus(cx, cy, r), cy)
    if shape == "cross":
        return _up(_plus(cx, cy, r * 1.05, math.pi / 4), cy)
    if shape == "hexagon":
        return _up(_polygon(cx, cy, r, 6, 0.0), cy)
    if shape == "pentagon":
        return _up(_polygon(cx, cy, r, 5, math.pi / 2), cy)
    return _up(_square(cx, cy, r * 0.85), cy)


def bar_outline(left: float, right: float, cy: float, height: float) -> tuple[Point, ...]:
    top, bottom = cy - height / 2, cy + height / 2
    return ((left, top), (right, top), (right, bottom), (left, bottom))


def line_outline(cx: float, top: float, bottom: float) -> tuple[Point, ...]:
    """A vertical line (the "today" mark): two points, drawn as a stroke."""
    return ((cx, top), (cx, bottom))


def style_outline(shape: str, x: float, y: float, width: float, height: float) -> tuple[Point, ...]:
    """A style's sample filling the box (x, y, width, height), y down: a legend swatch."""
    if shape == "bar":
        return bar_outline(x, x + width, y + height / 2, height)
    if shape == "line":
        return line_outline(x + width / 2, y, y + height)
    size = min(width, height)
    return marker_outline(shape, x + width / 2, y + height / 2, size)
