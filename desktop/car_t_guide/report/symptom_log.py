"""The daily temperature and symptom log: one printed page to fill in by hand at home.

One row for each of the first 28 days after the infusion (day 0), with the family's own dates
when the infusion day is known ("day 5 · Wed, May 15"), else just "day 1" ... "day 28" with room
to write the date. Columns: the time, the temperature, the signs seen, and whether the team was
called. What counts as a fever is the one threshold the call plan uses
(``core/content/warning_signs.py``), written in both units, as the language writes numbers.
"""

from __future__ import annotations

from datetime import date, timedelta

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepInFrame, Spacer, Table, TableStyle

from car_t_guide.core.content.warning_signs import fever_threshold_texts
from car_t_guide.core.dates import format_day_number, format_day_with_weekday, format_short_day
from car_t_guide.report.fonts import BOLD, REGULAR
from car_t_guide.report.markup import RULE, SHADE, Paragraph, Styles, Words, fill, text

LOG_DAYS = 28  # the first 4 weeks after the infusion
# The facts the page states: the fever threshold and calling the team at once, day or night.
SOURCES = ("kymriah-medguide-2024", "cog-fever")
_ROW_HEIGHT = 19.0
_ROW_SHADE = colors.HexColor("#F1F1F1")  # light: a pen still writes clearly on it


def log_days(infusion: date | None) -> list[tuple[int, date | None]]:
    """(day number, the family's date or None) for day 1 to day 28 after the infusion."""
    return [
        (n, infusion + timedelta(days=n) if infusion else None) for n in range(1, LOG_DAYS + 1)
    ]


def symptom_log(
    infusion: date | None,
    *,
    words: Words,
    styles: Styles,
    width: float,
    frame_height: float,
) -> list[Flowable]:
    """The log, on one page (shrunk a little if a language needs it)."""
    _ = words.gettext
    lang = words.lang
    fever_c, fever_f = fever_threshold_texts(lang)
    story: list[Flowable] = [
        Paragraph(text(_("Daily temperature and symptom log"), BOLD), styles.h1),
        Paragraph(
            text(
                _(
                    "Use one row for each day of the first 4 weeks after the infusion. Write "
                    "each temperature you take, and any signs you see."
                )
            ),
            styles.body,
        ),
        Paragraph(
            fill(
                _(
                    "A temperature of {fever} or higher is a fever. Call your CAR T team right "
                    "away, day or night."
                ),
                fever=text(f"{fever_c} ({fever_f})", BOLD),
            ),
            styles.body,
        ),
    ]
    if infusion is not None:
        story.append(
            Paragraph(
                fill(
                    _("Day 0 is the day of the infusion: {date}."),
                    date=text(format_day_with_weekday(infusion, lang), BOLD),
                ),
                styles.body,
            )
        )
    story.append(Spacer(1, 4))
    header = [
        _("Day"),
        _("Date"),
        _("Time"),
        _("Temperature"),
        _("Signs you saw"),
        _("Called the team?"),
    ]
    rows: list[list] = [[Paragraph(text(h, BOLD), styles.cell_bold) for h in header]]
    for n, day in log_days(infusion):
        rows.append(
            [
                Paragraph(text(format_day_number(n, lang)), styles.cell),
                Paragraph(text(format_short_day(day, lang)), styles.cell) if day else "",
                "",
                "",
                "",
                "",
            ]
        )
    widths = [0.09, 0.2, 0.09, 0.17, 0.28, 0.17]
    table = Table(
        rows,
        colWidths=[width * share for share in widths],
        rowHeights=[None] + [_ROW_HEIGHT] * LOG_DAYS,
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                # Rows told apart by a light shade every other day rather than by 28 thin rules
                # (solid areas print and photocopy the same at any resolution).
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, _ROW_SHADE]),
                ("BOX", (0, 0), (-1, -1), 1, colors.black),
                ("INNERGRID", (0, 0), (-1, 0), 0.6, RULE),
                ("LINEAFTER", (0, 1), (-2, -1), 0.6, RULE),
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                # Every 7th day a heavier line: the weeks show at a glance.
                *[("LINEBELOW", (0, w), (-1, w), 1.2, colors.black) for w in (7, 14, 21)],
            ]
        )
    )
    story.append(table)
    story.append(Spacer(1, 4))
    story.append(Paragraph(text(_("Bring this log to every visit.")), styles.small))
    return [KeepInFrame(width, frame_height, story, mode="shrink")]
