"""The nurse's form: the family's name, care team, CAR T plan dates, history and medicines.

Every change goes straight into the Session; problems show beside their field as the nurse
types (never a dialog), from the same checks the file loader uses.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
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
)
from car_t_guide.core.dates import BadDate, PartialDate
from car_t_guide.core.i18n import _
from car_t_guide.core.session.checks import Problem, check_session, latest_allowed_day
from car_t_guide.core.session.fields import MAX_LINE_CHARS, MAX_NAME_CHARS, PLAN_DATES
from car_t_guide.core.session.model import HistoryEvent, Medicine, Session
from car_t_guide.ui.pages.base import Page
from car_t_guide.ui.widgets.date_edits import OptionalDateEdit, PartialDateEdit
from car_t_guide.ui.widgets.text import framed, heading, label, subheading


def problem_label() -> QLabel:
    widget = label("", "problem")
    widget.hide()
    return widget


class HistoryRow(QWidget):
    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, event: HistoryEvent | None, latest_year: int):
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("What happened"))
        for kind, text in HISTORY_KIND_LABELS.items():
            self.kind.addItem(_(text), kind)
        self.site = QComboBox()
        self.site.setAccessibleName(_("Where"))
        for site, text in RELAPSE_SITE_LABELS.items():
            self.site.addItem(_(text), site)
        self.when = PartialDateEdit(event.date if event else None, latest_year=latest_year)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("Note (optional)"))
        self.note.setAccessibleName(_("Note"))
        self.remove = QPushButton(_("Remove"))
        self.remove.setAccessibleName(_("Remove this event"))
        self.problem = problem_label()
        grid.addWidget(self.kind, 0, 0)
        grid.addWidget(self.site, 0, 1)
        grid.addWidget(self.when, 1, 0, 1, 2)
        grid.addWidget(self.note, 2, 0, 1, 2)
        grid.addWidget(self.remove, 0, 2)
        grid.addWidget(self.problem, 3, 0, 1, 3)
        if event is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(event.kind)))
            if event.site:
                self.site.setCurrentIndex(max(0, self.site.findData(event.site)))
            self.note.setText(event.note or "")
            self._extra = dict(event.extra)
        else:
            self._extra = {}
        self._show_site()
        self.kind.currentIndexChanged.connect(self._show_site)
        for signal in (
            self.kind.currentIndexChanged,
            self.site.currentIndexChanged,
            self.when.changed,
            self.note.textChanged,
        ):
            signal.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def _show_site(self) -> None:
        self.site.setVisible(self.kind.currentData() == "relapse")

    def to_event(self) -> HistoryEvent | None:
        year, month, day = self.when.raw_parts()
        try:
            when = PartialDate(year, month, day)
        except BadDate as problem:
            self.problem.setText(str(problem))
            self.problem.show()
            return None
        kind = self.kind.currentData()
        return HistoryEvent(
            kind=kind,
            date=when,
            site=self.site.currentData() if kind == "relapse" else None,
            note=self.note.text() or None,
            extra=self._extra,
        )


class MedicineRow(QWidget):
    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, medicine: Medicine | None):
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(medicine.name if medicine else "")
        self.name.setPlaceholderText(_("Medicine"))
        self.name.setAccessibleName(_("Medicine"))
        self.purpose = QLineEdit((medicine.purpose or "") if medicine else "")
        self.purpose.setPlaceholderText(_("What it is for"))
        self.purpose.setAccessibleName(_("What it is for"))
        self.until = OptionalDateEdit(medicine.until if medicine else None, label=_("Until"))
        self.remove = QPushButton(_("Remove"))
        self.remove.setAccessibleName(_("Remove this medicine"))
        self._extra = dict(medicine.extra) if medicine else {}
        for widget in (self.name, self.purpose, self.until, self.remove):
            row.addWidget(widget)
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

    def __init__(self, session: Session, today: Callable[[], date], parent=None):
        super().__init__(parent)
        self.session = session
        self.today = today
        self._history_rows: list[HistoryRow] = []
        self._medicine_rows: list[MedicineRow] = []
        self._problem_labels: dict[str, QLabel] = {}
        self._loading = False
        # Checks run once the nurse pauses, not on every key press.
        self._check_timer = QTimer(self, singleShot=True, interval=150)
        self._check_timer.timeout.connect(self.show_problems)

    def set_session(self, session: Session) -> None:
        self.session = session
        self.stale = True

    # --- building ---------------------------------------------------------------------------
    def build(self, layout: QVBoxLayout) -> None:
        self._loading = True
        session = self.session
        layout.addWidget(heading(_("The family's details")))
        layout.addWidget(
            label(_("Only staff enter these. Changes show on the journey chart at once."), "muted")
        )
        files = QHBoxLayout()
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
        files.addStretch(1)
        layout.addLayout(files)

        layout.addWidget(subheading(_("Patient and care team")))
        form = QFormLayout()
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
        for field_id, text, widget in (
            ("patient.display_name", _("Name the family uses"), self.name_edit),
            ("patient.age_years", _("Age in years"), self.age_edit),
            ("care_team.center", _("Treatment center"), self.center_edit),
            ("care_team.phone_24h", _("24-hour phone"), self.phone_edit),
            ("language", _("Language for the summary"), self.language_edit),
        ):
            widget.setAccessibleName(text)
            form.addRow(label(text), self._with_problem(field_id, widget))
        layout.addLayout(form)

        layout.addWidget(subheading(_("CAR T plan")))
        layout.addWidget(
            label(
                _(
                    "Only the collection date is needed. "
                    "Leave the others as not known until they are set."
                ),
                "muted",
            )
        )
        plan_form = QFormLayout()
        self.plan_edits: dict[str, OptionalDateEdit] = {}
        for name in PLAN_DATES:
            edit = OptionalDateEdit(
                getattr(session.plan, name),
                label=_(PLAN_DATE_LABELS[name]),
                required=name == "collection",
            )
            self.plan_edits[name] = edit
            plan_form.addRow(
                label(_(PLAN_DATE_LABELS[name])), self._with_problem(f"plan.{name}", edit)
            )
        layout.addLayout(plan_form)
        self._build_product(layout)

        layout.addWidget(subheading(_("Treatment history")))
        layout.addWidget(label(_("A date may be just a year, or a month and year."), "muted"))
        self.history_box = QVBoxLayout()
        layout.addLayout(self.history_box)
        self._history_rows = []
        for event in session.history:
            self._add_history_row(event)
        add_event = QPushButton(_("Add an event"))
        add_event.setAccessibleName(_("Add an event to the history"))
        add_event.clicked.connect(lambda: (self._add_history_row(None), self._changed()))
        layout.addWidget(add_event, 0, Qt.AlignmentFlag.AlignLeft)

        layout.addWidget(subheading(_("The family's medicines")))
        self.medicine_box = QVBoxLayout()
        layout.addLayout(self.medicine_box)
        self._medicine_rows = []
        for medicine in session.medicines:
            self._add_medicine_row(medicine)
        add_medicine = QPushButton(_("Add a medicine"))
        add_medicine.setAccessibleName(_("Add a medicine"))
        add_medicine.clicked.connect(lambda: (self._add_medicine_row(None), self._changed()))
        layout.addWidget(add_medicine, 0, Qt.AlignmentFlag.AlignLeft)

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
        self._loading = False
        self.show_problems()

    def _build_product(self, layout: QVBoxLayout) -> None:
        """The CAR T product as the nurse types it; the wallet card prints it."""
        form = QFormLayout()
        caption = _("CAR T product (optional)")
        self.product_edit = QLineEdit(self.session.plan.product or "")
        self.product_edit.setMaxLength(MAX_LINE_CHARS)
        self.product_edit.setPlaceholderText(_("For example: Kymriah (tisagenlecleucel)"))
        self.product_edit.setAccessibleName(caption)
        self.product_edit.textChanged.connect(self._changed)
        form.addRow(label(caption), self._with_problem("plan.product", self.product_edit))
        layout.addLayout(form)

    def _with_problem(self, field_id: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        problem = problem_label()
        self._problem_labels[field_id] = problem
        column.addWidget(problem)
        return box

    def _add_history_row(self, event: HistoryEvent | None) -> None:
        row = HistoryRow(event, latest_allowed_day(self.today()).year)
        row.changed.connect(self._changed)
        row.remove_requested.connect(self._remove_history_row)
        self._history_rows.append(row)
        self.history_box.addWidget(framed("card", row))

    def _remove_history_row(self, row: HistoryRow) -> None:
        self._history_rows.remove(row)
        frame = row.parentWidget()
        frame.hide()
        frame.deleteLater()
        self._changed()

    def _add_medicine_row(self, medicine: Medicine | None) -> None:
        row = MedicineRow(medicine)
        row.changed.connect(self._changed)
        row.remove_requested.connect(self._remove_medicine_row)
        self._medicine_rows.append(row)
        self.medicine_box.addWidget(row)

    def _remove_medicine_row(self, row: MedicineRow) -> None:
        self._medicine_rows.remove(row)
        row.hide()
        row.deleteLater()
        self._changed()

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
        for row in self._history_rows:
            row.problem.hide()
            event = row.to_event()
            if event is not None:
                events.append(event)
        session.set_history(events)
        session.set_medicines(
            [row.to_medicine() for row in self._medicine_rows if row.name.text()]
        )

    def problems(self) -> list[Problem]:
        return check_session(self.session, today=self.today())

    def show_problems(self) -> None:
        for problem_label_ in self._problem_labels.values():
            problem_label_.hide()
        leftover = []
        for problem in self.problems():
            text = ("⚠ " if problem.is_error else "") + problem.message
            target = self._problem_labels.get(problem.field)
            if target is None and problem.field.startswith("history["):
                index = int(problem.field[len("history[") :].split("]")[0])
                if index < len(self._history_rows):
                    target = self._history_rows[index].problem
            if target is None:
                leftover.append(f"{problem.field}: {problem.message}")
                continue
            target.setText(text if not target.isVisible() else f"{target.text()}\n{text}")
            target.setObjectName("problem" if problem.is_error else "notice")
            target.show()
        self.other_problems.setText("\n".join(leftover))
        self.other_problems.setVisible(bool(leftover))

    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems())

    def position_text(self) -> str:
        return _("The family's details")

    def section_title(self) -> str:
        return _("Your journey")
