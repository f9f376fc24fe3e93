"""Paper sizes in points, for reportlab (which paper to use is core/paper.py's rule)."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, LETTER

from car_t_guide.core.paper import normalize_paper

PAPER_SIZES: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}


def page_size(paper: str) -> tuple[float, float]:
    """(width, height) in points: Letter 612 x 792, A4 595.28 x 841.89."""
    found = normalize_paper(paper)
    if found is None:
        raise ValueError(f"unknown paper {paper!r}; use 'letter' or 'a4'")
    return PAPER_SIZES[found]
