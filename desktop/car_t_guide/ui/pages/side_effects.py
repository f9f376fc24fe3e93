"""Side effects, explained: an overview, one screen per side effect, the grades, the medicines.

One ``Page`` (page id "side-effects") with screens inside it: ``show_screen("crs")`` rebuilds the
page as that screen, ``show_screen("overview")`` goes back. The page rebuilds from data, like
every page, so a language or text-size change redraws whichever screen is showing. The window
listens to ``screen_changed`` to refresh its "where am I" line, and to
``warning_signs_requested`` to open the call-now page.

Over 400 lines: one page of several screens (the overview, each side effect, its grades), which
share the page's state and are read aloud as one page.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from car_t_guide.core.chart.effect_strip import StripRow
from car_t_guide.core.content import care as care_content
from car_t_guide.core.content.call_plan import CallPlan, call_plan, fever_medicine_text
from car_t_guide.core.content.texts import Item
from car_t_guide.core.dates import format_day
from car_t_guide.core.i18n import _, current_language
from car_t_guide.core.journey import rules_after_infusion
from car_t_guide.core.session.model import CHANGED_CARE_TEAM, CHANGED_MEDICINES, CHANGED_PLAN
from car_t_guide.ui import theme
from car_t_guide.ui.pages.base import Page, PageContext
from car_t_guide.ui.widgets.call_plan import tier_box
from car_t_guide.ui.widgets.effect_strip import EffectStripWidget
from car_t_guide.ui.widgets.text import bullet_list, framed, heading, label, subheading

OVERVIEW = "overview"
GRADES = "grades"
MEDICINES = "medicines"
FEVER_MEDICINE = "fever_pain"  # the medicine entry under which the center's own advice shows
THINGS_TO_AVOID = "things_to_avoid"  # the topic that shows the family's stay-near dates


def button(text: str, object_name: str = "", accessible_name: str = "") -> QPushButton:
    widget = QPushButton(text)
    if object_name:
        widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name or text)
    return widget


def said(items: Iterable[Item]) -> list[str]:
    """The statements of a list, without the questions to ask the team."""
    return [item.text for item in items if item.kind != "question"]


def asked(items: Iterable[Item]) -> list[str]:
    return [item.text for item in items if item.kind == "question"]


def questions_card(groups: list[tuple[str, list[str]]]) -> QWidget:
    """One card of questions for the screen; each group under its own small title (if any)."""
    parts: list[QWidget] = [subheading(_("Questions to ask your team"))]
    for title, texts in groups:
        if title:
            parts.append(label(title, "position"))
        parts.append(bullet_list(texts))
    return framed("card", *parts)


def strip_rows(effects: Iterable[care_content.SideEffect]) -> list[StripRow]:
    return [StripRow(e.id, e.short_title, e.when_days) for e in effects if e.when_days is not None]


def strip_source(rows: Iterable[StripRow]) -> str:
    """The one source of a strip chart (a test checks a chart never mixes two)."""
    from car_t_guide.core.content.texts import sources

    keys = {row.window.source for row in rows}
    if len(keys) != 1:
        raise ValueError(f"a strip chart needs exactly one source, got {sorted(keys)}")
    source = sources().get(keys.pop())
    return source.title if source else ""


class GradeLevel(QWidget):
    """Grade n of 4 as four steps, n of them filled: how much help the body needs, at a glance.

    The count of filled steps carries the meaning, not the colour."""

    def __init__(self, grade: int, highest: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.grade = grade
        self.highest = highest
        self.setAccessibleName(_("Grade {grade} of {highest}").format(grade=grade, highest=highest))

    def sizeHint(self) -> QSize:  # noqa: N802
        unit = self.fontMetrics().height()
        return QSize(round(unit * 0.55 * self.highest + unit * 0.2), unit)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = self.height()
        step = self.width() / self.highest
        pen = QPen(QColor(theme.ACCENT), max(1.5, height / 14))
        painter.setPen(pen)
        for i in range(self.highest):
            bar_height = height * (0.35 + 0.65 * (i + 1) / self.highest) - pen.widthF()
            rect = QRectF(
                i * step + step * 0.12,
                height - bar_height - pen.widthF() / 2,
                step * 0.7,
                bar_height,
            )
            painter.setBrush(QColor(theme.ACCENT) if i < self.grade else QColor(theme.SURFACE))
            painter.drawRect(rect)
        painter.end()


class SideEffectsPage(Page):
    page_id = "side-effects"
    #: the screen now showing ("overview", an effect id, "grades" or "medicines")
    screen_changed = Signal(str)
    #: the family pressed "See the warning signs"
    warning_signs_requested = Signal()

    # The family's own medicines; whom to call (their care team); their dates (the call
    # plan's "what to say", the stay-near and no-driving days).
    shows = frozenset({CHANGED_MEDICINES, CHANGED_CARE_TEAM, CHANGED_PLAN})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.screen = OVERVIEW
        self._focus_target: QWidget | None = None
        self._questions: list[tuple[str, list[str]]] = []

    # --- the session --------------------------------------------------------------------------

    def session_changed(self, part: str) -> None:
        self.stale = True
        if self.isVisible() and self.screen == MEDICINES and part == CHANGED_MEDICINES:
            self.rebuild()

    def session_replaced(self) -> None:
        """Another family (or none): back to the overview."""
        self.screen = OVERVIEW
        self.stale = True
        if self.isVisible():
            self.rebuild()

    # --- screens ------------------------------------------------------------------------------

    def screen_ids(self) -> list[str]:
        effects = care_content.side_effects(current_language()).effects
        return [OVERVIEW, *(e.id for e in effects), GRADES, MEDICINES]

    def show_screen(self, screen_id: str) -> None:
        if screen_id not in self.screen_ids():
            raise KeyError(f"no side-effects screen {screen_id!r}")
        self.screen = screen_id
        self.rebuild()
        self.scroll.verticalScrollBar().setValue(0)
        if self._focus_target is not None and self.isVisible():
            self._focus_target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.screen_changed.emit(screen_id)

    def build(self, layout: QVBoxLayout) -> None:
        self._focus_target = None
        self._questions = []
        text = care_content.side_effects(current_language())
        if self.screen == GRADES:
            self._build_grades(layout)
        elif self.screen == MEDICINES:
            self._build_medicines(layout)
        elif self.screen == OVERVIEW or self.screen not in {e.id for e in text.effects}:
            self.screen = OVERVIEW
            self._build_overview(layout, text)
        else:
            self._build_effect(layout, text, text.effect(self.screen))

    def _screen_title(self, screen_id: str) -> str:
        if screen_id == GRADES:
            return _("What the grades mean")
        if screen_id == MEDICINES:
            return _("Medicines to know about")
        text = care_content.side_effects(current_language())
        if screen_id == OVERVIEW:
            return text.title
        return text.effect(screen_id).title

    def position_text(self) -> str:
        if self.screen == OVERVIEW:
            return _("Side effects")
        if self.screen in (GRADES, MEDICINES):
            return self._screen_title(self.screen)
        effects = [e.id for e in care_content.side_effects(current_language()).effects]
        return _("Side effect {number} of {total}").format(
            number=effects.index(self.screen) + 1, total=len(effects)
        )

    def section_title(self) -> str:
        return _("Side effects")

    # --- pieces shared by the screens ---------------------------------------------------------

    def _back_button(self, layout: QVBoxLayout) -> None:
        back = button(_("Back to all side effects"))
        back.clicked.connect(lambda: self.show_screen(OVERVIEW))
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        self._focus_target = back

    def _next_button(self, layout: QVBoxLayout) -> None:
        ids = self.screen_ids()
        index = ids.index(self.screen)
        if index + 1 >= len(ids):
            following = OVERVIEW
            text = _("Back to all side effects")
        else:
            following = ids[index + 1]
            text = _("Next: {title}").format(title=self._screen_title(following))
        row = QHBoxLayout()
        row.addStretch(1)
        go = button(text, "primary")
        go.clicked.connect(lambda: self.show_screen(following))
        row.addWidget(go)
        layout.addSpacing(round(12 * self.scale))
        layout.addLayout(row)

    def _section(
        self, layout: QVBoxLayout, title: str, items: list[Item], question_group: str = ""
    ) -> None:
        """A subheading and its statements; its questions wait for the screen's question card."""
        statements = said(items)
        questions = asked(items)
        if not statements and questions:
            # Only questions (the sources say too little for a family): ask them right here.
            if title:
                layout.addWidget(subheading(title))
            layout.addWidget(
                framed("card", label(_("Ask your team:"), "position"), bullet_list(questions))
            )
            return
        if questions:
            self._questions.append((question_group, questions))
        if statements:
            if title:
                layout.addWidget(subheading(title))
            layout.addWidget(bullet_list(statements))

    def _questions_card(self, layout: QVBoxLayout) -> None:
        if self._questions:
            layout.addWidget(questions_card(self._questions))
            self._questions = []

    def _call_plan(self) -> CallPlan:
        return call_plan(
            current_language(),
            self.context.contacts(),
            infusion=self.session.plan.infusion,
            fever_medicine=self.settings.fever_medicine,
        )

    def _call_box(self, title: str, sign_ids: Iterable[str] | None) -> QWidget:
        """Whom to call for this screen's signs: the call plan cut down to them (``None``: the
        plan's two numbers, no signs), and the way to all the warning signs."""
        plan = self._call_plan()
        tiers = plan.tiers if sign_ids is None else plan.for_signs(sign_ids)
        parts: list[QWidget] = [label(title, "warningHeading")]
        for tier in tiers:
            parts.append(tier_box(tier, with_signs=sign_ids is not None))
        signs = button(_("See all the warning signs"), "warningButton")
        signs.clicked.connect(self.warning_signs_requested)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(signs)
        row.addStretch(1)
        parts.append(holder)
        box = framed("card", *parts)
        box.setAccessibleName(title)
        return box

    # --- the overview -------------------------------------------------------------------------

    def _build_overview(self, layout: QVBoxLayout, text: care_content.SideEffects) -> None:
        layout.addWidget(heading(text.title))
        layout.addWidget(bullet_list(said(text.intro)))

        rows = strip_rows(text.effects)
        if rows:
            layout.addWidget(subheading(_("When the first side effects usually begin")))
            layout.addWidget(EffectStripWidget(rows))
            source = _("Source: {source}").format(source=strip_source(rows))
            layout.addWidget(label(source, "muted"))

        layout.addWidget(subheading(_("Choose a side effect to learn more")))
        layout.addLayout(self._button_grid([(e.id, e.title) for e in text.effects]))

        layout.addWidget(subheading(_("More to know")))
        layout.addLayout(
            self._button_grid(
                [(GRADES, self._screen_title(GRADES)), (MEDICINES, self._screen_title(MEDICINES))]
            )
        )
        layout.addWidget(self._call_box(_("Warning signs: call now"), None))

    def _button_grid(self, entries: list[tuple[str, str]]) -> QGridLayout:
        """Large buttons, two to a row (one at the larger text sizes)."""
        grid = QGridLayout()
        grid.setSpacing(round(10 * self.scale))
        columns = 1 if self.scale >= 1.5 else 2
        for i, (screen_id, title) in enumerate(entries):
            choice = button(title)
            choice.clicked.connect(lambda _checked=False, s=screen_id: self.show_screen(s))
            grid.addWidget(choice, i // columns, i % columns)
            if self._focus_target is None:
                self._focus_target = choice
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        return grid

    # --- one side effect ----------------------------------------------------------------------

    def _build_effect(
        self, layout: QVBoxLayout, text: care_content.SideEffects, effect: care_content.SideEffect
    ) -> None:
        self._back_button(layout)
        layout.addWidget(heading(effect.title))
        self._section(
            layout, effect.section_title("what_it_is", _("What it is")), effect.what_it_is
        )
        self._section(
            layout, effect.section_title("when", _("When it usually happens")), effect.when
        )
        if effect.id == THINGS_TO_AVOID:
            self._rule_dates(layout)
        if effect.when_days is not None:
            rows = strip_rows([effect])
            layout.addWidget(EffectStripWidget(rows, show_titles=False))
            layout.addWidget(
                label(_("Source: {source}").format(source=strip_source(rows)), "muted")
            )
        self._section(
            layout,
            effect.section_title("what_you_may_see", _("What you may see")),
            effect.what_you_may_see,
        )
        self._section(
            layout,
            effect.section_title("what_the_team_does", _("What the team does")),
            effect.what_the_team_does,
        )
        for more in effect.more_sections:
            self._section(layout, more.title, more.items)
        self._questions_card(layout)
        layout.addWidget(self._call_box(_("When to call right away"), effect.call_for))
        self._next_button(layout)

    def _rule_dates(self, layout: QVBoxLayout) -> None:
        """The family's own stay-near and no-driving dates (center settings), when known."""
        rules = rules_after_infusion(
            self.session, self.settings, today=self.today(), lang=current_language()
        )
        if rules:
            layout.addWidget(framed("callout", bullet_list(rule.plain_sentence for rule in rules)))

    # --- the grades ---------------------------------------------------------------------------

    def _build_grades(self, layout: QVBoxLayout) -> None:
        grades = care_content.grades(current_language())
        self._back_button(layout)
        layout.addWidget(heading(grades.title))
        layout.addWidget(framed("callout", bullet_list(said(grades.intro))))
        stacked = self.scale >= 1.5
        for scale in grades.scales:
            layout.addWidget(subheading(scale.title))
            card = framed("card")
            rows = card.layout()
            rows.setSpacing(round(14 * self.scale))
            for grade in scale.grades:
                line = QBoxLayout(
                    QBoxLayout.Direction.TopToBottom
                    if stacked
                    else QBoxLayout.Direction.LeftToRight
                )
                name = QHBoxLayout()
                name.addWidget(
                    GradeLevel(grade.grade, grades.highest), 0, Qt.AlignmentFlag.AlignVCenter
                )
                grade_label = label(_("Grade {grade}").format(grade=grade.grade), "position")
                name.addWidget(grade_label, 0, Qt.AlignmentFlag.AlignVCenter)
                name.addStretch(1)
                holder = QWidget()
                holder.setLayout(name)
                name.setContentsMargins(0, 0, 0, 0)
                if not stacked:
                    holder.setFixedWidth(round(holder.sizeHint().width() * 1.15))
                line.addWidget(holder, 0, Qt.AlignmentFlag.AlignTop)
                line.addWidget(label(grade.text.text), 1)
                rows.addLayout(line)
            layout.addWidget(card)
        self._section(layout, _("Good to know"), grades.note)
        self._questions_card(layout)
        self._next_button(layout)

    # --- medicines ----------------------------------------------------------------------------

    def _build_medicines(self, layout: QVBoxLayout) -> None:
        text = care_content.medicines(current_language())
        lang = current_language()
        self._back_button(layout)
        layout.addWidget(heading(text.title))
        own = self.session.medicines
        if own:
            parts: list[QWidget] = [
                subheading(_("Your child's medicines")),
                label(_("Your care team wrote this list for you."), "muted"),
            ]
            for medicine in own:
                # Names and notes are the team's own words: plain text, never markup.
                name = label(medicine.name, "position")
                name.setContentsMargins(0, round(8 * self.scale), 0, 0)
                parts.append(name)
                details = []
                if medicine.purpose:
                    details.append(_("What it is for: {purpose}").format(purpose=medicine.purpose))
                if medicine.until:
                    details.append(_("Until: {date}").format(date=format_day(medicine.until, lang)))
                if details:
                    parts.append(bullet_list(details))
            layout.addWidget(framed("card", *parts))
        self._section(layout, "", text.intro)
        for medicine in text.medicines:
            self._section(layout, medicine.title, medicine.items, question_group=medicine.title)
            if medicine.id == FEVER_MEDICINE:
                advice = fever_medicine_text(self.settings.fever_medicine, lang)
                layout.addWidget(framed("callout", label(advice, "position")))
        self._questions_card(layout)
        self._next_button(layout)
