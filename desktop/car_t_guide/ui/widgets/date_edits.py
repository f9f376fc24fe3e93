"""Date pickers for the nurse's form.

- ``PartialDateEdit``: a history date known to the year, the month or the day ("May 2013",
  "2014"): a year box, then a month and a day that may stay "not known".
- ``OptionalDateEdit``: a plan date that may not be known yet: a "known" switch and a calendar.
No free typing of whole dates: nothing to mistype.
"""

from __future__ import annotations

from datetime import date

from babel.dates import get_month_names
from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QSpinBox, QWidget

from car_t_guide.core.dates import PartialDate
from car_t_guide.core.i18n import _, current_language

MIN_YEAR = 1900


class PartialDateEdit(QWidget):
    changed = Signal()

    def __init__(self, value: PartialDate | None, *, latest_year: int, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, latest_year)
        self.month = QComboBox()
        self.month.addItem(_("Month not known"), None)
        names = get_month_names("wide", locale=current_language())
        for number in range(1, 13):
            self.month.addItem(names[number], number)
        self.day = QComboBox()
        self.day.addItem(_("Day not known"), None)
        for number in range(1, 32):
            self.day.addItem(str(number), number)
        for widget, name in (
            (self.year, _("Year")), (self.month, _("Month")), (self.day, _("Day")),
        ):
            widget.setAccessibleName(name)
            row.addWidget(widget)
        self.set_value(value or PartialDate(min(date.today().year, latest_year)))
        self.year.valueChanged.connect(self.changed)
        self.month.currentIndexChanged.connect(self._month_changed)
        self.day.currentIndexChanged.connect(self.changed)

    def set_value(self, value: PartialDate) -> None:
        self.year.setValue(value.year)
        self.month.setCurrentIndex(value.month or 0)
        self.day.setCurrentIndex(value.day or 0)
        self.day.setEnabled(value.month is not None)

    def _month_changed(self) -> None:
        if self.month.currentData() is None:
            self.day.setCurrentIndex(0)
        self.day.setEnabled(self.month.currentData() is not None)
        self.changed.emit()

    def raw_parts(self) -> tuple[int, int | None, int | None]:
        return self.year.value(), self.month.currentData(), self.day.currentData()


class OptionalDateEdit(QWidget):
    changed = Signal()

    def __init__(
        self,
        value: date | None,
        *,
        label: str,
        required: bool = False,
        known_text: str | None = None,
        latest: date | None = None,
        parent=None,
    ):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox(known_text or _("Known"))
        self.known.setAccessibleName(_("{date} is known").format(date=label))
        self.picker = QDateEdit(calendarPopup=True)
        self.picker.setAccessibleName(label)
        # The language's own long format ("Thursday, May 10, 2013"): hard to misread.
        self.picker.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.LongFormat))
        self.picker.setMinimumDate(QDate(MIN_YEAR, 1, 1))
        if latest is not None:  # issue 10: a calendar that reaches year 9999 overflows dates
            self.picker.setMaximumDate(QDate(latest))
        if required:
            self.known.setChecked(True)
            self.known.hide()
        row.addWidget(self.known)
        row.addWidget(self.picker, 1)
        self.set_value(value)
        self.known.toggled.connect(self._known_toggled)
        self.picker.dateChanged.connect(self.changed)

    def set_value(self, value: date | None) -> None:
        self.known.setChecked(value is not None or self.known.isHidden())
        self.picker.setDate(QDate(value) if value else QDate.currentDate())
        self.picker.setEnabled(self.known.isChecked())

    def _known_toggled(self, checked: bool) -> None:
        self.picker.setEnabled(checked)
        self.changed.emit()

    def value(self) -> date | None:
        return self.picker.date().toPython() if self.known.isChecked() else None
