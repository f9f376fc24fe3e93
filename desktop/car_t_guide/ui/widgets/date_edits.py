"""Date fields for the nurse's form and the kiosk's infusion day.

- ``DateField``: a date typed the way nurses type them ("3/20/2013" in English, "20/3/2013" in
  Spanish, "2013-03-20" anywhere; core/date_entry.py reads it), or picked on a calendar (the
  button, or Alt+Down / F4 in the field). Under the field, in words, what it understood
  ("Wednesday, March 20, 2013"), what is wrong, or "Not known yet": an empty field is a date
  not known, and shows no date at all. ``full=False`` takes a history date known only to the
  month or the year.
- ``PartialDateEdit``: a history date (``DateField(full=False)``).
- ``OptionalDateEdit``: a plan date that may not be known yet. At a kiosk (``known_text``
  given) the family ticks "I know the day" and picks it on the calendar: no typing.

The calendar speaks the language showing when it opens. A value reaches the owner (``changed``)
as soon as the text is a whole date, and a two-digit year ("3/20/13") once the nurse leaves the
field or pauses, so a year half typed is never taken for another.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QFrame,
    QGridLayout,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from car_t_guide.core.date_entry import DateEntryError, format_entry, parse_entry, typing_hint
from car_t_guide.core.dates import PartialDate, format_day_with_weekday, format_partial
from car_t_guide.core.i18n import _, current_language
from car_t_guide.core.machine.paths import resource
from car_t_guide.core.session.checks import latest_allowed_day
from car_t_guide.ui.widgets.text import label

MIN_YEAR = 1900
# A two-digit year is taken after this long without a key press (or when the field is left).
SETTLE_MS = 900
OPEN_CALENDAR_KEYS = (QKeySequence("Alt+Down"), QKeySequence("F4"))


def _as_partial(value: PartialDate | date | None) -> PartialDate | None:
    return PartialDate.from_date(value) if isinstance(value, date) else value


class CalendarPopup(QFrame):
    """A month calendar in a pop-up: arrows move the day, Page Up / Page Down the month, Return
    or a click picks, Escape closes."""

    picked = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("calendarPopup")
        self.setFrameShape(QFrame.Shape.Box)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        self.calendar = QCalendarWidget()
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setMinimumDate(QDate(MIN_YEAR, 1, 1))
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)
        column.addWidget(self.calendar)

    def open_below(self, anchor: QWidget, shown: date) -> None:
        # The language showing now, whatever it was when the form was built.
        locale = QLocale(current_language())
        self.calendar.setLocale(locale)
        self.calendar.setFirstDayOfWeek(locale.firstDayOfWeek())
        self.calendar.setSelectedDate(QDate(shown))
        self.calendar.setAccessibleName(_("Calendar"))
        self.adjustSize()
        screen = (anchor.screen() or QApplication.primaryScreen()).availableGeometry()
        below = anchor.mapToGlobal(QPoint(0, anchor.height()))
        x = min(max(below.x(), screen.left()), screen.right() - self.width())
        y = below.y() if below.y() + self.height() <= screen.bottom() else (
            anchor.mapToGlobal(QPoint(0, 0)).y() - self.height()
        )
        self.move(x, max(y, screen.top()))
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def _pick(self, day: QDate) -> None:
        self.close()
        self.picked.emit(day.toPython())


class DateField(QWidget):
    """A date typed or picked; empty means not known. ``value()`` is the last whole date the
    field understood (None when empty); ``problem()`` says what is wrong with the text, if
    anything."""

    changed = Signal()

    def __init__(
        self,
        value: PartialDate | date | None,
        *,
        full: bool,
        today: Callable[[], date] = date.today,
        typing: bool = True,
        required: bool = False,
        latest: date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.full = full
        self._latest = latest  # the calendar's last day (else three years from today)
        self.required = required
        self._today = today
        self._lang = current_language()
        self._value = _as_partial(value)
        self._problem = ""
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        self.edit = QLineEdit(format_entry(self._value, self._lang))
        self.edit.setPlaceholderText(_("Not known"))
        self.edit.setMaxLength(40)
        self.edit.setReadOnly(not typing)
        self.edit.installEventFilter(self)
        self.setFocusProxy(self.edit)
        self.calendar_button = QToolButton()
        self.calendar_button.setObjectName("calendarButton")
        self.calendar_button.setIcon(QIcon(str(resource("styles", "calendar.svg"))))
        self.calendar_button.setToolTip(_("Pick the day on a calendar (Alt+Down)"))
        self.calendar_button.setAccessibleName(_("Pick the day on a calendar"))
        # Keyboard users open the calendar from the field (Alt+Down, F4): one Tab stop per date.
        self.calendar_button.setFocusPolicy(
            Qt.FocusPolicy.NoFocus if typing else Qt.FocusPolicy.StrongFocus
        )
        self.calendar_button.clicked.connect(self.open_calendar)
        self.words = label("", "muted")
        self.words.setObjectName("dateWords")
        # As wide as a date needs (the words under it may take the whole width).
        self.edit.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        grid.addWidget(self.edit, 0, 0)
        grid.addWidget(self.calendar_button, 0, 1)
        grid.addWidget(self.words, 1, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        self._popup: CalendarPopup | None = None
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(lambda: self._take_text(finished=True))
        self.edit.textEdited.connect(self._on_edited)
        self.edit.editingFinished.connect(lambda: self._take_text(finished=True))
        self._show_words()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # Room for the longest date a nurse types, at the text size showing.
            self.edit.ensurePolished()
            metrics = self.edit.fontMetrics()
            room = metrics.horizontalAdvance("00/00/0000") + metrics.height() * 2
            self.edit.setMinimumWidth(room)

    # --- what the owner asks ------------------------------------------------------------------
    def value(self) -> PartialDate | None:
        return self._value

    def day(self) -> date | None:
        """The value as a calendar day (a full date field)."""
        return self._value.first_day if self._value is not None else None

    def problem(self) -> str:
        return self._problem

    def text(self) -> str:
        return self.edit.text()

    def set_value(self, value: PartialDate | date | None) -> None:
        """Show ``value`` (from the session or the calendar); says ``changed`` if it changed."""
        value = _as_partial(value)
        self.edit.setText(format_entry(value, self._lang))
        self._problem = ""
        self._settle.stop()
        self._take(value)

    def set_accessible_name(self, name: str) -> None:
        self.edit.setAccessibleName(name)
        self.calendar_button.setAccessibleName(
            _("Pick {date} on a calendar").format(date=name)
        )

    # --- typing -------------------------------------------------------------------------------
    def _on_edited(self, _text: str) -> None:
        self._settle.start()
        self._take_text(finished=False)

    def _take_text(self, *, finished: bool) -> None:
        text = self.edit.text()
        try:
            value = parse_entry(text, self._lang, today=self._today(), full=self.full)
        except DateEntryError as problem:
            # Half typed, or not a date: the last whole date stays, the words say what is wrong.
            self._problem = str(problem) if finished else ""
            self._show_words(typing=not finished)
            return
        if not finished and value is not None and _two_digit_year(text):
            self._show_words(typing=True)
            return  # "3/20/20" on the way to "3/20/2013": wait
        self._problem = ""
        if finished:
            self._settle.stop()
            self.edit.setText(format_entry(value, self._lang) if value is not None else "")
        self._take(value)

    def _take(self, value) -> None:
        """Show ``value`` in words; say ``changed`` only when it is a different value."""
        changed = value != self._value
        self._value = value
        self._show_words()
        if changed:
            self.changed.emit()

    def _show_words(self, typing: bool = False) -> None:
        lang = self._lang
        if self._problem:
            text, name = "⚠ " + self._problem, "problem"
        elif typing:
            text, name = typing_hint(lang, full=self.full), "dateWords"
        elif self._value is None:
            text = _("Not known yet.") if not self.required else _("Not entered yet.")
            text = f"{text} {typing_hint(lang, full=self.full)}"
            name = "dateWords"
        elif self._value.is_full:
            text, name = format_day_with_weekday(self._value.first_day, lang), "dateWords"
        else:
            text, name = format_partial(self._value, lang), "dateWords"
        self.words.setText(text)
        self.words.setAccessibleName(text)
        self.edit.setAccessibleDescription(text)
        if self.words.objectName() != name:
            self.words.setObjectName(name)
            self.words.style().unpolish(self.words)
            self.words.style().polish(self.words)

    # --- the calendar -------------------------------------------------------------------------
    def open_calendar(self) -> None:
        if self._popup is None:
            self._popup = CalendarPopup(self)
            self._popup.picked.connect(self._picked)
        shown = self._value.first_day if self._value is not None else self._today()
        # A calendar that reaches the year 9999 overflows dates: it ends where dates may.
        latest = self._latest or latest_allowed_day(self._today())
        self._popup.calendar.setMaximumDate(QDate(latest))
        self._popup.open_below(self.edit, min(shown, latest))

    def _picked(self, day: date) -> None:
        # Focus first: if the owner rebuilds its page on the change, focus finds the new field.
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
        self.set_value(day)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch
                   for k in OPEN_CALENDAR_KEYS) or (
                self.edit.isReadOnly()
                and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ):
                self.open_calendar()
                return True
        if (
            watched is self.edit
            and self.edit.isReadOnly()
            and event.type() == QEvent.Type.MouseButtonRelease
        ):
            self.open_calendar()  # at a kiosk the field is a button that opens the calendar
            return True
        return False


def finish_typing() -> None:
    """Take the date being typed in the focused field as it stands (before a save or a print
    that a shortcut starts, with no focus change to end the typing)."""
    focused = QApplication.focusWidget()
    field = focused.parentWidget() if focused is not None else None
    if isinstance(field, DateField) and focused is field.edit:
        field._take_text(finished=True)


def _two_digit_year(text: str) -> bool:
    numbers = re.findall(r"\d+", text)
    return len(numbers) == 3 and len(numbers[0]) != 4 and len(numbers[2]) == 2


class PartialDateEdit(DateField):
    """A history date: a year, a month and year, or a whole date."""

    def __init__(self, value: PartialDate | None, *, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None):
        super().__init__(value, full=False, today=today, required=True, parent=parent)


class OptionalDateEdit(QWidget):
    """A plan date that may not be known yet: empty means not known.

    With ``known_text`` (a kiosk), a check box of that text comes first and the day is picked on
    the calendar only; ticking the box opens the calendar, and no day is set until one is picked.
    """

    changed = Signal()

    def __init__(
        self,
        value: date | None,
        *,
        label: str,
        required: bool = False,
        known_text: str | None = None,
        today: Callable[[], date] = date.today,
        latest: date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.known: QCheckBox | None = None
        self.picker = DateField(value, full=True, today=today, typing=known_text is None,
                                required=required, latest=latest)
        self.picker.set_accessible_name(label)
        if known_text is not None:
            self.known = QCheckBox(known_text)
            # Announced as it reads, with what it is about.
            self.known.setAccessibleName(known_text)
            self.known.setAccessibleDescription(label)
            self.known.setChecked(value is not None)
            self.known.toggled.connect(self._known_toggled)
            column.addWidget(self.known)
            self.picker.setVisible(value is not None)
        column.addWidget(self.picker)
        self.setFocusProxy(self.known or self.picker)
        self.picker.changed.connect(self._picker_changed)

    def value(self) -> date | None:
        if self.known is not None and not self.known.isChecked():
            return None
        return self.picker.day()

    def set_value(self, value: date | None) -> None:
        if self.known is not None:
            self.known.setChecked(value is not None)
        self.picker.set_value(value)

    def _picker_changed(self) -> None:
        if self.known is not None and self.picker.value() is not None:
            self.known.setChecked(True)
        self.changed.emit()

    def _known_toggled(self, checked: bool) -> None:
        self.picker.setVisible(checked)
        if checked:
            if self.picker.value() is None:
                self.picker.open_calendar()
        elif self.picker.value() is not None:
            self.picker.set_value(None)  # says changed
