"""The cut-out wallet card: 85.6 x 54 mm (a bank card), two sides to fold, with cut marks.

The first side is for any doctor or nurse who has never met the family, so it is always English:
who, received CAR T cell therapy on DATE and the product (a line to write them in when not
known); the risk of CRS and neurologic effects (ICANS) with their signs; call the CAR T team
before treating them, at what number, day or night; low antibodies and immunoglobulin (IVIG);
the false-positive HIV test; no blood or organ donation.

The second side is for the family, in their language: who and when, then the call plan in short
(the emergency number's signs, then the CAR T team's, with its number), from the same
``core.content.call_plan`` as the screen and the summary, and no donation.

The text is set at the largest size at which a side holds it all, never under 6 points (smaller
is not readable when printed; a test reads the sizes back from the PDF).

Product: the session (``plan.product``) or the center settings (``product``) may name one, read
through ``report.summary.product_name``; else the card leaves a "Product" line to fill in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame

from car_t_guide.core.content.call_plan import EMERGENCY, TEAM, call_plan
from car_t_guide.core.content.contacts import Contacts
from car_t_guide.core.dates import format_day
from car_t_guide.core.i18n import N_
from car_t_guide.report.fonts import BOLD, REGULAR, unbroken
from car_t_guide.report.markup import Markup, Paragraph, Styles, Words, bold, fill, text

CARD_WIDTH = 85.6 * mm
CARD_HEIGHT = 54 * mm
PADDING = 2.2 * mm
BAND_HEIGHT = 4.6 * mm
CUT_MARK = 4 * mm  # length of each cut mark
CUT_GAP = 1.2 * mm  # between the card's corner and its cut mark
MARGIN = CUT_GAP + CUT_MARK  # room the cut marks need around the card
BLANK = "_" * 18
SMALLEST_SIZE = 6.0  # points: nothing on the card is set smaller

# The card's sentences. Marked here, translated per side (English, then the family's language).
# Sources: kym-hcp-safety, seed (the signs), brudno-2016 and asco-2021 (call the team first),
# fh-spg and seed (immunoglobulin), laetsch-2018 and jid-2022 (HIV tests), oncolink-tisa and
# kym-eu-smpc-2018 (donation), kym-uk-pil (show the card).
TITLE = N_("CAR T cell therapy: emergency card")
NAME = N_("Patient: {name}")
RECEIVED_ON = N_("Received CAR T cell therapy on {date}.")
RECEIVED_BLANK = N_("Received CAR T cell therapy on: {blank}")
PRODUCT = N_("Product: {product}")
RISK = N_(
    "Risk of cytokine release syndrome (CRS) and neurologic effects (ICANS): fever, low blood "
    "pressure, low oxygen; confusion, trouble speaking, tremor, sleepiness, seizures."
)
CALL_FIRST = N_(
    "Call the CAR T team before treating CRS or ICANS: {center}, {phone}, day or night."
)
CALL_FIRST_TEAM = N_("Call the CAR T team before treating CRS or ICANS: {phone}, day or night.")
ANTIBODIES = N_(
    "Low antibodies (B-cell aplasia): may need immunoglobulin (IVIG). Infections can be severe."
)
HIV_TEST = N_("HIV nucleic acid tests (NAT) can be falsely positive after CAR T.")
NO_DONATION = N_("Must not donate blood, organs, tissue or cells.")
FAMILY_TITLE = N_("CAR T cell therapy: when to call")
NO_DONATION_FAMILY = N_("Never give blood, organs, tissue or cells to others.")
SHOW = N_("Show this card to every doctor or nurse.")
HOW_TO = N_(
    "Cut out the card along the cut marks, fold it in the middle and keep it with you. "
    "Show it to any doctor or nurse who sees your child."
)

# The sources of what the card says, for the summary's source list.
CARD_SOURCES = (
    "kym-hcp-safety",
    "seed",
    "brudno-2016",
    "asco-2021",
    "fh-spg",
    "laetsch-2018",
    "jid-2022",
    "oncolink-tisa",
    "kym-eu-smpc-2018",
    "kym-uk-pil",
)


@dataclass(frozen=True)
class CardFacts:
    """What the card says, in no language yet."""

    name: str
    infusion: date | None
    product: str | None
    center: str
    phone: str
    emergency_number: str = ""


def _who(facts: CardFacts, words: Words) -> Markup:
    _ = words.gettext
    who = []
    if facts.name.strip():
        who.append(fill(_(NAME), name=bold(facts.name)))
    if facts.infusion is not None:
        who.append(fill(_(RECEIVED_ON), BOLD, date=bold(format_day(facts.infusion, words.lang))))
    else:
        who.append(fill(_(RECEIVED_BLANK), BOLD, blank=BLANK))
    who.append(fill(_(PRODUCT), product=bold(facts.product) if facts.product else BLANK))
    return Markup("<br/>".join(who))  # one fact a line: the name never runs into the date


def doctor_side(facts: CardFacts) -> tuple[str, list[Markup]]:
    """The side for any doctor or nurse, always in English: title and lines."""
    words = Words("en")
    _ = words.gettext
    lines = [_who(facts, words), text(_(RISK))]
    phone = bold(unbroken(facts.phone)) if facts.phone.strip() else Markup(text(BLANK))
    if facts.center.strip():
        lines.append(fill(_(CALL_FIRST), BOLD, center=bold(facts.center), phone=phone))
    else:
        lines.append(fill(_(CALL_FIRST_TEAM), BOLD, phone=phone))
    lines.append(text(_(ANTIBODIES)))
    lines.append(Markup(" ".join((text(_(HIV_TEST)), text(_(NO_DONATION), BOLD)))))
    return _(TITLE), lines


def family_side(facts: CardFacts, lang: str) -> tuple[str, list[Markup]]:
    """The side for the family, in ``lang``: who and when, then whom to call for which signs."""
    words = Words(lang)
    _ = words.gettext
    plan = call_plan(
        words.lang,
        Contacts(facts.center, facts.phone, facts.emergency_number),
        infusion=facts.infusion,
    )
    lines = [_who(facts, words)]
    for tier_id in (EMERGENCY, TEAM):
        tier = plan.tier(tier_id)
        heading = bold(tier.heading)
        if tier.id == TEAM:
            number = tier.number_line or BLANK
            heading = Markup(heading + text(" (") + bold(number) + text(")"))
        signs = "; ".join(sign.short for sign in tier.signs)
        lines.append(Markup(heading + text(": " + signs + ".")))
    lines.append(text(_(NO_DONATION_FAMILY)))
    lines.append(text(_(SHOW), BOLD))
    return _(FAMILY_TITLE), lines


def sides(facts: CardFacts, lang: str) -> list[tuple[str, list[Markup]]]:
    """The card's two sides: for any doctor (English), for the family (their language)."""
    return [doctor_side(facts), family_side(facts, lang)]


def card_languages(lang: str) -> list[str]:
    """The languages of the two sides: English for any doctor, then the family's language."""
    return ["en", Words(lang).lang]


class WalletCard(Flowable):
    """The two sides side by side, to cut out together and fold in the middle."""

    HEIGHT = CARD_HEIGHT + 2 * MARGIN

    def __init__(self, facts: CardFacts, lang: str, styles: Styles | None = None) -> None:
        super().__init__()
        self.facts = facts
        self.lang = Words(lang).lang
        self.styles = styles or Styles()
        self.sides = sides(facts, self.lang)
        self.width = CARD_WIDTH * len(self.sides) + 2 * MARGIN
        self.height = CARD_HEIGHT + 2 * MARGIN
        self.hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        left, bottom = MARGIN, MARGIN
        total = CARD_WIDTH * len(self.sides)
        for index, (title, lines) in enumerate(self.sides):
            self._draw_side(canv, left + index * CARD_WIDTH, bottom, title, lines)
        # The card's edge, thin and light: what the scissors follow between the cut marks.
        canv.saveState()
        canv.setStrokeColor(colors.HexColor("#9A9A9A"))
        canv.setLineWidth(0.4)
        canv.rect(left, bottom, total, CARD_HEIGHT, stroke=1, fill=0)
        canv.restoreState()
        draw_cut_marks(canv, left, bottom, total, CARD_HEIGHT)
        draw_fold_line(canv, left + CARD_WIDTH, bottom, CARD_HEIGHT)

    def _draw_side(self, canv: Canvas, x: float, y: float, title: str, lines: list[Markup]) -> None:
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
TITLE_SIZES = (8.6, 8.0, 7.4, 6.8, 6.2, SMALLEST_SIZE)
BODY_SIZES = (8.6, 8.2, 7.8, 7.4, 7.0, 6.8, 6.6, 6.4, 6.2, SMALLEST_SIZE)


def _fitted(
    lines: list[str],
    width: float,
    height: float,
    font: str,
    colour,
    sizes: tuple[float, ...],
    styles: Styles,
) -> list[Paragraph]:
    """The lines as paragraphs at the largest size that fits ``width`` x ``height``. At the
    smallest readable size, text that still does not fit (only a very long name or center
    could do that) is shrunk by a KeepInFrame rather than cut off: a test keeps the shipped
    text at or above ``SMALLEST_SIZE``."""
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
    return Words(lang).gettext(HOW_TO)
