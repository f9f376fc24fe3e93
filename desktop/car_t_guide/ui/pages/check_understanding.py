"""Check understanding (teach-back): one topic per screen, with a nurse or alone at a kiosk.

With a nurse (``nurse_mode=True``) the screen shows an open prompt ("Tell me what you will do
if ..."); the family answers aloud and the nurse presses "Explained back" (with their initials)
or "Go over again". Alone at a kiosk, the family answers a short multiple-choice question and
always sees the right answer explained; a right answer marks the topic reviewed. There is never
a score. What is reviewed goes into the session (``mark_topic_reviewed``), which is saved and
printed on the summary.

One ``Page`` (page id "check-understanding") with screens inside it, like the side-effects page:
``show_screen("crs")`` / ``show_screen("overview")``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from car_t_guide.core.content import care as care_content
from car_t_guide.core.dates import format_day
from car_t_guide.core.i18n import _, current_language
from car_t_guide.core.session.model import CHANGED_TOPICS, Session, TopicReview
from car_t_guide.ui import theme
from car_t_guide.ui.accessibility import Role, set_role
from car_t_guide.ui.pages.base import Page
from car_t_guide.ui.widgets.text import framed, heading, label

OVERVIEW = "overview"
INITIALS_MAX = 10

# Where a family reads about a topic again: (page id, screen inside that page or "").
REVIEW_PLACES: dict[str, tuple[str, str]] = {
    "process": ("steps:1", ""),
    "journey": ("journey", ""),
    "crs": ("side-effects", "crs"),
    "neuro": ("side-effects", "neuro"),
    "infection": ("side-effects", "infection"),
    "b_cell_aplasia": ("side-effects", "b_cell_aplasia"),
    "warning_signs": ("warning-signs", ""),
    "after_discharge": ("journey", ""),
    "long_term": ("side-effects", "long_term"),
}


def clean_initials(text: str) -> str | None:
    """The initials as they will be saved, or None when they cannot be used."""
    text = " ".join(text.split())
    if not text or len(text) > INITIALS_MAX or not text.isprintable():
        return None
    return text


def review_text(review: TopicReview | None, lang: str) -> str:
    if review is None:
        return _("Not reviewed yet")
    day = format_day(review.on, lang) if review.on else None
    if review.by and day:
        return _("Reviewed with {by} on {date}").format(by=review.by, date=day)
    if day:
        return _("Reviewed on {date}").format(date=day)
    if review.by:
        return _("Reviewed with {by}").format(by=review.by)
    return _("Reviewed")


class StatusMark(QWidget):
    """A filled circle with a tick when reviewed, an empty ring when not: shape, not colour."""

    def __init__(self, reviewed: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.reviewed = reviewed
        self.setAccessibleName(_("Reviewed") if reviewed else _("Not reviewed yet"))

    def sizeHint(self) -> QSize:  # noqa: N802
        side = round(self.fontMetrics().height() * 1.1)
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        line = max(2.0, side / 12)
        circle = QRectF(
            (self.width() - side) / 2 + line,
            (self.height() - side) / 2 + line,
            side - 2 * line,
            side - 2 * line,
        )
        painter.setPen(QPen(QColor(theme.ACCENT), line))
        painter.setBrush(QColor(theme.ACCENT) if self.reviewed else QColor(theme.SURFACE))
        painter.drawEllipse(circle)
        if self.reviewed:
            tick = QPainterPath()
            c = circle
            tick.moveTo(QPointF(c.left() + c.width() * 0.27, c.top() + c.height() * 0.52))
            tick.lineTo(QPointF(c.left() + c.width() * 0.44, c.top() + c.height() * 0.69))
            tick.lineTo(QPointF(c.left() + c.width() * 0.74, c.top() + c.height() * 0.33))
            pen = QPen(QColor(theme.ACCENT_TEXT), line * 1.4)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(tick)
        painter.end()


class ChoiceButton(QPushButton):
    """A large answer button whose text wraps (a QPushButton's own text never does)."""

    def __init__(self, text: str, scale: float = 1.0, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("section")  # the style sheet's checked look: filled with the accent
        self.setCheckable(True)
        set_role(self, Role.RadioButton)  # one answer of a few
        self.setAccessibleName(text)
        self._label = label(text)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._label.setAccessibleName("")
        box = QVBoxLayout(self)
        # Inside the style sheet's border and padding (which a layout does not see).
        sizes = theme.Sizes(scale)
        box.setContentsMargins(
            sizes.border + sizes.px(16),
            sizes.border + sizes.px(8),
            sizes.border + sizes.px(16),
            sizes.border + sizes.px(8),
        )
        box.addWidget(self._label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.toggled.connect(self._show_state)
        self._show_state(False)

    def text(self) -> str:  # the label holds the text; say it the way QPushButton would
        return self._label.text()

    def _show_state(self, checked: bool) -> None:
        colour = theme.ACCENT_TEXT if checked else theme.ACCENT
        self._label.setStyleSheet(f"color: {colour}; background: transparent; font-weight: bold;")

    def sizeHint(self) -> QSize:  # noqa: N802
        # As narrow as its longest word allows: the text wraps to whatever width it is given.
        return QSize(self.layout().minimumSize().width(), self.layout().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.layout().minimumSize()


class CheckUnderstandingPage(Page):
    page_id = "check-understanding"
    #: the screen now showing ("overview" or a topic id)
    screen_changed = Signal(str)
    #: go over a topic again: (page id, screen inside it or "")
    review_requested = Signal(str, str)

    def __init__(
        self,
        session: Session,
        today: Callable[[], date] = date.today,
        *,
        nurse_mode: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._today = today
        self._nurse_mode = nurse_mode
        self._subscription: list[Callable[[], None]] = []
        self.destroyed.connect(lambda *_args, held=self._subscription: [stop() for stop in held])
        self._session = session
        self.screen = OVERVIEW
        self._initials = ""
        self._outcome: str | None = None  # what the last press on this screen did
        self._choice: str | None = None  # the kiosk answer chosen on this screen
        self._focus_target: QWidget | None = None
        self._rebuilding_self = False
        self._reset_widgets()
        self.set_session(session)

    # --- the session and the mode -------------------------------------------------------------

    def set_session(self, session: Session) -> None:
        """Follow another session (a loaded file, or a fresh one after a kiosk wipe)."""
        self.cleanup()
        self._session = session
        self._subscription.append(session.subscribe(self._on_session_changed))
        self._initials = ""
        self.screen = OVERVIEW
        self._outcome = None
        self._choice = None
        self.stale = True
        if self.isVisible():
            self._go_to(OVERVIEW)

    @property
    def session(self) -> Session:
        return self._session

    def cleanup(self) -> None:
        while self._subscription:
            self._subscription.pop()()

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

    def _on_session_changed(self, part: str) -> None:
        if part != CHANGED_TOPICS or self._rebuilding_self:
            return
        self.stale = True
        if self.isVisible():
            self.rebuild()

    # --- screens ------------------------------------------------------------------------------

    def topics(self) -> list[care_content.TeachBackTopic]:
        return care_content.teach_back(current_language()).topics

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

    def _focus(self) -> None:
        if self._focus_target is not None and self.isVisible():
            self._focus_target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _reset_widgets(self) -> None:
        self.topic_buttons: dict[str, QPushButton] = {}
        self.status_labels: dict[str, object] = {}
        self.initials_edit: QLineEdit | None = None
        self.explained_button: QPushButton | None = None
        self.again_button: QPushButton | None = None
        self.choice_buttons: dict[str, ChoiceButton] = {}
        self.feedback: QWidget | None = None
        self.problem_label = None
        self.next_button: QPushButton | None = None
        self.back_button: QPushButton | None = None

    def build(self, layout: QVBoxLayout) -> None:
        self._reset_widgets()
        self._focus_target = None
        ids = [t.id for t in self.topics()]
        if self.screen not in ids:
            self.screen = OVERVIEW
            self._build_overview(layout)
        else:
            self._build_topic(layout, self.topics()[ids.index(self.screen)])

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
        for review in self._session.topics_reviewed:
            if review.topic == topic_id:
                return review
        return None

    def _status_row(self, topic_id: str) -> QHBoxLayout:
        review = self._review(topic_id)
        row = QHBoxLayout()
        row.addWidget(StatusMark(review is not None), 0, Qt.AlignmentFlag.AlignTop)
        status = label(review_text(review, current_language()), "muted")
        self.status_labels[topic_id] = status
        row.addWidget(status, 1)
        return row

    # --- the overview -------------------------------------------------------------------------

    def _build_overview(self, layout: QVBoxLayout) -> None:
        text = care_content.teach_back(current_language())
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
            if review is None and first_open is None:
                first_open = topic
            said = review_text(review, current_language())
            open_topic = QPushButton(topic.title)
            open_topic.setAccessibleName(f"{topic.title}: {said}")
            open_topic.clicked.connect(lambda _checked=False, t=topic.id: self.show_screen(t))
            self.topic_buttons[topic.id] = open_topic
            status = label(said, "muted")
            self.status_labels[topic.id] = status
            row = 2 * i if stacked else i
            grid.addWidget(StatusMark(review is not None), row, 0, Qt.AlignmentFlag.AlignVCenter)
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

    def _build_topic(self, layout: QVBoxLayout, topic: care_content.TeachBackTopic) -> None:
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
        self._build_next(layout, topic)

    def _build_nurse_prompt(self, layout: QVBoxLayout, topic: care_content.TeachBackTopic) -> None:
        layout.addWidget(label(_("Ask the family:"), "muted"))
        prompt = label(topic.nurse_prompt.text, "subheading")
        layout.addWidget(framed("callout", prompt))
        layout.addWidget(label(_("Let the family answer in their own words. Then choose one:")))

        caption = label(_('Nurse\'s initials (needed for "Explained back"):'))
        edit = QLineEdit(self._initials)
        edit.setMaxLength(INITIALS_MAX)
        edit.setAccessibleName(_("Nurse's initials"))
        edit.setMinimumHeight(theme.Sizes(self.scale).touch_target)
        edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("W" * 7) + round(24 * self.scale))
        edit.textChanged.connect(self._on_initials_edited)
        edit.returnPressed.connect(lambda: self._explained_back(topic.id))
        caption.setBuddy(edit)
        self.initials_edit = edit
        # The caption on its own line, the field under it: no wrapped label shares a row.
        layout.addWidget(caption)
        field_row = QHBoxLayout()
        field_row.addWidget(edit)
        field_row.addStretch(1)
        layout.addLayout(field_row)

        buttons = QHBoxLayout()
        explained = QPushButton(_("Explained back"))
        explained.setObjectName("primary")
        explained.setAccessibleName(explained.text())
        explained.clicked.connect(lambda: self._explained_back(topic.id))
        again = QPushButton(_("Go over again"))
        again.setAccessibleName(again.text())
        again.clicked.connect(lambda: self._go_over_again(topic.id))
        self.explained_button, self.again_button = explained, again
        buttons.addWidget(explained)
        buttons.addWidget(again)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._focus_target = edit if not self._initials else explained

        if self._outcome == "missing_initials":
            problem = label(
                _("Please type your initials first (up to {n} letters).").format(n=INITIALS_MAX),
                "problem",
            )
            self.problem_label = problem
            layout.addWidget(problem)
            self._focus_target = edit
        elif self._outcome == "explained":
            review = self._review(topic.id)
            self.feedback = framed("callout", label(_("Marked as explained back."), "subheading"))
            self.feedback.setAccessibleName(review_text(review, current_language()))
            layout.addWidget(self.feedback)
        elif self._outcome == "again":
            self.feedback = framed(
                "callout",
                label(_("That is fine. Go over this topic together again."), "subheading"),
                label(_("Then ask the question once more.")),
                self._read_again_button(topic.id),
            )
            layout.addWidget(self.feedback)
            # Focus into the message, so it is read and scrolled into view.
            self._focus_target = self.feedback.findChild(QPushButton) or again

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
        if check.is_right(self._choice):
            parts = [
                label(_("Yes, that is right!"), "subheading"),
                label(check.explain.text),
            ]
        else:
            parts = [
                label(_("Not quite, and that is OK."), "subheading"),
                label(_("The answer is: {answer}").format(answer=check.right_choice.text)),
                label(check.explain.text),
                label(_("Take your time. You can choose again."), "muted"),
                self._read_again_button(topic.id),
            ]
        self.feedback = framed("callout", *parts)
        self.feedback.setAccessibleName(" ".join(p.text() for p in parts if hasattr(p, "text")))
        layout.addWidget(self.feedback)

    def _read_again_button(self, topic_id: str) -> QWidget:
        page, screen = REVIEW_PLACES.get(topic_id, ("", ""))
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

    def _build_next(self, layout: QVBoxLayout, topic: care_content.TeachBackTopic) -> None:
        topics = self.topics()
        index = [t.id for t in topics].index(topic.id)
        if index + 1 < len(topics):
            following = topics[index + 1]
            go = QPushButton(_("Next topic: {title}").format(title=following.title))
            go.clicked.connect(lambda: self.show_screen(following.id))
        else:
            go = QPushButton(_("Back to all topics"))
            go.clicked.connect(lambda: self.show_screen(OVERVIEW))
        go.setAccessibleName(go.text())
        if self._outcome == "explained" or (
            self._choice is not None and topic.self_check.is_right(self._choice)
        ):
            go.setObjectName("primary")
            self._focus_target = go
        self.next_button = go
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(go)
        layout.addSpacing(round(12 * self.scale))
        layout.addLayout(row)

    # --- what the buttons do ------------------------------------------------------------------

    def _on_initials_edited(self, text: str) -> None:
        self._initials = text

    def _mark(self, topic_id: str, by: str | None) -> None:
        self._rebuilding_self = True
        try:
            self._session.mark_topic_reviewed(topic_id, by=by, on=self._today())
        finally:
            self._rebuilding_self = False

    def _explained_back(self, topic_id: str) -> None:
        initials = clean_initials(self._initials)
        if initials is None:
            self._outcome = "missing_initials"
        else:
            self._initials = initials
            self._mark(topic_id, initials)
            self._outcome = "explained"
        self.rebuild()
        self._focus()

    def _go_over_again(self, topic_id: str) -> None:
        # Nothing is recorded: an earlier review (if any) stays as it was.
        self._outcome = "again"
        self.rebuild()
        self._focus()

    def _answer(self, topic_id: str, choice_id: str) -> None:
        topic = care_content.teach_back(current_language()).topic(topic_id)
        self._choice = choice_id
        # A right answer marks the topic, unless a nurse already did: keep their initials.
        if topic.self_check.is_right(choice_id) and self._review(topic_id) is None:
            self._mark(topic_id, None)
        self.rebuild()
        self._focus_target = self.choice_buttons.get(choice_id, self._focus_target)
        if topic.self_check.is_right(choice_id) and self.next_button is not None:
            self._focus_target = self.next_button
        self._focus()
