"""The printable care summary: the PDF a family takes home, in their language.

Page 1: who, whom to call (24 hours), the key dates and the journey chart. Then the call-now
warning signs on a page of their own (to tape by the bed), side effects in short, medicines, the
topics gone through with the nurse, the treatment history, and last the cut-out wallet card and
the sources. Every page has the footer: content version, the day it was made, page x of y, and
"this does not replace your care team's advice".

Everything a person typed is data: it is checked (control characters are refused with the app's
own message, as the session loader refuses them), split into font runs and escaped before it
reaches a Paragraph. What prints imperfectly (no glyph, right-to-left letters, no phone number)
comes back as warnings for the caller to show (``warning:`` lines on the command line).

Over 400 lines: the summary's sections, in the order they print; each section's drawing lives in
its own module (chart, wallet card, symptom log, education record).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepInFrame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from car_t_guide import CONTENT_VERSION, __version__
from car_t_guide.core.chart.styles import STYLES, history_style
from car_t_guide.core.chart.timeline import has_chart
from car_t_guide.core.content import care as care_content
from car_t_guide.core.content import texts as content
from car_t_guide.core.content.call_plan import (
    EMERGENCY,
    TEAM,
    CallPlan,
    Tier,
    call_plan,
    fever_medicine_text,
)
from car_t_guide.core.content.contacts import contacts_for
from car_t_guide.core.content.labels import HISTORY_KIND_LABELS, RELAPSE_SITE_LABELS
from car_t_guide.core.dates import format_day, format_day_number, format_partial
from car_t_guide.core.journey import RULES_AFTER_INFUSION, KeyDate, key_dates
from car_t_guide.core.machine.atomic import write_atomic
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session import examples
from car_t_guide.core.session.checks import check_texts
from car_t_guide.core.session.files import SessionError
from car_t_guide.core.session.model import Session
from car_t_guide.core.summary_warnings import (
    CANNOT_PRINT,
    NO_PHONE,
    RIGHT_TO_LEFT,
    PrintWarning,
)
from car_t_guide.report import chart, education_record, symptom_log
from car_t_guide.report.fonts import (
    BOLD,
    ITALIC,
    PLACEHOLDER,
    REGULAR,
    forget_text,
    lines_of,
    register_fonts,
    split_text,
    unbroken,
)
from car_t_guide.report.markup import (
    BLANK_CELL,
    MUTED,
    RULE,
    SHADE,
    Markup,
    Paragraph,
    Styles,
    Words,
    bold,
    fill,
    text,
)
from car_t_guide.report.page import (
    BOTTOM_MARGIN,
    SAFE_MARGIN,
    SIDE_MARGIN,
    TOP_MARGIN,
    numbered_canvas,
)
from car_t_guide.report.paper import page_size
from car_t_guide.report.wallet_card import CARD_SOURCES, CardFacts, WalletCard, how_to_text

# Streams are compressed only, not also spelled out in ASCII (reportlab's default, made for 7-bit
# mail no PDF goes through now): the file is a tenth smaller, and the spelling-out took a
# twentieth of the build. The whole process shares the setting; only report/ uses reportlab.
rl_config.useA85 = 0

AUTHOR = "CAR T Family Guide"
# The key dates printed on page 1, in this order (ids of core/journey.py's KeyDate).
PAGE_ONE_DATES = ("lymphodepletion", "infusion", "stay_near_center", "no_driving", "day_28")
LATER_DATES_PREFIX = "follow_up_"
LONG_TERM = "long_term_follow_up"
THINGS_TO_AVOID = "things_to_avoid"  # the topic that prints the family's stay-near dates
FEVER_MEDICINE = "fever_pain"  # the medicine entry that prints the center's own advice


@dataclass
class _Sources:
    """Source keys of the facts printed, in the order first used."""

    keys: list[str] = field(default_factory=list)

    def add(self, *keys: str) -> None:
        for key in keys:
            if key and key not in self.keys:
                self.keys.append(key)


# --- checks before anything is drawn -------------------------------------------------------------


def product_name(session: Session, settings: CenterSettings) -> str | None:
    """The CAR T product, when the session (``plan.product``) or the center (``product``) names
    one; None otherwise (the card then leaves a line to write it in)."""
    for value in (session.plan.product, settings.product):
        if value and value.strip():
            return value.strip()
    return None


def _refuse_unprintable(session: Session, settings: CenterSettings) -> None:
    """Control characters are refused with the loader's own message (SessionError), so a
    session built in the app or by a script is held to the same rules as a file (the product
    included: ``check_texts`` checks ``plan.product``)."""
    for problem in check_texts(session):
        if problem.is_error:
            raise SessionError("", problem.field, problem.message)


def _user_texts(session: Session, settings: CenterSettings) -> list[tuple[str, str, bool]]:
    """(field, text, multiline) for every piece of typed text the summary prints."""
    found = [
        ("patient.display_name", session.patient.display_name, False),
        ("care_team.center", session.care_team.center, False),
        ("care_team.phone_24h", session.care_team.phone_24h, False),
    ]
    if not session.care_team.center.strip():
        found.append(("settings.center_name", settings.center_name, False))
    if not session.care_team.phone_24h.strip():
        found.append(("settings.phone_24h", settings.phone_24h, False))
    found.append(("settings.emergency_number", settings.emergency_number, False))
    product = product_name(session, settings)
    if product:
        found.append(("plan.product", product, False))
    for i, event in enumerate(session.history):
        if event.note:
            found.append((f"history[{i}].note", event.note, True))
    for i, review in enumerate(session.topics_reviewed):
        if review.by:
            found.append((f"topics_reviewed[{i}].by", review.by, False))
    for i, medicine in enumerate(session.medicines):
        found.append((f"medicines[{i}].name", medicine.name, False))
        if medicine.purpose:
            found.append((f"medicines[{i}].purpose", medicine.purpose, True))
    return found


def print_warnings(session: Session, settings: CenterSettings) -> list[PrintWarning]:
    """What will print imperfectly (core/summary_warnings.py says it in words)."""
    warnings: list[PrintWarning] = []
    for field_name, value, multiline in _user_texts(session, settings):
        missing: list[str] = []
        right_to_left = False
        for line in lines_of(value) if multiline else [value]:
            split = split_text(line)
            missing += [char for char in split.missing if char not in missing]
            right_to_left = right_to_left or split.right_to_left
        if right_to_left:
            warnings.append(PrintWarning(field_name, RIGHT_TO_LEFT))
        if missing:
            warnings.append(
                PrintWarning(field_name, CANNOT_PRINT, tuple(missing), placeholder=PLACEHOLDER)
            )
    if not contacts_for(session, settings).phone_24h:
        warnings.append(PrintWarning("care_team.phone_24h", NO_PHONE))
    return warnings


# --- the document ---------------------------------------------------------------------------------


class _Summary:
    def __init__(
        self,
        session: Session,
        *,
        lang: str,
        paper: str,
        settings: CenterSettings,
        today: date,
    ) -> None:
        self.session = session
        self.words = Words(lang)
        self.lang = self.words.lang
        self.page = page_size(paper)
        self.settings = settings
        self.today = today
        self.styles = Styles()
        self.sources = _Sources()
        self.width = self.page[0] - 2 * SIDE_MARGIN
        self.frame_height = self.page[1] - TOP_MARGIN - BOTTOM_MARGIN
        self.keys = key_dates(session, settings, today=today, lang=self.lang)
        contacts = contacts_for(session, settings)
        self.center = contacts.center
        self.phone = contacts.phone_24h

    # --- small pieces ---

    def p(self, markup: str, style=None) -> Paragraph:
        return Paragraph(markup, style or self.styles.body)

    def heading(self, value: str, style=None) -> Paragraph:
        return Paragraph(text(value, BOLD), style or self.styles.h1)

    def item_text(self, item: content.Item, font: str = REGULAR) -> Markup:
        self.sources.add(*item.sources)
        return text(item.text, font)

    def table(
        self, rows: list[list], widths: list[float], *, header: bool = False, boxed: bool = False
    ) -> Table:
        """Rows of cells; ruled between rows, or a shaded box with a heavy border."""
        # A row taller than what is left of the page (a very long note) splits across pages.
        table = Table(
            rows, colWidths=widths, hAlign="LEFT", repeatRows=1 if header else 0, splitInRow=30
        )
        commands = [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE" if boxed else "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 6 if boxed else 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if not boxed:
            commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE))
        if header:
            commands += [
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ]
        if boxed:
            commands += [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ]
        table.setStyle(TableStyle(commands))
        return table

    def phone_markup(self, style_font: str = BOLD) -> Markup:
        if self.phone:
            return text(unbroken(self.phone), style_font)
        return text("_" * 24, style_font)

    # --- page 1 ---

    def page_one(self) -> list[Flowable]:
        _ = self.words.gettext
        s = self.styles
        story: list[Flowable] = [
            self.p(text(_("CAR T Family Guide"), BOLD), s.product),
        ]
        name = self.session.patient.display_name.strip()
        if name:
            story.append(self.p(fill(_("Care summary for {name}"), BOLD, name=bold(name)), s.name))
        else:
            story.append(self.p(text(_("Care summary"), BOLD), s.name))
        if examples.is_example(self.session):
            story.append(self.p(text(_(examples.EXAMPLE_NOTE), ITALIC), s.note))
            self.sources.add("seed")
        story.append(Spacer(1, 4))
        story.append(self.contact_box())
        story.append(Spacer(1, 6))
        story.append(self.heading(_("Key dates"), s.h2))
        story.append(self.key_date_table())
        if has_chart(self.session):
            story += self.chart(chart.CAR_T_ZOOM, self.heading(_("Your journey"), s.h2))
        return story

    def contact_box(self) -> Table:
        _ = self.words.gettext
        s = self.styles
        rows = [
            [
                self.p(text(_("Your care team"), BOLD), s.label),
                self.p(text(self.center or "_" * 30), s.cell),
            ],
            [self.p(text(_("24-hour phone"), BOLD), s.label), self.p(self.phone_markup(), s.phone)],
        ]
        if not self.phone:
            rows.append(
                [
                    BLANK_CELL(),
                    self.p(text(_("Write your care team's 24-hour number here.")), s.small),
                ]
            )
        emergency = self.settings.emergency_number.strip()
        if emergency:
            rows.append(
                [
                    self.p(text(_("Emergency"), BOLD), s.label),
                    self.p(
                        fill(
                            _(
                                "Call {number} now for the emergency signs on the next page, "
                                "or if you cannot reach your team."
                            ),
                            number=bold(unbroken(emergency)),
                        ),
                        s.cell,
                    ),
                ]
            )
        label_width = min(max(self.width * 0.26, 110), 150)
        return self.table(rows, [label_width, self.width - label_width], boxed=True)

    def page_one_dates(self) -> list[KeyDate]:
        by_id = {key.id: key for key in self.keys}
        chosen = []
        for key_id in PAGE_ONE_DATES:
            key = by_id.get(key_id)
            if key is None:
                continue
            if key_id == "lymphodepletion" and (key.date is None or key.status == "past"):
                continue  # the chart shows it; page 1 keeps to what is ahead
            chosen.append(key)
        chosen += [key for key in self.keys if key.id.startswith(LATER_DATES_PREFIX)]
        if LONG_TERM in by_id:
            chosen.append(by_id[LONG_TERM])
        return chosen

    def key_date_table(self) -> Table:
        s = self.styles
        rows = []
        for key in self.page_one_dates():
            self.sources.add(*key.sources)
            when = text(key.when_text, BOLD)
            day = key.end_day if key.end_day is not None else key.day
            if key.date is not None and day is not None and key.id != LONG_TERM:
                when = Markup(when + text("  (" + format_day_number(day, self.lang) + ")", REGULAR))
            rows.append([self.p(text(key.title), s.cell), self.p(when, s.cell)])
        title_width = self.width * 0.36
        return self.table(rows, [title_width, self.width - title_width])

    def chart(self, zoom: str, heading: Flowable | None = None) -> list[Flowable]:
        """The journey chart in one zoom (with its heading), never split; it shrinks a little
        rather than leave the rest of the page empty."""
        layout = chart.chart_layout(
            self.session, self.keys, zoom=zoom, today=self.today, width=self.width, lang=self.lang
        )
        for key in self.keys:
            if any(item.id == key.id for item in layout.items):
                self.sources.add(*key.sources)
        flowables: list[Flowable] = [
            *([heading] if heading else []),
            chart.JourneyChart(layout, max_height=self.frame_height * 0.7),
            Spacer(1, 4),
        ]
        legend = chart.legend_table(chart.needed_legend(layout), self.width, self.styles)
        if legend is not None:
            flowables.append(legend)
        if any(item.approximate for item in layout.items):
            _ = self.words.gettext
            flowables.append(
                self.p(
                    text(
                        _(
                            "Light bands, dashed and dotted outlines show a month or year, or a "
                            "usual time, not an exact date."
                        )
                    ),
                    self.styles.tiny,
                )
            )
        return [ShrinkOrMove(flowables, frame_height=self.frame_height)]

    # --- warning signs ---

    @cached_property
    def plan(self) -> CallPlan:
        """The call plan, made once: the warning signs, side effects and sources print it."""
        return call_plan(
            self.lang,
            contacts_for(self.session, self.settings),
            infusion=self.session.plan.infusion,
            fever_medicine=self.settings.fever_medicine,
        )

    def tier_box(self, tier: Tier, sign_style=None) -> Table:
        """One list of the call plan in a box: the number to call, then its signs."""
        s = self.styles
        cell: list[Flowable] = [self.p(text(tier.heading, BOLD), s.tier)]
        if tier.id == TEAM:
            if tier.number_line:
                cell.append(self.p(text(tier.number_line, BOLD), s.tier_phone))
            else:
                cell.append(self.p(text("_" * 30, BOLD), s.tier_phone))
        for sign in tier.signs:
            self.sources.add(*sign.sources)
            cell.append(Paragraph(text(sign.text), sign_style or s.sign, bulletText="\u2022"))
        box = self.table([[cell]], [self.width], boxed=True)
        if tier.id == EMERGENCY:
            box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 2.4, colors.black)]))
        return box

    def warning_signs(self) -> list[Flowable]:
        """The call plan on a page of its own, to tape by the bed: the emergency number's signs
        and seizure first aid, then the CAR T team's signs and number, what to say, fever
        medicine."""
        s = self.styles
        plan = self.plan
        self.sources.add(*plan.sources)
        page: list[Flowable] = [self.heading(plan.title)]
        for item in plan.intro:
            page.append(self.p(self.item_text(item, BOLD), s.callout))
        page.append(Spacer(1, 4))
        page.append(self.tier_box(plan.tier(EMERGENCY)))
        page.append(self.p(text(plan.seizure_title, BOLD), s.h3))
        for number, step in enumerate(plan.seizure_steps, start=1):
            page.append(Paragraph(text(step), s.bullet, bulletText=f"{number}."))
        page.append(Spacer(1, 6))
        page.append(self.tier_box(plan.tier(TEAM)))
        page.append(Spacer(1, 4))
        for item in plan.any_sign:
            page.append(self.p(self.item_text(item, BOLD), s.body))
        page.append(self.p(text(plan.when_you_call_title, BOLD), s.h3))
        page.append(Paragraph(text(plan.say, BOLD), s.bullet, bulletText="\u2022"))
        for item in plan.when_you_call:
            page.append(Paragraph(self.item_text(item), s.bullet, bulletText="\u2022"))
        page.append(self.p(text(plan.fever_medicine_title, BOLD), s.h3))
        page.append(self.p(text(plan.fever_medicine, BOLD), s.body))
        for item in plan.fever_medicine_why:
            page.append(Paragraph(self.item_text(item), s.bullet, bulletText="\u2022"))
        for item in plan.after:
            page.append(self.p(self.item_text(item), s.small))
        # The whole plan on one page, whatever the language: shrunk a little if it must be.
        return [KeepInFrame(self.width, self.frame_height, page, mode="shrink")]

    # --- side effects, medicines, topics ---

    def side_effects(self) -> list[Flowable]:
        """Every topic with every one of its facts, section by section, and whom to call for
        its signs (the call plan cut down to them): no topic prints empty."""
        _ = self.words.gettext
        s = self.styles
        effects = care_content.side_effects(self.lang)
        plan = self.plan
        story: list[Flowable] = [self.heading(_("Side effects"))]
        for item in _facts(effects.intro)[:2]:
            story.append(self.p(self.item_text(item)))
        defaults = {
            "what_it_is": _("What it is"),
            "when": _("When it usually happens"),
            "what_you_may_see": _("What you may see"),
            "what_the_team_does": _("What the team does"),
        }
        for effect in effects.effects:
            # A topic may run on to the next page, but never leaves its title at the bottom.
            title = self.p(text(effect.title, BOLD), s.h2)
            title.keepWithNext = True
            parts: list[Flowable] = [CondPageBreak(90), title]
            sections = [
                (effect.section_title(name, default), effect.section(name))
                for name, default in defaults.items()
            ]
            sections += [(more.title, more.items) for more in effect.more_sections]
            for index, (title, items) in enumerate(sections):
                facts = _facts(items)
                if facts:
                    lines = [text(title + ":", BOLD), *(self.item_text(item) for item in facts)]
                    parts.append(self.p(Markup(" ".join(lines)), s.topic))
                if effect.id == THINGS_TO_AVOID and index == 1:  # after "For how long"
                    for rule in self.rules_after_infusion():
                        parts.append(
                            Paragraph(text(rule.plain_sentence), s.bullet, bulletText="\u2022")
                        )
            for tier in plan.for_signs(effect.call_for):
                self.sources.add(*(key for sign in tier.signs for key in sign.sources))
                signs = "; ".join(sign.short for sign in tier.signs)
                parts.append(
                    self.p(Markup(text(tier.heading + ":", BOLD) + " " + text(signs)), s.topic)
                )
            story += parts
        return story

    def rules_after_infusion(self) -> list[KeyDate]:
        by_id = {key.id: key for key in self.keys}
        return [by_id[key] for key in RULES_AFTER_INFUSION if key in by_id]

    def medicines(self) -> list[Flowable]:
        _ = self.words.gettext
        s = self.styles
        info = care_content.medicines(self.lang)
        story: list[Flowable] = [CondPageBreak(120), self.heading(info.title)]
        own = self.session.medicines
        story.append(self.heading(_("Your child's medicines"), s.h2))
        if own:
            rows = [
                [
                    self.p(text(_("Medicine"), BOLD), s.cell_bold),
                    self.p(text(_("What it is for"), BOLD), s.cell_bold),
                    self.p(text(_("Until"), BOLD), s.cell_bold),
                ]
            ]
            for medicine in own:
                rows.append(
                    [
                        self.p(text(medicine.name, BOLD), s.cell),
                        self.p(text(medicine.purpose, multiline=True), s.cell)
                        if medicine.purpose
                        else BLANK_CELL(),
                        self.p(text(format_day(medicine.until, self.lang)), s.cell)
                        if medicine.until
                        else BLANK_CELL(),
                    ]
                )
            widths = [self.width * 0.32, self.width * 0.43, self.width * 0.25]
            story.append(self.table(rows, widths, header=True))
        else:
            story.append(
                self.p(
                    text(
                        _(
                            "No medicines were entered. Ask your care team which "
                            "ones your child takes."
                        )
                    ),
                    s.body,
                )
            )
        story.append(self.heading(_("About these medicines"), s.h2))
        for medicine in info.medicines:
            facts = _facts(medicine.items)[:2]
            lines = [text(medicine.title, BOLD), *(self.item_text(item) for item in facts)]
            if medicine.id == FEVER_MEDICINE:
                lines.append(text(fever_medicine_text(self.settings.fever_medicine, self.lang)))
            story.append(self.p(Markup(" ".join(lines)), s.body))
        return story

    def topics(self) -> list[Flowable]:
        """The education record of each topic reviewed, then the topics still to go over."""
        return [
            CondPageBreak(110),
            *education_record.topics_reviewed(
                self.session, words=self.words, styles=self.styles, width=self.width
            ),
        ]

    def symptom_log(self) -> list[Flowable]:
        self.sources.add(*symptom_log.SOURCES)
        return symptom_log.symptom_log(
            self.session.plan.infusion,
            words=self.words,
            styles=self.styles,
            width=self.width,
            frame_height=self.frame_height,
        )

    def history(self) -> list[Flowable]:
        _ = self.words.gettext
        s = self.styles
        events = self.session.history
        if not events:
            return []
        heading = self.heading(_("Treatment history"))
        story: list[Flowable] = [CondPageBreak(200)]
        if has_chart(self.session):
            story += self.chart(chart.HISTORY_ZOOM, heading)
            story.append(Spacer(1, 6))
        else:
            story.append(heading)
        rows = [
            [
                self.p(text(_("When"), BOLD), s.cell_bold),
                self.p(text(_("What"), BOLD), s.cell_bold),
                self.p(text(_("Notes"), BOLD), s.cell_bold),
            ]
        ]
        for event in self.session.history_in_order():
            kind = _(HISTORY_KIND_LABELS.get(event.kind, HISTORY_KIND_LABELS["other"]))
            if event.kind == "relapse" and event.site in RELAPSE_SITE_LABELS:
                kind = f"{kind} {_(RELAPSE_SITE_LABELS[event.site])}"
            style_id = history_style(event.kind, event.site)
            rows.append(
                [
                    self.p(text(format_partial(event.date, self.lang)), s.cell),
                    Table(
                        [
                            [
                                chart.Swatch(style_id if style_id in STYLES else "other", 12, 10),
                                self.p(text(kind), s.cell),
                            ]
                        ],
                        colWidths=[16, self.width * 0.3 - 16 - 10],
                        style=[
                            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                            ("TOPPADDING", (0, 0), (-1, -1), 0),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ],
                    ),
                    self.p(text(event.note, multiline=True), s.cell)
                    if event.note
                    else BLANK_CELL(),
                ]
            )
        widths = [self.width * 0.22, self.width * 0.3, self.width * 0.48]
        story.append(self.table(rows, widths, header=True))
        return story

    # --- the last page ---

    def wallet_card(self) -> list[Flowable]:
        _ = self.words.gettext
        facts = CardFacts(
            name=self.session.patient.display_name,
            infusion=self.session.plan.infusion,
            product=product_name(self.session, self.settings),
            center=self.center,
            phone=self.phone,
            emergency_number=self.settings.emergency_number,
        )
        self.sources.add(*CARD_SOURCES, *self.plan.sources)
        return [
            self.heading(_("Wallet card")),
            self.p(text(how_to_text(self.lang))),
            Spacer(1, 4),
            WalletCard(facts, self.lang, self.styles),
        ]

    def sources_section(self) -> list[Flowable]:
        _ = self.words.gettext
        s = self.styles
        known = content.sources()
        story: list[Flowable] = [
            Spacer(1, 10),
            self.heading(_("Sources"), s.h2),
            self.p(text(_("The medical facts in this summary come from these sources.")), s.small),
        ]
        for key in self.sources.keys:
            if key in known:
                story.append(Paragraph(text(known[key].citation), s.source, bulletText="\u2022"))
        return story

    # --- the whole ---

    def story(self) -> list[Flowable]:
        story = self.page_one()
        story.append(PageBreak())
        story += self.warning_signs()
        story.append(PageBreak())
        story += self.symptom_log()  # a page of its own, to keep by the thermometer
        story.append(PageBreak())
        story += self.side_effects()
        story += self.medicines()
        story += self.topics()
        story += self.history()
        # The card and the start of the sources together, on a page of their own if they do
        # not fit on this one: cutting the card out then spoils nothing else. The list of
        # sources (long: every document behind every fact) runs on after it.
        card = self.wallet_card()
        sources = self.sources_section()  # sources: all known now
        story.append(KeepTogether([*card, *sources[:3]]))
        story += sources[3:]
        return story

    @cached_property
    def footer_line(self) -> str:
        """The footer's second line, the same on every page (written out once)."""
        _ = self.words.gettext
        return _(
            "{product} · content {version} · made on {date} · sources on the last page"
        ).format(
            product=_("CAR T Family Guide"),
            version=CONTENT_VERSION,
            date=format_day(self.today, self.lang),
        )

    def footer(self, canv, page: int, pages: int) -> None:
        _ = self.words.gettext
        size = 7.5
        left, right = SIDE_MARGIN, self.page[0] - SIDE_MARGIN
        top = SAFE_MARGIN + 24
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(left, top + 4, right, top + 4)
        first = _("This does not replace your care team's advice.")
        counter = _("Page {page} of {pages}").format(page=page, pages=pages)
        second = self.footer_line
        counter_width = chart.string_width(counter, BOLD, size)
        _fit_line(canv, left, top - 6, first, BOLD, size, right - left - counter_width - 12)
        chart.draw_text(canv, right - counter_width, top - 6, counter, BOLD, size)
        _fit_line(canv, left, top - 17, second, REGULAR, size, right - left, colour=MUTED)
        canv.restoreState()

    def build(self) -> bytes:
        _ = self.words.gettext
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.page,
            leftMargin=SIDE_MARGIN,
            rightMargin=SIDE_MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=_("CAR T cell therapy: care summary"),
            author=AUTHOR,
            subject=_("Key dates, warning signs, medicines and a wallet card"),
            creator=f"{AUTHOR} {__version__} (content {CONTENT_VERSION})",
            producer=AUTHOR,
            lang=self.lang,
            initialFontName=REGULAR,
            initialFontSize=11,
            initialLeading=14,
            displayDocTitle=1,
        )
        frame = Frame(
            SIDE_MARGIN,
            BOTTOM_MARGIN,
            self.width,
            self.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        doc.addPageTemplates([PageTemplate("page", frames=[frame])])
        doc.build(self.story(), canvasmaker=numbered_canvas(self.footer))
        return buffer.getvalue()


class ShrinkOrMove(KeepInFrame):
    """Flowables kept together that shrink a little (down to ``min_scale``) to fit what is left
    of the page, and otherwise move to the next page, whole; on an empty page they shrink as
    much as they must."""

    def __init__(
        self, content: list[Flowable], *, frame_height: float, min_scale: float = 0.8
    ) -> None:
        super().__init__(0, 0, content, mode="shrink")
        self.frame_height = frame_height
        self.min_scale = min_scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._scale = 1.0
        self.maxHeight = 0
        natural = sum(
            f.wrapOn(self.canv, available_width, self.frame_height)[1]
            + f.getSpaceBefore()
            + f.getSpaceAfter()
            for f in self._content
        )
        on_an_empty_page = available_height >= self.frame_height - 1
        if (
            natural > available_height
            and not on_an_empty_page
            and (natural * self.min_scale > available_height)
        ):
            return available_width, natural  # does not fit: the frame moves it on
        return super().wrap(available_width, available_height)


def _facts(items: list[content.Item]) -> list[content.Item]:
    """What a short summary prints: facts and advice, not the questions to ask."""
    return [item for item in items if item.kind != "question"]


def _fit_line(canv, x, baseline, value, font, size, max_width, colour=None) -> None:
    """One line of footer text, made smaller if it would run past ``max_width``."""
    width = chart.string_width(value, font, size)
    if width > max_width:
        size = max(size * max_width / width, 4.5)
    chart.draw_text(canv, x, baseline, value, font, size, colour)


# --- the public API ----------------------------------------------------------------------------


def build_summary(
    session: Session,
    *,
    lang: str,
    paper: str,
    settings: CenterSettings,
    today: date,
) -> tuple[bytes, list[PrintWarning]]:
    """The care summary PDF for one family in ``lang`` on ``paper`` ("letter" or "a4"), and
    the warnings (``PrintWarning``s) about what prints imperfectly.

    Raises ``SessionError`` (the session loader's own error and message) when a text holds a
    control character, and ``ValueError`` for an unknown paper size.
    """
    page_size(paper)  # an unknown paper is the caller's mistake: fail before any work
    _refuse_unprintable(session, settings)
    register_fonts()
    try:
        warnings = print_warnings(session, settings)
        pdf = _Summary(session, lang=lang, paper=paper, settings=settings, today=today).build()
    finally:
        forget_text()  # the text caches hold the family's names and notes
    return pdf, warnings


def export_summary(
    path: str | os.PathLike[str],
    session: Session,
    *,
    lang: str,
    paper: str,
    settings: CenterSettings,
    today: date,
) -> list[PrintWarning]:
    """Write the summary to ``path`` all at once (never half a file), readable by its owner
    only (it holds a child's name and dates); returns the warnings."""
    pdf, warnings = build_summary(session, lang=lang, paper=paper, settings=settings, today=today)
    write_atomic(path, pdf)
    return warnings
