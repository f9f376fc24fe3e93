"""Place chart marks and their labels in rows so nothing overlaps.

Pure geometry in the drawer's own units (pixels on screen, points in the PDF). Each mark (a bar,
or a marker with the band of its partial date) gets its label beside it on the same row: after
it where there is room (reading order), else before it. A mark whose mark-and-label would touch
another one already in the row moves to the next row. So no label touches another label or
another mark, and no leader lines are needed. Text wider than the room left is shortened with
an ellipsis, measured with the caller's font.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

ELLIPSIS = "…"


@dataclass(frozen=True)
class MarkRequest:
    key: str
    left: float  # the mark's extent (bar, or marker and its band)
    right: float
    text: str


@dataclass(frozen=True)
class PlacedMark:
    key: str
    row: int
    text: str  # possibly shortened
    label_left: float
    label_width: float

    @property
    def label_right(self) -> float:
        return self.label_left + self.label_width


def fit_text(text: str, measure: Callable[[str], float], max_width: float) -> str:
    """The text, shortened with an ellipsis if it is wider than ``max_width`` ("" if not even
    the ellipsis fits)."""
    if measure(text) <= max_width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if measure(text[:middle].rstrip() + ELLIPSIS) <= max_width:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return ELLIPSIS if measure(ELLIPSIS) <= max_width else ""
    return text[:low].rstrip() + ELLIPSIS


def _label_options(
    request: MarkRequest, measure: Callable[[str], float], width: float, pad: float
) -> list[tuple[str, float, float]]:
    """(text, label left, label width) choices, the preferred first."""
    full = measure(request.text)
    after = request.right + pad
    before = request.left - pad
    options = []
    if after + full <= width:
        options.append((request.text, after, full))
    if before - full >= 0:
        options.append((request.text, before - full, full))
    if options:
        return options
    # Too wide on either side: shorten it to the side with more room.
    room_after, room_before = width - after, before
    if room_after >= room_before:
        text = fit_text(request.text, measure, max(room_after, 0.0))
        return [(text, after, measure(text))]
    text = fit_text(request.text, measure, max(room_before, 0.0))
    return [(text, before - measure(text), measure(text))]


def place_marks(
    requests: list[MarkRequest],
    *,
    measure: Callable[[str], float],
    width: float,
    gap: float,
) -> list[PlacedMark]:
    """Rows for one lane's marks and labels; returned in the order given."""
    rows: list[list[tuple[float, float]]] = []  # occupied (left, right) spans per row
    placed: dict[str, PlacedMark] = {}
    pad = gap / 2
    for request in sorted(requests, key=lambda r: (r.left, r.right, r.key)):
        options = _label_options(request, measure, width, pad)
        choice = None
        for row in range(len(rows) + 1):  # the last one is a new, empty row: always free
            for text, label_left, label_width in options:
                left = min(request.left, label_left)
                right = max(request.right, label_left + label_width)
                if row == len(rows) or all(
                    right + gap <= other_left or other_right + gap <= left
                    for other_left, other_right in rows[row]
                ):
                    choice = (row, text, label_left, label_width, left, right)
                    break
            if choice:
                break
        assert choice is not None
        row, text, label_left, label_width, left, right = choice
        if row == len(rows):
            rows.append([])
        rows[row].append((left, right))
        placed[request.key] = PlacedMark(request.key, row, text, label_left, label_width)
    return [placed[request.key] for request in requests]
