"""Your journey: the family's own chart and the key dates that follow from their plan.

Staff reach the nurse's form from here; at a kiosk the family may only pick an infusion day
(a date picker, no typing) to see their own key dates. The chart (pyqtgraph, numpy) is imported
only when this page is first shown, so the welcome screen appears fast.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from car_t_guide.core.chart.timeline import has_chart
from car_t_guide.core.i18n import _, current_language
from car_t_guide.core.journey import FUTURE, NOW, PAST, key_dates
from car_t_guide.core.plain_text import without_direction_controls
from car_t_guide.core.session import examples
from car_t_guide.core.session.checks import check_date_ranges, latest_allowed_day
from car_t_guide.core.session.model import CHANGED_HISTORY, CHANGED_PATIENT, CHANGED_PLAN
from car_t_guide.ui.accessibility import Role, set_role
from car_t_guide.ui.pages.base import Page, PageContext
from car_t_guide.ui.widgets.date_edits import OptionalDateEdit
from car_t_guide.ui.widgets.flow_layout import FlowLayout
from car_t_guide.ui.widgets.text import framed, heading, label, subheading

STATUS_MARKS = {PAST: "✓", NOW: "▶", FUTURE: "○"}


class JourneyPage(Page):
    page_id = "journey"
    edit_requested = Signal()
    example_requested = Signal(int)

    shows = frozenset({CHANGED_PATIENT, CHANGED_HISTORY, CHANGED_PLAN})

    def __init__(self, context: PageContext, *, kiosk: bool = False, parent=None):
        super().__init__(context, parent)
        self.kiosk = kiosk
        self.chart = None
        self.zoom = "car_t"

    def build(self, layout: QVBoxLayout) -> None:
        session = self.session
        lang = current_language()
        name = without_direction_controls(session.patient.display_name)
        layout.addWidget(
            heading(_("{name}'s journey").format(name=name) if name else _("Your journey"))
        )
        if examples.is_example(session):
            layout.addWidget(
                framed(
                    "callout",
                    label(
                        _(
                            "This is an example family from a published article. "
                            "Its dates are approximate, for illustration."
                        )
                    ),
                )
            )
        if self.kiosk:
            picker = OptionalDateEdit(
                session.plan.infusion,
                label=_("Infusion day"),
                known_text=_("I know the day"),
                today=self.today,
                latest=latest_allowed_day(self.today()),  # the calendar's last day
            )
            picker.changed.connect(lambda: self._set_infusion(picker.value()))
            layout.addWidget(
                label(
                    _("Pick your child's infusion day to see your own key dates."),
                )
            )
            layout.addWidget(picker)

        out_of_range = check_date_ranges(session, self.today())
        if out_of_range:
            # A date the nurse is still fixing (a year 9990): nothing can be worked out from it,
            # so say which one, rather than draw a chart of the year 10005.
            layout.addWidget(framed("callout", label(_(
                "One of the dates cannot be right, so the journey is not shown until it is "
                "fixed: {problem}"
            ).format(problem=out_of_range[0].message))))
            self._add_buttons(layout)
            self.chart = None
            return

        # Chart and key dates side by side; at large text sizes, one under the other.
        row = QHBoxLayout() if self.scale < 1.5 else QVBoxLayout()
        row.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        if has_chart(session):
            chart_column = QVBoxLayout()
            zooms = FlowLayout(spacing=8)
            for zoom, text in (("car_t", _("The CAR T weeks")), ("history", _("The whole story"))):
                button = QPushButton(text)
                button.setObjectName("section")
                button.setCheckable(True)
                button.setChecked(zoom == self.zoom)
                set_role(button, Role.RadioButton)  # one view of two
                button.setAccessibleName(text)
                button.clicked.connect(lambda _c=False, z=zoom: self._set_zoom(z))
                zooms.addWidget(button)
            chart_column.addLayout(zooms)
            self.chart = self._make_chart()
            chart_column.addWidget(self.chart)
            chart_column.addStretch(1)
            row.addLayout(chart_column, 3)
        else:
            self.chart = None

        dates_column = QVBoxLayout()
        dates_column.addWidget(subheading(_("Key dates")))
        for key in key_dates(session, self.settings, today=self.today(), lang=lang):
            mark = STATUS_MARKS.get(key.status, "•")
            text = f"{mark} {key.plain_sentence}"
            item = label(text, "muted" if key.status == PAST else "")
            dates_column.addWidget(item)
        dates_column.addStretch(1)
        row.addLayout(dates_column, 2)
        self._add_buttons(layout)

    def _add_buttons(self, layout: QVBoxLayout) -> None:
        buttons = FlowLayout(spacing=8)  # wraps at large text sizes instead of running off
        if not self.kiosk:
            edit = QPushButton(_("Enter or change the family's details"))
            edit.setObjectName("primary")
            edit.setAccessibleName(edit.text())
            edit.clicked.connect(self.edit_requested)
            buttons.addWidget(edit)
        for number in range(1, examples.EXAMPLE_COUNT + 1):
            button = QPushButton(_("Example {number}").format(number=number))
            button.setAccessibleName(_("Show example family {number}").format(number=number))
            button.clicked.connect(lambda _c=False, n=number: self.example_requested.emit(n))
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _make_chart(self) -> QWidget:
        from car_t_guide.ui.widgets.journey_chart import JourneyChart  # pyqtgraph: on first use

        chart = self.chart
        # The chart drawn last time is drawn again (a new language, zoom or family), not made
        # again: making pyqtgraph's view costs more than drawing on it.
        if chart is None or not shiboken6.isValid(chart) or chart.scale != self.scale:
            chart = JourneyChart(scale=self.scale)
        chart.show_journey(self.session, self.settings, today=self.today(), zoom=self.zoom)
        return chart

    def _set_zoom(self, zoom: str) -> None:
        self.zoom = zoom
        self.rebuild()

    def _set_infusion(self, day: date | None) -> None:
        self.session.set_infusion(day)
        self.rebuild()

    def position_text(self) -> str:
        return _("Your journey")

    def section_title(self) -> str:
        return _("Your journey")
