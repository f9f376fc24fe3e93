"""Check understanding (teach-back): one topic per screen, with a nurse or alone at a kiosk.

With a nurse (``nurse_mode=True``) the screen shows an open prompt ("Tell me what you will do
if ..."), the points to listen for, and the education record a hospital keeps: who explained it
back (parent or guardian, the patient, another caregiver), how (teach-back, or shown), the
nurse's initials, and the result, "Understood" or "Needs review", with today's date. Who and how
are chosen once and kept for every topic, so a topic takes two key presses: Enter to record it
understood, Enter for the next topic. Alone at a kiosk, the family answers a short
multiple-choice question and always sees the right answer explained; the kiosk records what it
can (the day, "self-check", the result; never a name). There is never a score.

Questions use the family's own dates (``core/content/teach_back.py``): "Until what day do you
stay close to the hospital?", answered with the day from the infusion and the center settings.

One ``Page`` (page id "check-understanding") with screens inside it, like the side-effects page:
``show_screen("crs")`` / ``show_screen("overview")``. Over 400 lines because it is one page in
two modes (nurse and kiosk) plus the overview; its widgets are in ui/widgets/teach_back.py.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from car_t_guide.core.content import care as care_content
from car_t_guide.core.content.labels import LEARNER_LABELS, METHOD_LABELS, RESULT_LABELS
from car_t_guide.core.content.teach_back import family_facts
from car_t_guide.core.dates import format_day
from car_t_guide.core.i18n import _, current_language
from car_t_guide.core.session.model import (
    CHANGED_MEDICINES,
    CHANGED_PLAN,
    CHANGED_TOPICS,
    TopicReview,
)
from car_t_guide.ui.pages.base import Page, PageContext
from car_t_guide.ui.widgets.teach_back import (
    INITIALS_MAX,
    NURSE_METHODS,
    ChoiceButton,
    RecordForm,
    StatusMark,
)
from car_t_guide.ui.widgets.text import bullet_list, framed, heading, label

OVERVIEW = "overview"
SELF_CHECK = "self_check"

# Where a family reads about a topic again: (page id, screen inside that page or "").
REVIEW_PLACES: dict[str, tuple[str, str]] = {
    "process": ("steps:1", ""),
    "journey": ("journey", ""),
    "crs": ("side-effects", "crs"),
    "neuro": ("side-effects", "neuro"),
    "call_plan": ("warning-signs", ""),
    "fever": ("warning-signs", ""),
    "warning_signs": ("warning-signs", ""),
    "blood_counts": ("side-effects", "blood_counts"),
    "infection": ("side-effects", "infection"),
    "infection_prevention": ("side-effects", "infection"),
    "b_cell_aplasia": ("side-effects", "b_cell_aplasia"),
    "medicines_at_home": ("side-effects", "medicines"),
    "wallet_card": ("summary", ""),
    "after_discharge": ("journey", ""),
    "things_to_avoid": ("side-effects", "things_to_avoid"),
    "long_term": ("side-effects", "long_term"),
}
# Side-effects screens that are not a side effect of the content file.
_SIDE_EFFECT_PAGES = ("grades", "medicines")


def review_place(topic_id: str, lang: str) -> tuple[str, str]:
    """Where to read about a topic again; the side-effects overview when the content has no
    screen of its own for it."""
    page, screen = REVIEW_PLACES.get(topic_id, ("", ""))
    if page == "side-effects" and screen:
        effects = {effect.id for effect in care_content.side_effects(lang).effects}
        if screen not in effects and screen not in _SIDE_EFFECT_PAGES:
            screen = ""
    return page, screen


def clean_initials(text: str) -> str | None:
    """The initials as they will be saved, or None when they cannot be used."""
    text = " ".join(text.split())
    if not text or len(text) > INITIALS_MAX or not text.isprintable():
        return None
    return text


def review_text(review: TopicReview | None, lang: str) -> str:
    """The record of a topic in one line: "Understood: Parent or guardian, Teach-back, RN,
    November 26, 2026"; a record without a result (version 1 files) says "Reviewed"."""
    if review is None:
        return _("Not reviewed yet")
    day = format_day(review.on, lang) if review.on else None
    if review.result in RESULT_LABELS:
        parts = [
            _(LEARNER_LABELS[review.learner]) if review.learner in LEARNER_LABELS else None,
            _(METHOD_LABELS[review.method]) if review.method in METHOD_LABELS else None,
            review.by,
            day,
        ]
        details = ", ".join(part for part in parts if part)
        result = _(RESULT_LABELS[review.result])
        if not details:
            return result
        return _("{result}: {details}").format(result=result, details=details)
    if review.by and day:
        return _("Reviewed with {by} on {date}").format(by=review.by, date=day)
    if day:
        return _("Reviewed on {date}").format(date=day)
    if review.by:
        return _("Reviewed with {by}").format(by=review.by)
    return _("Reviewed")


class CheckUnderstandingPage(Page):
    page_id = "check-understanding"
    #: the screen now showing ("overview" or a topic id)
    screen_changed = Signal(str)
    #: go over a topic again: (page id, screen inside it or "")
    review_requested = Signal(str, str)

    # The topics reviewed; the plan (the family's dates in the questions); the medicines
    # (listed for the nurse on "Medicines at home").
    shows = frozenset({CHANGED_TOPICS, CHANGED_PLAN, CHANGED_MEDICINES})

    def __init__(
        self, context: PageContext, *, nurse_mode: bool = False, parent: QWidget | None = None
    ):
        super().__init__(context, parent)
        self._nurse_mode = nurse_mode
        self.screen = OVERVIEW
        # The nurse's record, chosen once and kept from topic to topic.
        self._initials = ""
        self._learner = "parent_or_guardian"
        self._method = "teach_back"
        self._outcome: str | None = None  # what the last press on this screen did
        self._choice: str | None = None  # the kiosk answer chosen on this screen
        self._focus_target: QWidget | None = None
        self._rebuilding_self = False
        self._reset_widgets()

    # --- the session and the mode -------------------------------------------------------------

    def session_replaced(self) -> None:
        """Another family (a loaded file, or a fresh one after a kiosk wipe): the record
        starts again, at the overview."""
        self._initials = ""
        self._learner = "parent_or_guardian"
        self._method = "teach_back"
        self.screen = OVERVIEW
        self._outcome = None
        self._choice = None
        self.stale = True
        if self.isVisible():
            self._go_to(OVERVIEW)

    @property
    def nurse_mode(self) -> bool:
        return self._nurse_mode

    @nurse_mode.setter
    def nurse_mode(self, value: bool) -> None:
        if value != self._nurse_mode:
            self._nurse_mode = value
            self._outcome = None
            self._choice = None
            self.stale = True
            if self.isVisible():
                self.rebuild()

    def session_changed(self, part: str) -> None:
        if self._rebuilding_self:
            return  # this page's own record: it redraws itself
        self.stale = True
        if self.isVisible():
            self.rebuild()

    # --- screens ------------------------------------------------------------------------------

    def teach_back(self) -> care_content.TeachBack:
        """The topics in the language showing, with this family's dates and the center's
        number and wording filled in."""
        lang = current_language()
        facts = family_facts(self.session, self.settings, today=self.today(), lang=lang)
        return care_content.teach_back(lang, facts)

    def topics(self) -> list[care_content.TeachBackTopic]:
        return self.teach_back().topics

    def screen_ids(self) -> list[str]:
        return [OVERVIEW, *(t.id for t in self.topics())]

    def show_screen(self, screen_id: str) -> None:
        if screen_id not in self.screen_ids():
            raise KeyError(f"no check-understanding screen {screen_id!r}")
        self._go_to(screen_id)
        self.screen_changed.emit(screen_id)

    def _go_to(self, screen_id: str) -> None:
        self.screen = screen_id
        self._outcome = None
        self._choice = None
        self.rebuild()
        self.scroll.verticalScrollBar().setValue(0)
        self._focus()

    def _focus(self, *, reveal: bool = False) -> None:
        """Focus what the next key press is for. After a press (``reveal``), scroll so that
        what it did (the feedback) and where the focus went are in view: a keyboard user sees
        the result of each key. Whatever takes focus is scrolled into view (ui/focus.py), so at
        the largest text a topic opens at its first field rather than at the question."""
        if self._focus_target is None or not self.isVisible():
            return
        self._focus_target.setFocus(Qt.FocusReason.OtherFocusReason)
        if reveal:
            content = self.scroll.widget()
            if content is not None and content.layout() is not None:
                content.layout().activate()  # the new screen's geometry, before scrolling to it
            margin = round(16 * self.scale)
            for widget in (self.feedback, self.problem_label, self._focus_target):
                if widget is not None:
                    self.scroll.ensureWidgetVisible(widget, 0, margin)

    def _reset_widgets(self) -> None:
        self.topic_buttons: dict[str, QPushButton] = {}
        self.status_labels: dict[str, object] = {}
        self.record_form: RecordForm | None = None
        self.initials_edit = None
        self.understood_button: QPushButton | None = None
        self.needs_review_button: QPushButton | None = None
        self.choice_buttons: dict[str, ChoiceButton] = {}
        self.feedback: QWidget | None = None
        self.problem_label = None
        self.next_button: QPushButton | None = None
        self.back_button: QPushButton | None = None

    def build(self, layout: QVBoxLayout) -> None:
        self._reset_widgets()
        self._focus_target = None
        text = self.teach_back()
        ids = [t.id for t in text.topics]
        if self.screen not in ids:
            self.screen = OVERVIEW
            self._build_overview(layout, text)
        else:
            self._build_topic(layout, text.topics, text.topic(self.screen))

    def position_text(self) -> str:
        if self.screen == OVERVIEW:
            return _("Check understanding")
        ids = [t.id for t in self.topics()]
        return _("Topic {number} of {total}").format(
            number=ids.index(self.screen) + 1, total=len(ids)
        )

    def section_title(self) -> str:
        return _("Check understanding")

    def _review(self, topic_id: str) -> TopicReview | None:
        return self.session.review_of(topic_id)

    @staticmethod
    def _mark_for(review: TopicReview | None) -> StatusMark:
        return StatusMark(review is not None, again=review is not None and review.needs_review)

    def _status_row(self, topic_id: str) -> QHBoxLayout:
        review = self._review(topic_id)
        row = QHBoxLayout()
        row.addWidget(self._mark_for(review), 0, Qt.AlignmentFlag.AlignTop)
        status = label(review_text(review, current_language()), "muted")
        self.status_labels[topic_id] = status
        row.addWidget(status, 1)
        return row

    # --- the overview -------------------------------------------------------------------------

    def _build_overview(self, layout: QVBoxLayout, text: care_content.TeachBack) -> None:
        layout.addWidget(heading(text.title))
        if self._nurse_mode:
            layout.addWidget(
                label(
                    _(
                        "Go through each topic with the family. Ask the question on the screen, "
                        "and let them answer in their own words."
                    )
                )
            )
        else:
            layout.addWidget(
                label(
                    _(
                        "Answer one short question about each topic. This is not a test: "
                        "after each answer, you will see the right answer and why."
                    )
                )
            )
        # A grid, so the buttons share one width and the words beside them line up; at the
        # larger text sizes each status goes under its button.
        stacked = self.scale >= 1.5
        grid = QGridLayout()
        grid.setHorizontalSpacing(round(12 * self.scale))
        grid.setVerticalSpacing(round((4 if stacked else 8) * self.scale))
        first_open = None
        for i, topic in enumerate(text.topics):
            review = self._review(topic.id)
            if (review is None or review.needs_review) and first_open is None:
                first_open = topic  # not gone through yet, or to go over again
            said = review_text(review, current_language())
            open_topic = QPushButton(topic.title)
            open_topic.setAccessibleName(f"{topic.title}: {said}")
            open_topic.clicked.connect(lambda _checked=False, t=topic.id: self.show_screen(t))
            self.topic_buttons[topic.id] = open_topic
            status = label(said, "muted")
            self.status_labels[topic.id] = status
            row = 2 * i if stacked else i
            grid.addWidget(self._mark_for(review), row, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(open_topic, row, 1)
            if stacked:  # keep each status with its own button, apart from the next one
                status.setContentsMargins(0, 0, 0, round(14 * self.scale))
                grid.addWidget(status, row + 1, 1)
            else:
                grid.addWidget(status, row, 2, Qt.AlignmentFlag.AlignVCenter)
        grid.setColumnStretch(1 if stacked else 2, 1)
        layout.addLayout(grid)
        layout.addSpacing(round(12 * self.scale))
        if first_open is not None:
            start = QPushButton(_("Go to the next topic: {title}").format(title=first_open.title))
            start.setObjectName("primary")
            start.setAccessibleName(start.text())
            start.clicked.connect(lambda _checked=False, t=first_open.id: self.show_screen(t))
            self.next_button = start
            row = QHBoxLayout()
            row.addWidget(start)
            row.addStretch(1)
            layout.addLayout(row)
            self._focus_target = start
        else:
            layout.addWidget(framed("callout", label(_("Every topic has been reviewed."))))
            self._focus_target = next(iter(self.topic_buttons.values()), None)

    # --- one topic ----------------------------------------------------------------------------

    def _build_topic(
        self,
        layout: QVBoxLayout,
        topics: list[care_content.TeachBackTopic],
        topic: care_content.TeachBackTopic,
    ) -> None:
        back = QPushButton(_("Back to all topics"))
        back.setAccessibleName(back.text())
        back.clicked.connect(lambda: self.show_screen(OVERVIEW))
        self.back_button = back
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(heading(topic.title))
        layout.addLayout(self._status_row(topic.id))
        if self._nurse_mode:
            self._build_nurse_prompt(layout, topic)
        else:
            self._build_self_check(layout, topic)
        self._build_next(layout, topics, topic)

    def _own_medicines(self) -> list[str]:
        """The family's medicines as staff entered them, with their last day."""
        lang = current_language()
        return [
            _("{medicine}: until {date}").format(
                medicine=medicine.name, date=format_day(medicine.until, lang)
            )
            if medicine.until
            else medicine.name
            for medicine in self.session.medicines
        ]

    def _build_nurse_prompt(self, layout: QVBoxLayout, topic: care_content.TeachBackTopic) -> None:
        layout.addWidget(label(_("Ask the family:"), "muted"))
        prompt = label(topic.nurse_prompt.text, "subheading")
        layout.addWidget(framed("callout", prompt))
        layout.addWidget(label(_("Listen for:"), "muted"))
        layout.addWidget(bullet_list(point.text for point in topic.listen_for))
        if topic.id == "medicines_at_home" and self.session.medicines:
            layout.addWidget(label(_("This family's medicines:"), "muted"))
            layout.addWidget(bullet_list(self._own_medicines()))
        layout.addWidget(label(_("Let the family answer in their own words. Then record it:")))

        form = RecordForm(self._learner, self._method, self._initials, self.scale)
        form.changed.connect(lambda: self._on_record_edited(form))
        form.submitted.connect(lambda: self._record(topic.id, "understood"))
        # Typing the initials brings the field into view (the page opens at its question).
        form.initials_edit.textEdited.connect(
            lambda _text: self.scroll.ensureWidgetVisible(form.initials_edit, 0, 16)
        )
        self.record_form = form
        self.initials_edit = form.initials_edit
        layout.addWidget(form)

        buttons = QHBoxLayout()
        understood = QPushButton(_(RESULT_LABELS["understood"]))
        understood.setObjectName("primary")
        understood.setAccessibleName(_("Record: understood"))
        understood.clicked.connect(lambda: self._record(topic.id, "understood"))
        again = QPushButton(_(RESULT_LABELS["needs_review"]))
        again.setAccessibleName(_("Record: needs review"))
        again.clicked.connect(lambda: self._record(topic.id, "needs_review"))
        self.understood_button, self.needs_review_button = understood, again
        buttons.addWidget(understood)
        buttons.addWidget(again)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._focus_target = form.initials_edit if not self._initials else understood

        if self._outcome == "missing_initials":
            problem = label(
                _("Please type your initials first (up to {n} letters).").format(n=INITIALS_MAX),
                "problem",
            )
            self.problem_label = problem
            layout.addWidget(problem)
            self._focus_target = form.initials_edit
        elif self._outcome == "understood":
            review = self._review(topic.id)
            self.feedback = framed("callout", label(_("Recorded: understood."), "subheading"))
            self.feedback.setAccessibleName(review_text(review, current_language()))
            layout.addWidget(self.feedback)
        elif self._outcome == "needs_review":
            self.feedback = framed(
                "callout",
                label(_("Recorded: needs review."), "subheading"),
                label(_("That is fine. Go over this topic together again.")),
                label(_("Then ask the question once more.")),
                self._read_again_button(topic.id),
            )
            layout.addWidget(self.feedback)

    def _build_self_check(self, layout: QVBoxLayout, topic: care_content.TeachBackTopic) -> None:
        check = topic.self_check
        layout.addWidget(label(check.question.text, "subheading"))
        layout.addWidget(label(_("Choose one answer."), "muted"))
        for choice in check.choices:
            answer = ChoiceButton(choice.text, self.scale)
            answer.setChecked(choice.id == self._choice)
            answer.clicked.connect(
                lambda _checked=False, t=topic.id, c=choice.id: self._answer(t, c)
            )
            self.choice_buttons[choice.id] = answer
            layout.addWidget(answer)
            if self._focus_target is None:
                self._focus_target = answer
        if self._choice is None:
            return
        advice = [label(item.text) for item in topic.center_advice]
        if check.is_right(self._choice):
            parts = [
                label(_("Yes, that is right!"), "subheading"),
                label(check.explain.text),
                *advice,
            ]
        else:
            parts = [
                label(_("Not quite, and that is OK."), "subheading"),
                label(_("The answer is: {answer}").format(answer=check.right_choice.text)),
                label(check.explain.text),
                *advice,
                label(_("Take your time. You can choose again."), "muted"),
                self._read_again_button(topic.id),
            ]
        self.feedback = framed("callout", *parts)
        self.feedback.setAccessibleName(" ".join(p.text() for p in parts if hasattr(p, "text")))
        layout.addWidget(self.feedback)

    def _read_again_button(self, topic_id: str) -> QWidget:
        page, screen = review_place(topic_id, current_language())
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        if page:
            read = QPushButton(_("Read about it again"))
            read.setAccessibleName(read.text())
            read.clicked.connect(lambda: self.review_requested.emit(page, screen))
            row.addWidget(read)
        row.addStretch(1)
        return holder

    def _build_next(
        self,
        layout: QVBoxLayout,
        topics: list[care_content.TeachBackTopic],
        topic: care_content.TeachBackTopic,
    ) -> None:
        index = [t.id for t in topics].index(topic.id)
        if index + 1 < len(topics):
            following = topics[index + 1]
            go = QPushButton(_("Next topic: {title}").format(title=following.title))
            go.clicked.connect(lambda: self.show_screen(following.id))
        else:
            go = QPushButton(_("Back to all topics"))
            go.clicked.connect(lambda: self.show_screen(OVERVIEW))
        go.setAccessibleName(go.text())
        if self._outcome in ("understood", "needs_review") or (
            self._choice is not None and topic.self_check.is_right(self._choice)
        ):
            go.setObjectName("primary")
            self._focus_target = go
            again = self.feedback.findChild(QPushButton) if self.feedback is not None else None
            if self._outcome == "needs_review" and again is not None:
                self._focus_target = again  # "go over it again" is what the nurse does next
        self.next_button = go
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(go)
        layout.addSpacing(round(12 * self.scale))
        layout.addLayout(row)

    # --- what the buttons do ------------------------------------------------------------------

    def _on_record_edited(self, form: RecordForm) -> None:
        self._initials = form.initials()
        self._learner = form.learner()
        self._method = form.method()

    def _mark(self, topic_id: str, **record) -> None:
        self._rebuilding_self = True
        try:
            self.session.mark_topic_reviewed(topic_id, on=self.today(), **record)
        finally:
            self._rebuilding_self = False

    def _record(self, topic_id: str, result: str) -> None:
        """The nurse's record of a topic: who, how, the result, their initials, today."""
        initials = clean_initials(self._initials)
        if initials is None:
            self._outcome = "missing_initials"
        else:
            self._initials = initials
            method = self._method if self._method in NURSE_METHODS else "teach_back"
            self._mark(
                topic_id, by=initials, learner=self._learner, method=method, result=result
            )
            self._outcome = result
        self.rebuild()
        self._focus(reveal=True)

    def _answer(self, topic_id: str, choice_id: str) -> None:
        """A kiosk answer. What the kiosk knows is recorded (the day, "self-check", the result;
        never a name): a right answer records "understood"; a first wrong one "needs review",
        so the nurse sees it later. A nurse's record is never replaced, and an answer never
        undoes an earlier right one."""
        topic = self.teach_back().topic(topic_id)
        self._choice = choice_id
        review = self._review(topic_id)
        own = review is None or (review.method == SELF_CHECK and review.by is None)
        right = topic.self_check.is_right(choice_id)
        if own and right and (review is None or review.result != "understood"):
            self._mark(topic_id, method=SELF_CHECK, result="understood")
        elif review is None and not right:
            self._mark(topic_id, method=SELF_CHECK, result="needs_review")
        self.rebuild()
        self._focus_target = self.choice_buttons.get(choice_id, self._focus_target)
        if right and self.next_button is not None:
            self._focus_target = self.next_button
        self._focus(reveal=True)
