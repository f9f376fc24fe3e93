"""Place chart marks and their labels in rows so nothing overlaps.

Pure geometry in the drawer's own units (pixels on screen, points in the PDF). Each mark (a bar,
or a marker with the band of its partial date) gets its label beside it on the same row: after
it where there is room (reading order), else before it. A mark whose mark-and-label would touch
another one already in the row moves to the next row. So no label touches another label or
another mark, and no leader lines are needed. Text wider than the room left is shortened with
an ellipsis, measured with the caller's font.
"""

from __future__ import annotations

import math
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


class _RowEnds:
    """The right end of what each row holds, and the first row with room from a point on.

    Marks arrive sorted by their left edge, and whatever a row holds starts at or before the
    new mark, so a row has room exactly when its rightmost end (plus the gap) is at or before
    the new mark-and-label's left edge. A tree of minimums finds the first such row in
    O(log rows), so placing n marks costs O(n log n), not O(n * rows): a history of tens of
    thousands of events lays out in a moment.
    """

    def __init__(self) -> None:
        self.count = 0
        self._size = 1
        self._min = [math.inf, math.inf]  # a complete binary tree over _size leaves

    def first_with_end_at_most(self, limit: float) -> int:
        """The lowest row whose end is at most ``limit``; ``count`` (a new row) if none."""
        if self.count == 0 or self._min[1] > limit:
            return self.count
        node = 1
        while node < self._size:
            node = 2 * node if self._min[2 * node] <= limit else 2 * node + 1
        return node - self._size

    def set_end(self, row: int, end: float) -> None:
        if row == self.count:
            self.count += 1
            if self.count > self._size:
                self._grow()
        node = row + self._size
        self._min[node] = end
        node //= 2
        while node:
            self._min[node] = min(self._min[2 * node], self._min[2 * node + 1])
            node //= 2

    def _grow(self) -> None:
        leaves = self._min[self._size :] + [math.inf] * self._size
        self._size *= 2
        self._min = [math.inf] * self._size + leaves
        for node in range(self._size - 1, 0, -1):
            self._min[node] = min(self._min[2 * node], self._min[2 * node + 1])


def place_marks(
    requests: list[MarkRequest],
    *,
    measure: Callable[[str], float],
    width: float,
    gap: float,
) -> list[PlacedMark]:
    """Rows for one lane's marks and labels; returned in the order given.

    Each mark goes to the first row with room for it and its preferred label (after it,
    else before it); the other label choices never fit where the preferred one does not,
    since they start further left.
    """
    rows = _RowEnds()
    placed: dict[str, PlacedMark] = {}
    pad = gap / 2
    for request in sorted(requests, key=lambda r: (r.left, r.right, r.key)):
        text, label_left, label_width = _label_options(request, measure, width, pad)[0]
        left = min(request.left, label_left)
        right = max(request.right, label_left + label_width)
        row = rows.first_with_end_at_most(left - gap)
        rows.set_end(row, right)
        placed[request.key] = PlacedMark(request.key, row, text, label_left, label_width)
    return [placed[request.key] for request in requests]
