"""The cut-out wallet card: 85.6 x 54 mm (a bank card), with cut marks.

An ER doctor who has never met the family must read it, so the first side is always English; the
second side, beside it to fold over, is in the family's language (one side when that is English).
Each side says: received CAR T cell therapy on DATE (and the product when it is known), the risk
of cytokine release syndrome and neurologic effects, and whom to call, at what number, day or
night. With no date, product or phone known, a line is left to write it in.

Product: the session and the center settings name no product, and this guide is not tied to one,
so the card says "CAR T cell therapy" and leaves a "Product" line to fill in by hand. A product
named in the session (``plan.product``) or the center settings (``product``) is printed instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, Paragraph

from car_t_guide.core.content.warning_signs import fever_threshold_texts
from car_t_guide.core.dates import format_day
from car_t_guide.core.i18n import N_
from car_t_guide.report.fonts import BOLD, REGULAR, unbroken
from car_t_guide.report.markup import Markup, Styles, Words, bold, fill, text

CARD_WIDTH = 85.6 * mm
CARD_HEIGHT = 54 * mm
PADDING = 2.6 * mm
BAND_HEIGHT = 5.2 * mm
CUT_MARK = 4 * mm  # length of each cut mark
CUT_GAP = 1.2 * mm  # between the card's corner and its cut mark
MARGIN = CUT_GAP + CUT_MARK  # room the cut marks need around the card
BLANK = "_" * 22

# The card's sentences. Marked here, translated per side (English, then the family's language).
TITLE = N_("CAR T cell therapy: emergency card")
NAME = N_("Patient: {name}")
RECEIVED_ON = N_("This patient received CAR T cell therapy on {date}.")
RECEIVED_BLANK = N_("This patient received CAR T cell therapy on: {blank}")
PRODUCT = N_("Product: {product}")
RISK = N_("Risk of cytokine release syndrome (CRS) and neurologic effects (ICANS).")
FEVER = N_("A fever of {fever_c} ({fever_f}) or higher can be CRS.")
CALL = N_("Call {center} at {phone}, day or night.")
CALL_TEAM = N_("Call the CAR T care team at {phone}, day or night.")
SHOW = N_("Show this card to every doctor or nurse.")
HOW_TO = N_(
    "Cut out the card along the cut marks, fold it in the middle and keep it with you. "
    "Show it to any doctor or nurse who sees your child."
)
HOW_TO_ONE_SIDE = N_(
    "Cut out the card along the cut marks and keep it with you. "
    "Show it to any doctor or nurse who sees your child."
)


@dataclass(frozen=True)
class CardFacts:
    """What the card says, in no language yet."""

    name: str
    infusion: date | None
    product: str | None
    center: str
    phone: str


def _side(facts: CardFacts, lang: str) -> tuple[str, list[Markup]]:
    """The title and the lines of one side, in ``lang``."""
    words = Words(lang)
    _ = words.gettext
    lines: list[Markup] = []
    if facts.name.strip():
        lines.append(fill(_(NAME), name=bold(facts.name)))
    if facts.infusion is not None:
        lines.append(fill(_(RECEIVED_ON), BOLD, date=bold(format_day(facts.infusion, words.lang))))
    else:
        lines.append(fill(_(RECEIVED_BLANK), BOLD, blank=BLANK))
    lines.append(fill(_(PRODUCT), product=bold(facts.product) if facts.product else BLANK))
    lines.append(text(_(RISK), BOLD))
    fever_c, fever_f = fever_threshold_texts(words.lang)
    lines.append(fill(_(FEVER), fever_c=fever_c, fever_f=fever_f))
    phone = bold(unbroken(facts.phone)) if facts.phone.strip() else Markup(text(BLANK))
    if facts.center.strip():
        lines.append(fill(_(CALL), center=bold(facts.center), phone=phone))
    else:
        lines.append(fill(_(CALL_TEAM), phone=phone))
    lines.append(text(_(SHOW)))
    return _(TITLE), lines


def card_languages(lang: str) -> list[str]:
    """English first, for any doctor; then the family's language if it is another one."""
    family = Words(lang).lang
    return ["en"] if family == "en" else ["en", family]


class WalletCard(Flowable):
    """One card side per language, side by side, to cut out together and fold in the middle."""

    HEIGHT = CARD_HEIGHT + 2 * MARGIN

    def __init__(self, facts: CardFacts, lang: str, styles: Styles | None = None) -> None:
        super().__init__()
        self.facts = facts
        self.languages = card_languages(lang)
        self.styles = styles or Styles()
        self.width = CARD_WIDTH * len(self.languages) + 2 * MARGIN
        self.height = CARD_HEIGHT + 2 * MARGIN
        self.hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        left, bottom = MARGIN, MARGIN
        total = CARD_WIDTH * len(self.languages)
        for index, lang in enumerate(self.languages):
            self._draw_side(canv, left + index * CARD_WIDTH, bottom, lang)
        # The card's edge, thin and light: what the scissors follow between the cut marks.
        canv.saveState()
        canv.setStrokeColor(colors.HexColor("#9A9A9A"))
        canv.setLineWidth(0.4)
        canv.rect(left, bottom, total, CARD_HEIGHT, stroke=1, fill=0)
        canv.restoreState()
        draw_cut_marks(canv, left, bottom, total, CARD_HEIGHT)
        if len(self.languages) > 1:
            draw_fold_line(canv, left + CARD_WIDTH, bottom, CARD_HEIGHT)

    def _draw_side(self, canv: Canvas, x: float, y: float, lang: str) -> None:
        title, lines = _side(self.facts, lang)
        top = y + CARD_HEIGHT
        width = CARD_WIDTH - 2 * PADDING
        canv.saveState()
        canv.setFillColor(colors.black)
        canv.rect(x, top - BAND_HEIGHT, CARD_WIDTH, BAND_HEIGHT, stroke=0, fill=1)
        band = _fitted(
            [text(title, BOLD)],
            width,
            BAND_HEIGHT - 2,
            BOLD,
            colors.white,
            TITLE_SIZES,
            self.styles,
        )
        used = sum(p.wrap(width, BAND_HEIGHT)[1] for p in band)
        _draw_stack(canv, band, x + PADDING, top - BAND_HEIGHT / 2 + used / 2, width)
        height = CARD_HEIGHT - BAND_HEIGHT - 2 * PADDING
        body = _fitted(lines, width, height, REGULAR, colors.black, BODY_SIZES, self.styles)
        _draw_stack(canv, body, x + PADDING, top - BAND_HEIGHT - PADDING, width)
        canv.restoreState()


# Type sizes tried, largest first: the card uses the largest at which everything fits.
TITLE_SIZES = (8.6, 8.0, 7.4, 6.8, 6.2, 5.6, 5.0)
BODY_SIZES = (8.6, 8.2, 7.8, 7.4, 7.0, 6.6, 6.2, 5.8, 5.4, 5.0, 4.6, 4.2)


def _fitted(
    lines: list[str],
    width: float,
    height: float,
    font: str,
    colour,
    sizes: tuple[float, ...],
    styles: Styles,
) -> list[Paragraph]:
    """The lines as paragraphs at the largest size that fits ``width`` x ``height``; at the
    smallest size, whatever still does not fit is shrunk further by a KeepInFrame."""
    for size in sizes:
        style = _card_style(styles, size, font, colour)
        paragraphs = [Paragraph(line, style) for line in lines]
        total = sum(p.wrap(width, height)[1] + style.spaceAfter for p in paragraphs)
        total -= style.spaceAfter
        if total <= height:
            return paragraphs
    return [KeepInFrame(width, height, paragraphs, mode="shrink")]


def _draw_stack(canv: Canvas, flowables: list, x: float, top: float, width: float) -> None:
    """Draw flowables one under the other, the first one's top at ``top``."""
    y = top
    for index, flowable in enumerate(flowables):
        _, height = flowable.wrapOn(canv, width, CARD_HEIGHT)
        y -= height
        flowable.drawOn(canv, x, y)
        if index < len(flowables) - 1:
            y -= getattr(getattr(flowable, "style", None), "spaceAfter", 0)


def _card_style(styles: Styles, size: float, font: str, colour):
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        f"card-{font}-{size}",
        parent=styles.body,
        fontName=font,
        fontSize=size,
        leading=size * 1.22,
        textColor=colour,
        spaceBefore=0,
        spaceAfter=size * 0.28,
    )


def draw_cut_marks(canv: Canvas, x: float, y: float, width: float, height: float) -> None:
    """Printer's cut marks at the four corners, just outside the card."""
    canv.saveState()
    canv.setStrokeColor(colors.black)
    canv.setLineWidth(0.5)
    for cx, dx in ((x, -1), (x + width, 1)):
        for cy, dy in ((y, -1), (y + height, 1)):
            canv.line(cx + dx * CUT_GAP, cy, cx + dx * (CUT_GAP + CUT_MARK), cy)
            canv.line(cx, cy + dy * CUT_GAP, cx, cy + dy * (CUT_GAP + CUT_MARK))
    canv.restoreState()


def draw_fold_line(canv: Canvas, x: float, y: float, height: float) -> None:
    """Where to fold: marks outside the card and a dashed line across it."""
    canv.saveState()
    canv.setStrokeColor(colors.black)
    canv.setLineWidth(0.5)
    canv.setDash(2, 2)
    canv.line(x, y - CUT_GAP - CUT_MARK, x, y - CUT_GAP)
    canv.line(x, y + height + CUT_GAP, x, y + height + CUT_GAP + CUT_MARK)
    canv.setStrokeColor(colors.HexColor("#9A9A9A"))
    canv.line(x, y, x, y + height)
    canv.restoreState()


def how_to_text(lang: str) -> str:
    _ = Words(lang).gettext
    return _(HOW_TO) if len(card_languages(lang)) > 1 else _(HOW_TO_ONE_SIDE)
