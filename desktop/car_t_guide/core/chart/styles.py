"""How each thing on the journey chart looks, shared by the screen (pyqtgraph) and the PDF
(reportlab) so both draw the same.

Every style differs from the others in shape or fill pattern, not only in colour, so the chart
reads in grayscale and for colour-blind eyes. Colours are the Okabe-Ito palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from car_t_guide.core.i18n import N_

# Okabe-Ito: distinguishable with the common colour-vision differences.
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
BLACK = "#000000"
GREY = "#999999"

# Names the drawers map to their own primitives.
SHAPES = (
    "circle",
    "square",
    "diamond",
    "triangle_up",
    "triangle_down",
    "star",
    "plus",
    "cross",
    "hexagon",
    "pentagon",
    "bar",
    "line",
)
PATTERNS = (
    "solid",
    "hollow",
    "hatch_forward",  # ////
    "hatch_back",  # \\\\
    "crosshatch",
    "dots",
    "horizontal",
    "vertical",
    "grid",  # ++++
    "dashed",  # an outline only, dashed: a usual time, not the family's own
    "dotted",  # an outline only, dotted: another usual time
)
# Styles that mean the same thing in different zooms may look the same.
SAME_LOOK = {"car_t_steps": "manufacturing"}


@dataclass(frozen=True)
class ChartStyle:
    shape: str
    pattern: str
    colour: str
    legend: str  # msgid: translate with _() when shown
    short: str | None = None  # msgid of a shorter chart label, where the legend is long

    @property
    def label(self) -> str:
        return self.short or self.legend


STYLES: dict[str, ChartStyle] = {
    # Treatment history: markers.
    "diagnosis": ChartStyle("circle", "solid", BLUE, N_("Diagnosis")),
    "relapse": ChartStyle("triangle_down", "hollow", VERMILLION, N_("Relapse")),
    "relapse_bone_marrow": ChartStyle(
        "triangle_down",
        "solid",
        VERMILLION,
        N_("Relapse in the bone marrow"),
        N_("Relapse (bone marrow)"),
    ),
    "relapse_cns": ChartStyle(
        "diamond",
        "solid",
        VERMILLION,
        N_("Relapse in the brain or spinal cord"),
        N_("Relapse (brain or spine)"),
    ),
    "relapse_combined": ChartStyle(
        "hexagon",
        "solid",
        VERMILLION,
        N_("Relapse in the bone marrow and brain or spinal cord"),
        N_("Relapse (marrow and brain/spine)"),
    ),
    "relapse_testicular": ChartStyle("pentagon", "solid", VERMILLION, N_("Relapse in a testicle")),
    "relapse_other": ChartStyle("pentagon", "hollow", VERMILLION, N_("Relapse in another place")),
    "refractory": ChartStyle("cross", "solid", PURPLE, N_("Leukemia did not respond")),
    "transplant": ChartStyle("square", "hollow", GREEN, N_("Stem cell transplant")),
    "cns_disease": ChartStyle("diamond", "hollow", PURPLE, N_("Leukemia in the brain or spine")),
    "remission": ChartStyle("circle", "hollow", GREEN, N_("Remission")),
    "treatment": ChartStyle("plus", "solid", SKY_BLUE, N_("Treatment")),
    "other": ChartStyle("hexagon", "hollow", GREY, N_("Other event")),
    # CAR T steps.
    "collection": ChartStyle("triangle_up", "solid", BLUE, N_("T cell collection")),
    "car_t_steps": ChartStyle(
        "bar", "hatch_forward", SKY_BLUE, N_("From T cell collection to the infusion")
    ),
    "manufacturing": ChartStyle("bar", "hatch_forward", SKY_BLUE, N_("Making the CAR T cells")),
    "manufacturing_usual": ChartStyle(
        "bar", "dashed", SKY_BLUE, N_("Usual time to make the cells")
    ),
    "bridging": ChartStyle("bar", "dots", PURPLE, N_("Bridging chemotherapy")),
    # Bridging whose end is not known yet: its start only.
    "bridging_start": ChartStyle("star", "hollow", PURPLE, N_("Bridging chemotherapy starts")),
    "lymphodepletion": ChartStyle(
        "bar", "crosshatch", VERMILLION, N_("Lymphodepleting chemotherapy")
    ),
    "infusion": ChartStyle("star", "solid", ORANGE, N_("CAR T cell infusion (day 0)")),
    "infusion_usual": ChartStyle("bar", "dotted", ORANGE, N_("Usual time for the infusion")),
    # After the infusion.
    "daily_checks": ChartStyle("bar", "vertical", BLUE, N_("Daily checks")),
    "watch_crs": ChartStyle("bar", "hatch_back", VERMILLION, N_("Watch for CRS")),
    "watch_neuro": ChartStyle("bar", "horizontal", PURPLE, N_("Watch for brain and nerve effects")),
    "stay_near_center": ChartStyle("bar", "solid", GREEN, N_("Stay close to the hospital")),
    "no_driving": ChartStyle("bar", "grid", YELLOW, N_("No driving")),
    "day_28": ChartStyle("square", "solid", BLUE, N_("Day-28 check")),
    "follow_up": ChartStyle("triangle_up", "hollow", SKY_BLUE, N_("Follow-up visit")),
    # The chart itself.
    "today": ChartStyle("line", "dashed", BLACK, N_("Today")),
}


def history_style(kind: str, site: str | None) -> str:
    if kind == "relapse" and site:
        return f"relapse_{site}"
    return kind
