"""The order of the screens and the sections they belong to. Shared by the window, the
command line (``screenshot --page``) and the tests."""

from __future__ import annotations

from car_t_guide.core.content.texts import STEP_COUNT
from car_t_guide.core.i18n import N_

STEP_PAGES = [f"steps:{n}" for n in range(1, STEP_COUNT + 1)]
PAGE_ORDER = [
    "welcome",
    *STEP_PAGES,
    "journey",
    "side-effects",
    "warning-signs",
    "check-understanding",
    "summary",
]

# (first page of the section, its name) in the order of the section bar.
SECTIONS = [
    ("steps:1", N_("The steps")),
    ("journey", N_("Your journey")),
    ("side-effects", N_("Side effects")),
    ("warning-signs", N_("Warning signs")),
    ("check-understanding", N_("Check understanding")),
    ("summary", N_("Your summary")),
]


def section_of(page_id: str) -> str | None:
    """The section bar entry that is lit while ``page_id`` shows."""
    if page_id in STEP_PAGES:
        return "steps:1"
    return page_id if any(first == page_id for first, _ in SECTIONS) else None


def is_known_page(page_id: str) -> bool:
    return page_id in PAGE_ORDER
