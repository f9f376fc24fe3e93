"""The nurse's form: the family's name, care team, CAR T plan dates, history and medicines.

Every change goes straight into the Session; problems show beside their field as the nurse
types (never a dialog), from the same checks the file loader uses.

Over 400 lines: one form, whose fields, their checks and their Tab order belong together.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from car_t_guide.core import i18n
from car_t_guide.core.content.labels import (
    HISTORY_KIND_LABELS,
    PLAN_DATE_LABELS,
    RELAPSE_SITE_LABELS,
    history_kind_label,
)
from car_t_guide.core.i18n import _
from car_t_guide.core.session.checks import Problem, check_session
from car_t_guide.core.session.fields import MAX_LINE_CHARS, MAX_NAME_CHARS, PLAN_DATES
from car_t_guide.core.session.model import HistoryEvent, Medicine
from car_t_guide.ui.pages.base import Page, PageContext
from car_t_guide.ui.widgets.date_edits import OptionalDateEdit, PartialDateEdit
from car_t_guide.ui.widgets.flow_layout import FlowLayout
from car_t_guide.ui.widgets.text import framed, heading, label, subheading


def problem_label() -> QLabel:
    widget = label("", "problem")
    widget.hide()
    return widget


def field_label(text: str, field: QWidget) -> QLabel:
    """A visible label that names ``field`` for screen readers too (Qt links a label to its
    buddy when both share a parent) and moves focus to it on a click."""
    caption = label(text)
    caption.setBuddy(field)
    return caption


def kind_choices() -> list[tuple[str, str, str | None]]:
    """What can happen, in the order of the list: (text, kind, relapse site). A relapse comes
    with its place ("Relapse in the bone marrow"): one choice, one Tab stop."""
    choices: list[tuple[str, str, str | None]] = []
    for kind, text in HISTORY_KIND_LABELS.items():
        if kind == "relapse":
            for site in RELAPSE_SITE_LABELS:
                choices.append((history_kind_label(kind, site), kind, site))
            choices.append((_(text), kind, None))  # a file's relapse with no place stays so
        else:
            choices.append((_(text), kind, None))
    return choices


class HistoryRow(QWidget):
    """One event of the history: what happened, when, and a note. Return in the note asks for
    the next event (``next_requested``)."""

    changed = Signal()
    remove_requested = Signal(object)
    next_requested = Signal(object)

    def __init__(
        self, event: HistoryEvent | None, today: Callable[[], date], *, stacked: bool = False
    ):
        super().__init__()
        self._choices = kind_choices()
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("What happened"))
        for text, _kind, _site in self._choices:
            self.kind.addItem(text)
        self.when = PartialDateEdit(event.date if event else None, today=today)
        self.when.set_accessible_name(_("When"))
        self.note = QLineEdit()
        self.note.setAccessibleName(_("Note"))
        self.note.setAccessibleDescription(_("Press Enter to add the next event."))
        self.remove = QPushButton(_("Remove"))
        self.remove.setAccessibleName(_("Remove this event"))
        self.problem = problem_label()
        captions = (
            field_label(_("What happened"), self.kind),
            field_label(_("When"), self.when),
            field_label(_("Note (optional)"), self.note),
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        if stacked:  # large text: one field under the other, each under its label
            for caption, field in zip(captions, (self.kind, self.when, self.note), strict=True):
                grid.addWidget(caption, grid.rowCount(), 0)
                grid.addWidget(field, grid.rowCount(), 0)
            grid.addWidget(self.remove, grid.rowCount(), 0, Qt.AlignmentFlag.AlignLeft)
        else:
            grid.addWidget(captions[0], 0, 0)
            grid.addWidget(captions[1], 0, 1)
            grid.addWidget(self.kind, 1, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.when, 1, 1, 1, 2)
            grid.addWidget(captions[2], 2, 0, 1, 2)
            grid.addWidget(self.note, 3, 0, 1, 2)
            grid.addWidget(self.remove, 3, 2)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
        grid.addWidget(self.problem, grid.rowCount(), 0, 1, grid.columnCount())
        if event is not None:
            self.kind.setCurrentIndex(self._choice_index(event.kind, event.site))
            self.note.setText(event.note or "")
            self._extra = dict(event.extra)
        else:
            self._extra = {}
        for signal in (self.kind.currentIndexChanged, self.when.changed, self.note.textChanged):
            signal.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.note.returnPressed.connect(lambda: self.next_requested.emit(self))

    def _choice_index(self, kind: str, site: str | None) -> int:
        for index, (_text, choice_kind, choice_site) in enumerate(self._choices):
            if choice_kind == kind and (choice_site == site or kind != "relapse"):
                return index
        return 0

    def to_event(self) -> HistoryEvent | None:
        """The event as typed, or None while its date is not (yet) a date."""
        when = self.when.value()
        if when is None:
            return None
        _text, kind, site = self._choices[self.kind.currentIndex()]
        return HistoryEvent(
            kind=kind,
            date=when,
            site=site,
            note=self.note.text() or None,
            extra=self._extra,
        )


class MedicineRow(QWidget):
    changed = Signal()
    remove_requested = Signal(object)

    def __init__(
        self, medicine: Medicine | None, today: Callable[[], date], *, stacked: bool = False
    ):
        super().__init__()
        self.name = QLineEdit(medicine.name if medicine else "")
        self.name.setAccessibleName(_("Medicine"))
        self.purpose = QLineEdit((medicine.purpose or "") if medicine else "")
        self.purpose.setAccessibleName(_("What it is for"))
        self.until = OptionalDateEdit(
            medicine.until if medicine else None, label=_("Until"), today=today
        )
        self.remove = QPushButton(_("Remove"))
        self.remove.setAccessibleName(_("Remove this medicine"))
        self._extra = dict(medicine.extra) if medicine else {}
        fields = (self.name, self.purpose, self.until)
        captions = [
            field_label(text, field)
            for text, field in zip(
                (_("Medicine"), _("What it is for"), _("Until (optional)")), fields, strict=True
            )
        ]
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (caption, field) in enumerate(zip(captions, fields, strict=True)):
            if stacked:
                grid.addWidget(caption, grid.rowCount(), 0)
                grid.addWidget(field, grid.rowCount(), 0)
            else:
                grid.addWidget(caption, 0, column)
                grid.addWidget(field, 1, column, Qt.AlignmentFlag.AlignTop)
                grid.setColumnStretch(column, 1)
        if stacked:
            grid.addWidget(self.remove, grid.rowCount(), 0, Qt.AlignmentFlag.AlignLeft)
        else:
            grid.addWidget(self.remove, 1, len(fields), Qt.AlignmentFlag.AlignTop)
        for signal in (self.name.textChanged, self.purpose.textChanged, self.until.changed):
            signal.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def to_medicine(self) -> Medicine:
        return Medicine(
            self.name.text(), self.purpose.text() or None, self.until.value(), self._extra
        )


class FamilyFormPage(Page):
    """page_id "family": reached from the journey page in staff mode."""

    page_id = "family"
    done = Signal()
    open_requested = Signal()
    save_requested = Signal()
    save_as_requested = Signal()
    new_requested = Signal()

    # Shows no part: it is where the parts are edited, and must not redraw under the nurse's
    # hands. Another family (``session_replaced``) marks it stale, as for every page.

    def __init__(self, context: PageContext, parent=None):
        super().__init__(context, parent)
        self._history_rows: list[HistoryRow] = []
        self._medicine_rows: list[MedicineRow] = []
        self._event_rows: list[HistoryRow] = []  # the rows behind session.history, in order
        self._problem_labels: dict[str, QLabel] = {}
        self._loading = False
        # Checks run once the nurse pauses, not on every key press.
        self._check_timer = QTimer(self, singleShot=True, interval=150)
        self._check_timer.timeout.connect(self.show_problems)

    @property
    def stacked(self) -> bool:
        """Large text: every label above its field, so nothing runs off the side."""
        return self.scale >= 1.5

    # --- building ---------------------------------------------------------------------------
    def build(self, layout: QVBoxLayout) -> None:
        self._loading = True
        session = self.session
        self._problem_labels = {}
        layout.addWidget(heading(_("The family's details")))
        layout.addWidget(
            label(_("Only staff enter these. Changes show on the journey chart at once."), "muted")
        )
        files = FlowLayout(spacing=8)  # wraps at large text sizes
        for text, signal in (
            (_("New family"), self.new_requested),
            (_("Open…"), self.open_requested),
            (_("Save"), self.save_requested),
            (_("Save as…"), self.save_as_requested),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.clicked.connect(signal)
            files.addWidget(button)
        layout.addLayout(files)

        layout.addWidget(subheading(_("Patient and care team")))
        form = self._form()
        self.name_edit = QLineEdit(session.patient.display_name)
        self.name_edit.setMaxLength(MAX_NAME_CHARS)
        self.age_edit = QSpinBox()
        self.age_edit.setRange(-1, 120)
        self.age_edit.setSpecialValueText(_("Not given"))
        self.age_edit.setValue(
            session.patient.age_years if session.patient.age_years is not None else -1
        )
        self.center_edit = QLineEdit(session.care_team.center)
        self.phone_edit = QLineEdit(session.care_team.phone_24h)
        self.language_edit = QComboBox()
        self.language_edit.addItem(_("Not set"), None)
        for code in i18n.SUPPORTED_LANGUAGES:
            self.language_edit.addItem(i18n.LANGUAGE_NAMES[code], code)
        self.language_edit.setCurrentIndex(max(0, self.language_edit.findData(session.language)))
        # One row per field: (session field, label, widget). A new field is one more line here.
        for field_id, text, widget in (
            ("patient.display_name", _("Name the family uses"), self.name_edit),
            ("patient.age_years", _("Age in years"), self.age_edit),
            ("care_team.center", _("Treatment center"), self.center_edit),
            ("care_team.phone_24h", _("24-hour phone"), self.phone_edit),
            ("language", _("Language for the summary"), self.language_edit),
        ):
            self._add_field(form, field_id, text, widget)
        layout.addLayout(form)

        layout.addWidget(subheading(_("CAR T plan")))
        layout.addWidget(
            label(
                _(
                    "Only the collection date is needed. "
                    "Leave the others empty until they are known."
                ),
                "muted",
            )
        )
        plan_form = self._form()
        self.plan_edits: dict[str, OptionalDateEdit] = {}
        for name in PLAN_DATES:
            edit = OptionalDateEdit(
                getattr(session.plan, name),
                label=_(PLAN_DATE_LABELS[name]),
                required=name == "collection",
                today=self.today,
            )
            self.plan_edits[name] = edit
            self._add_field(plan_form, f"plan.{name}", _(PLAN_DATE_LABELS[name]), edit)
        layout.addLayout(plan_form)
        self._build_product(layout)

        layout.addWidget(subheading(_("Treatment history")))
        layout.addWidget(
            label(
                _(
                    "A date may be just a year, or a month and year. "
                    "Press Enter in a note to add the next event."
                ),
                "muted",
            )
        )
        self.history_box = QVBoxLayout()
        layout.addLayout(self.history_box)
        self._history_rows = []
        for event in session.history:
            self._add_history_row(event)
        self.add_event_button = QPushButton(_("Add an event"))
        self.add_event_button.setAccessibleName(_("Add an event to the history"))
        self.add_event_button.clicked.connect(lambda: self.add_history_event())
        layout.addWidget(self.add_event_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout.addWidget(subheading(_("The family's medicines")))
        self.medicine_box = QVBoxLayout()
        layout.addLayout(self.medicine_box)
        self._medicine_rows = []
        for medicine in session.medicines:
            self._add_medicine_row(medicine)
        self.add_medicine_button = QPushButton(_("Add a medicine"))
        self.add_medicine_button.setAccessibleName(_("Add a medicine"))
        self.add_medicine_button.clicked.connect(lambda: self.add_medicine())
        layout.addWidget(self.add_medicine_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.other_problems = problem_label()
        layout.addWidget(self.other_problems)
        back = QPushButton(_("Show the journey"))
        back.setObjectName("primary")
        back.setAccessibleName(back.text())
        back.clicked.connect(self.done)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)

        for edit in (self.name_edit, self.center_edit, self.phone_edit):
            edit.textChanged.connect(self._changed)
        self.age_edit.valueChanged.connect(self._changed)
        self.language_edit.currentIndexChanged.connect(self._changed)
        for edit in self.plan_edits.values():
            edit.changed.connect(self._changed)
        self._event_rows = [row for row in self._history_rows if row.to_event() is not None]
        self._loading = False
        self.show_problems()

    def _build_product(self, layout: QVBoxLayout) -> None:
        """The CAR T product as the nurse types it; the wallet card prints it."""
        form = self._form()
        caption = _("CAR T product (optional)")
        self.product_edit = QLineEdit(self.session.plan.product or "")
        self.product_edit.setMaxLength(MAX_LINE_CHARS)
        self.product_edit.setPlaceholderText(_("For example: Kymriah (tisagenlecleucel)"))
        self.product_edit.textChanged.connect(self._changed)
        self._add_field(form, "plan.product", caption, self.product_edit)
        layout.addLayout(form)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _add_field(self, form: QFormLayout, field_id: str, text: str, widget: QWidget) -> None:
        """A labelled field and, under it, the line its problems show on."""
        if isinstance(widget, OptionalDateEdit):
            widget.picker.set_accessible_name(text)
        else:
            widget.setAccessibleName(text)
        caption = field_label(text, widget)
        if self.stacked:  # large text: the label on its own line, the field under it
            form.addRow(caption)
            form.addRow(widget)
        else:
            form.addRow(caption, widget)
        problem = problem_label()
        self._problem_labels[field_id] = problem
        form.addRow(problem)

    def _add_history_row(self, event: HistoryEvent | None) -> HistoryRow:
        row = HistoryRow(event, self.today, stacked=self.stacked)
        row.changed.connect(self._changed)
        row.remove_requested.connect(self._remove_history_row)
        row.next_requested.connect(self._next_after)
        self._history_rows.append(row)
        frame = framed("card", row)
        self.history_box.addWidget(frame)
        if self.isVisible():
            frame.show()  # now, not on Qt's next turn: focus can only go to a shown field
        return row

    def add_history_event(self) -> HistoryRow:
        """A new, empty event at the end of the history; the nurse goes straight to it."""
        row = self._add_history_row(None)
        self._changed()
        self._work_on(row.kind)
        return row

    def _next_after(self, row: HistoryRow) -> None:
        """Return in a note: the next event (a new one after the last)."""
        index = self._history_rows.index(row)
        if index + 1 < len(self._history_rows):
            self._work_on(self._history_rows[index + 1].kind)
        else:
            self.add_history_event()

    def _remove_history_row(self, row: HistoryRow) -> None:
        index = self._history_rows.index(row)
        self._history_rows.remove(row)
        frame = row.parentWidget()
        frame.hide()
        frame.deleteLater()
        self._changed()
        # Focus goes to the event that took its place, or to "Add an event".
        rows = self._history_rows
        self._work_on(rows[min(index, len(rows) - 1)].kind if rows else self.add_event_button)

    def _add_medicine_row(self, medicine: Medicine | None) -> MedicineRow:
        row = MedicineRow(medicine, self.today, stacked=self.stacked)
        row.changed.connect(self._changed)
        row.remove_requested.connect(self._remove_medicine_row)
        self._medicine_rows.append(row)
        self.medicine_box.addWidget(row)
        if self.isVisible():
            row.show()
        return row

    def add_medicine(self) -> MedicineRow:
        row = self._add_medicine_row(None)
        self._changed()
        self._work_on(row.name)
        return row

    def _remove_medicine_row(self, row: MedicineRow) -> None:
        index = self._medicine_rows.index(row)
        self._medicine_rows.remove(row)
        row.hide()
        row.deleteLater()
        self._changed()
        rows = self._medicine_rows
        self._work_on(rows[min(index, len(rows) - 1)].name if rows else self.add_medicine_button)

    def _work_on(self, widget: QWidget) -> None:
        """Tab order as the rows now stand, then focus on ``widget`` (scrolled into view)."""
        self.order_tabs()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- from the form into the session -----------------------------------------------------
    def _changed(self, *_args) -> None:
        if self._loading:
            return
        self.apply_to_session()
        self._check_timer.start()

    def apply_to_session(self) -> None:
        session = self.session
        session.set_display_name(self.name_edit.text())
        age = self.age_edit.value()
        session.set_age(None if age < 0 else age)
        session.set_care_team(self.center_edit.text(), self.phone_edit.text())
        session.set_language(self.language_edit.currentData())
        for name, edit in self.plan_edits.items():
            session.set_plan_date(name, edit.value())
        session.set_product(self.product_edit.text())
        events = []
        self._event_rows = []
        for row in self._history_rows:
            event = row.to_event()
            if event is not None:  # a row whose date is not a date yet waits
                events.append(event)
                self._event_rows.append(row)
        session.set_history(events)
        session.set_medicines(
            [row.to_medicine() for row in self._medicine_rows if row.name.text()]
        )

    def problems(self) -> list[Problem]:
        return check_session(self.session, today=self.today())

    def show_problems(self) -> None:
        for problem_label_ in self._problem_labels.values():
            problem_label_.hide()
        for row in self._history_rows:
            row.problem.hide()
        leftover = []
        for problem in self.problems():
            text = ("⚠ " if problem.is_error else "") + problem.message
            target = self._problem_labels.get(problem.field)
            if target is None and problem.field.startswith("history["):
                index = int(problem.field[len("history[") :].split("]")[0])
                if index < len(self._event_rows):
                    target = self._event_rows[index].problem
            if target is None:
                leftover.append(f"{problem.field}: {problem.message}")
                continue
            target.setText(text if not target.isVisible() else f"{target.text()}\n{text}")
            target.setObjectName("problem" if problem.is_error else "notice")
            target.style().unpolish(target)
            target.style().polish(target)
            target.show()
        self.other_problems.setText("\n".join(leftover))
        self.other_problems.setVisible(bool(leftover))

    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems())

    def position_text(self) -> str:
        return _("The family's details")

    def section_title(self) -> str:
        return _("Your journey")
