"""Your summary: the real care summary PDF, previewed, printed and (staff only) saved.

The PDF is the one report/ makes for the export command (``build_summary``). It is built in a
worker thread, so the window never freezes; when that takes longer than a moment a busy
indicator says so. The preview is QtPdf's QPdfView over a document read from memory (a QBuffer
over the bytes): no temporary file is ever written. QtPdf is imported when this page is first
shown, never for the welcome screen.

Printing goes through a ``Printer`` (ui/printing.py): staff see the print dialog, a kiosk prints
straight to its printer. Saving is for staff only: a kiosk shows no file dialog at all.

What the page holds of a family (the PDF, its preview) is dropped as soon as the window marks the
page stale for another family or another language, and when a kiosk forgets the family
(``forget()``); a build still running for the old family is ignored when it ends.

Over 400 lines: the page's states (building, ready, printing, failed) and the preview they
show are one state machine, kept in one place.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDeadlineTimer,
    QEventLoop,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from car_t_guide.core.i18n import _, current_language, ngettext
from car_t_guide.core.machine.atomic import write_atomic
from car_t_guide.core.machine.logs import describe_exception
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.paper import paper_for_region
from car_t_guide.core.session.files import SessionError
from car_t_guide.core.session.model import ALL_PARTS, Session
from car_t_guide.core.summary_warnings import PrintWarning
from car_t_guide.ui.accessibility import Role, set_role
from car_t_guide.ui.background import BackgroundJob
from car_t_guide.ui.file_dialogs import Dialogs
from car_t_guide.ui.pages.base import Page, PageContext
from car_t_guide.ui.printing import CANCELLED, PRINTED, Printer, PrintResult, QtPrinter
from car_t_guide.ui.widgets.text import bullet_list, framed, heading, label

log = logging.getLogger("car_t_guide.summary")

# Show the busy indicator only when building takes longer than this (a blink is no news).
BUSY_AFTER_MS = 300

IDLE, BUILDING, READY, FAILED = "idle", "building", "ready", "failed"

PAPERS = ("letter", "a4")

# build_summary's signature: (session, *, lang, paper, settings, today) -> (pdf, warnings)
Builder = Callable[..., tuple[bytes, list[PrintWarning]]]

def build_with_report(session: Session, **options: Any) -> tuple[bytes, list[PrintWarning]]:
    """The real builder (reportlab is imported in the worker, when the first PDF is made)."""
    from car_t_guide.report.summary import build_summary

    return build_summary(session, **options)


def default_paper(settings: CenterSettings) -> str:
    """The center's paper setting, else the system region's paper (never the language)."""
    return paper_for_region(None, settings)


def snapshot(session: Session) -> Session:
    """A copy of the session for the worker thread (the window's session may change while the
    PDF is built), without the window's listeners."""
    return copy.deepcopy(session, {id(session._listeners): []})


class SummaryPage(Page):
    page_id = "summary"
    #: the preview shows a freshly built PDF
    ready = Signal()
    #: a print request ended (PrintResult)
    printed = Signal(object)

    shows = ALL_PARTS  # the summary prints everything

    def __init__(
        self,
        context: PageContext,
        *,
        kiosk: bool = False,
        printer: Callable[[], Printer] | None = None,
        builder: Builder | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(context, parent)
        self._memory = None  # MemoryPdf: the document shown, its buffer and bytes
        self._pdf: bytes | None = None
        self._built_for: tuple | None = None  # what the shown PDF was made from
        self._building_for: tuple | None = None
        self.kiosk = kiosk
        self._printer_factory = printer or self._system_printer
        self._builder = builder or build_with_report
        self.paper: str | None = None  # chosen on the page; the center's paper until then
        self.state = IDLE
        self.warnings: list[PrintWarning] = []
        self.problem = ""
        # One build at a time (reportlab's caches are global); only the latest one counts.
        self._job = BackgroundJob(self)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self.view = None
        self.print_button: QPushButton | None = None
        self.save_button: QPushButton | None = None
        self.paper_buttons: dict[str, QPushButton] = {}
        self.busy_bar: QProgressBar | None = None
        self.status_label = None
        self.warning_box = None
        self.try_again_button: QPushButton | None = None

    # --- the window marks the page stale for a new family or language -------------------------

    @property
    def stale(self) -> bool:
        return self._stale

    @stale.setter
    def stale(self, value: bool) -> None:
        self._stale = value
        # Another family (or language): let go of the old PDF now, not when next shown.
        if (
            value
            and getattr(self, "_memory", None) is not None
            and self._built_for != self._wanted()
        ):
            self._drop_document()

    # --- building the page -------------------------------------------------------------------

    def build(self, layout: QVBoxLayout) -> None:
        from PySide6.QtPdfWidgets import QPdfView  # QtPdf: only once this page is shown

        if self.paper is None:
            self.paper = default_paper(self.settings)
        layout.addWidget(heading(_("Your summary")))
        # Side by side; at the largest text the preview goes below (the page scrolls). Above
        # the normal text size the buttons come before the words, so Print needs no scrolling.
        stacked = self.scale >= 2.0
        words_first = self.scale < 1.5
        row = QBoxLayout(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        row.setSpacing(round(24 * min(self.scale, 1.25)))
        layout.addLayout(row, 1)

        side = QVBoxLayout()
        side.setSpacing(round(12 * self.scale))
        intro = label(
            _(
                "This is the summary to take home: your key dates, the warning signs, "
                "whom to call, and a wallet card to cut out."
            )
        )
        if words_first:
            side.addWidget(intro)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(_("Print"))
        self.print_button.setObjectName("primary")
        self.print_button.setAccessibleName(_("Print the summary"))
        self.print_button.clicked.connect(self.print_summary)
        buttons.addWidget(self.print_button)
        if self.kiosk:
            self.save_button = None
        else:
            self.save_button = QPushButton(_("Save as PDF…"))
            self.save_button.setAccessibleName(_("Save the summary as a PDF file"))
            self.save_button.clicked.connect(self.save_pdf)
            buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        side.addLayout(buttons)

        papers = QHBoxLayout()
        papers.addWidget(label(_("Paper size")))
        self.paper_buttons = {}
        for paper, text in (("letter", _("Letter")), ("a4", "A4")):
            button = QPushButton(text)
            button.setObjectName("section")
            button.setCheckable(True)
            button.setChecked(paper == self.paper)
            set_role(button, Role.RadioButton)
            button.setAccessibleName(_("Paper size: {paper}").format(paper=text))
            button.clicked.connect(lambda _c=False, p=paper: self.set_paper(p))
            self.paper_buttons[paper] = button
            papers.addWidget(button)
        papers.addStretch(1)
        side.addLayout(papers)

        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # busy, with no promise of how long
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(round(12 * self.scale))
        self.busy_bar.setAccessibleName(_("Making your summary…"))
        self.busy_bar.hide()
        side.addWidget(self.busy_bar)
        self.status_label = label("", "status")
        self.status_label.setAccessibleDescription("status")
        side.addWidget(self.status_label)
        self.try_again_button = QPushButton(_("Try again"))
        self.try_again_button.setAccessibleName(_("Try again"))
        self.try_again_button.clicked.connect(lambda: self._start_build())
        self.try_again_button.hide()
        side.addWidget(self.try_again_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.warning_box = QWidget()
        QVBoxLayout(self.warning_box).setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.warning_box)
        if not words_first:
            side.addWidget(intro)
        if not stacked:
            side.addStretch(1)
        row.addLayout(side, 0 if stacked else 2)

        self.view = QPdfView()
        self.view.setObjectName("summaryPreview")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(round(12 * self.scale))
        # Stacked, the page scrolls: the preview still shows most of a page at a time.
        self.view.setMinimumHeight(560 if stacked else 320)
        self.view.setAccessibleName(_("Preview of the summary"))
        self.view.setAccessibleDescription(_("The pages that print. Scroll to see them all."))
        row.addWidget(self.view, 1 if stacked else 3)
        self._refresh()

    def rebuild(self) -> None:
        super().rebuild()
        # The preview takes the height the page has; the base page's closing stretch does not.
        layout = self._content.layout() if self._content is not None else None
        if layout is not None:
            layout.setStretch(layout.count() - 1, 0)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self.view is not None:
            self._refresh()  # the family's details may have changed since it was built

    # --- the PDF -----------------------------------------------------------------------------

    def _wanted(self) -> tuple | None:
        """What the PDF should be made from now; compared with what it was made from."""
        if getattr(self, "context", None) is None or self.paper is None:
            return None
        return (
            snapshot(self.session),
            current_language(),
            self.paper,
            self.settings,
            self.today(),
        )

    def _refresh(self) -> None:
        wanted = self._wanted()
        if self._memory is not None and wanted == self._built_for:
            self._show_state()
        elif self.state == BUILDING and wanted == self._building_for:
            self._show_state()
        else:
            self._start_build(wanted)

    def _start_build(self, wanted: tuple | None = None) -> None:
        wanted = wanted or self._wanted()
        self._drop_document()
        session, lang, paper, settings, today = wanted
        builder = self._builder
        options = {"lang": lang, "paper": paper, "settings": settings, "today": today}
        self._building_for = wanted
        self.state = BUILDING
        self.problem = ""
        self.warnings = []
        self._busy_timer.start()
        self._show_state()
        self._job.run(
            lambda: builder(session, **options), success=self._on_built, failure=self._on_failed
        )

    @property
    def build_thread_name(self) -> str:
        return self._job.thread_name

    def _on_built(self, result: tuple[bytes, list[PrintWarning]]) -> None:
        from car_t_guide.ui.printing import MemoryPdf

        pdf, warnings = result
        self._busy_timer.stop()
        self._pdf = bytes(pdf)
        self._memory = MemoryPdf(self._pdf, self)
        self._built_for, self._building_for = self._building_for, None
        self.warnings = list(warnings)
        if self._memory.ready:
            self.state = READY
        else:
            log.error("the summary PDF could not be read back for the preview")
            self.state = FAILED
        self._show_state()
        if self.state == READY:
            self.ready.emit()

    def _on_failed(self, problem: BaseException) -> None:
        if isinstance(problem, SessionError):
            message = str(problem)  # a control character: the loader's own plain message
        else:  # logged without its message (it may quote the family's text), shown calmly
            log.error(describe_exception(type(problem), problem, problem.__traceback__))
            message = ""
        self._busy_timer.stop()
        self._building_for = None
        self.state = FAILED
        self.problem = message
        self._show_state()

    def _drop_document(self) -> None:
        if self.view is not None:
            self.view.setDocument(None)
        if self._memory is not None:
            self._memory.close()
        self._memory = None
        self._pdf = None
        self._built_for = None
        self.warnings = []
        if getattr(self, "state", IDLE) == READY:
            self.state = IDLE

    def forget(self) -> None:
        """Let go of everything of this family: the PDF, the preview, a build in flight."""
        self._job.cancel()
        self._busy_timer.stop()
        self._drop_document()
        self._building_for = None
        self.state = IDLE
        self.problem = ""
        self.stale = True

    def document(self):
        """The QPdfDocument the preview shows (None while building)."""
        return self._memory.document if self._memory is not None else None

    def pdf_bytes(self) -> bytes | None:
        return self._pdf

    def wait_until_built(self, timeout_ms: int = 30_000) -> bool:
        """Run the event loop until the build ends and the preview has drawn its first page
        (QPdfView draws pages in the background): for ``screenshot --page summary``. True when
        the preview is ready."""
        deadline = QDeadlineTimer(timeout_ms)
        loop = QEventLoop()
        poll = QTimer()
        poll.timeout.connect(loop.quit)
        poll.start(20)
        while self.state == BUILDING and not deadline.hasExpired():
            loop.exec()
        while self.state == READY and not self._preview_drawn() and not deadline.hasExpired():
            loop.exec()
        poll.stop()
        return self.state == READY

    def _preview_drawn(self) -> bool:
        if self.view is None or not self.view.isVisible():
            return True  # nothing to wait for
        picture = self.view.viewport().grab().toImage().scaled(48, 48)
        return any(picture.pixelColor(x, y).lightness() < 128 for y in range(48) for x in range(48))

    # --- what the page says ------------------------------------------------------------------

    def _show_busy(self) -> None:
        if self.state == BUILDING and self.busy_bar is not None:
            self.busy_bar.show()
            self._set_status(_("Making your summary…"))

    def busy_visible(self) -> bool:
        return self.busy_bar is not None and self.busy_bar.isVisible()

    def _set_status(self, text: str, object_name: str = "status") -> None:
        if self.status_label is None:
            return
        self.status_label.setText(text)
        self.status_label.setAccessibleName(text)
        if self.status_label.objectName() != object_name:
            self.status_label.setObjectName(object_name)
            self.status_label.style().unpolish(self.status_label)
            self.status_label.style().polish(self.status_label)

    def status_text(self) -> str:
        return self.status_label.text() if self.status_label is not None else ""

    def _show_state(self) -> None:
        if self.view is None:
            return
        ready = self.state == READY
        self.print_button.setEnabled(ready)
        if self.save_button is not None:
            self.save_button.setEnabled(ready)
        self.try_again_button.setVisible(self.state == FAILED)
        if self.state != BUILDING:
            self.busy_bar.hide()
        elif not self._busy_timer.isActive():
            self.busy_bar.show()  # a page rebuilt while a long build goes on
        if self.state == BUILDING:
            self._set_status(_("Making your summary…") if self.busy_visible() else "")
        elif ready:
            pages = self._memory.page_count
            self._set_status(
                ngettext(
                    "Your summary is ready: {count} page.",
                    "Your summary is ready: {count} pages.",
                    pages,
                ).format(count=pages)
            )
            self.view.setDocument(self._memory.document)
        elif self.state == FAILED:
            text = _("The summary could not be made.")
            if self.problem:
                text += " " + self.problem
            self._set_status(text, "problem")
        else:
            self._set_status("")
        self._show_warnings()

    def _show_warnings(self) -> None:
        box = self.warning_box.layout()
        while box.count():
            item = box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if self.state != READY or not self.warnings:
            self.warning_box.hide()
            return
        title = label(_("Before you print, please note:"))
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        box.addWidget(
            framed("callout", title, bullet_list(w.sentence() for w in self.warnings))
        )
        self.warning_box.show()

    # --- paper, printing, saving -------------------------------------------------------------

    def set_paper(self, paper: str) -> None:
        if paper not in PAPERS:
            raise ValueError(f"unknown paper {paper!r}")
        self.paper = paper
        for name, button in self.paper_buttons.items():
            button.setChecked(name == paper)
        if self.view is not None:
            self._refresh()

    def _system_printer(self) -> Printer:
        return QtPrinter(kiosk=self.kiosk, printer_name=self.settings.printer)

    def print_summary(self) -> PrintResult | None:
        if self._pdf is None or self.state != READY:
            return None
        self._set_status(_("Printing…"))
        self.status_label.repaint()  # now: drawing the pages takes a moment
        self.print_button.setEnabled(False)
        try:
            result = self._printer_factory().print_pdf(self._pdf, paper=self.paper, parent=self)
        finally:
            self.print_button.setEnabled(self.state == READY)
        if result.outcome == CANCELLED:
            self._show_state()
        else:
            self._set_status(result.message, "status" if result.outcome == PRINTED else "problem")
        self.printed.emit(result)
        return result

    def suggested_file_name(self) -> str:
        name = self.session.patient.display_name.strip()
        title = _("{name} care summary").format(name=name) if name else _("Care summary")
        # A name may hold characters no file system takes in a file name.
        return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", title).strip(" .-") + ".pdf"

    def save_pdf(self) -> Path | None:
        if self.kiosk or self._pdf is None:
            return None  # a kiosk never shows a file dialog
        path = Dialogs.save_pdf_path(self, self.suggested_file_name())
        if path is None:
            return None
        try:
            write_atomic(path, self._pdf)  # owner-only: it holds a child's name and dates
        except OSError as problem:
            Dialogs.problem(
                self,
                _("The summary was not saved"),
                _("It could not be written to {path} ({reason}).").format(
                    path=str(path), reason=problem.strerror or type(problem).__name__
                ),
            )
            return None
        self._set_status(_("Saved as {file}.").format(file=path.name))
        return path

    def position_text(self) -> str:
        return _("Your summary")

    def section_title(self) -> str:
        return _("Your summary")
