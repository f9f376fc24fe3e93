"""Printing the care summary, behind a small interface.

The summary page hands the PDF it previews (bytes, in memory) to a ``Printer``. ``QtPrinter``
is the real one: each page is rendered by QtPdf (pdfium) and drawn with QPainter on a QPrinter.
Staff see the system's print dialog first (through ``Dialogs.print_setup``, which tests replace);
a kiosk never shows a dialog and never prints to a file: it prints straight to the printer the
center configured (``printer`` in the center settings), else the default printer, else it says
plainly that no printer is set up. ``PdfFilePrinter`` is the same drawing onto a QPrinter that
writes a PDF file, for tests.

QtPdf and QtPrintSupport are imported inside the functions: the welcome screen needs neither.

The print job's name is the plain words "Care summary", never the family's name: print queues
and their logs are seen by anyone at the machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from car_t_guide.core.i18n import _

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QImage
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

# What became of a print request.
PRINTED = "printed"
CANCELLED = "cancelled"
NO_PRINTER = "no_printer"
FAILED = "failed"

# Pages are drawn as pictures at this resolution (or the printer's, when lower): sharp on
# paper, and a page picture stays near 35 MB however fine the printer's own resolution is.
PRINT_DPI = 300


@dataclass(frozen=True)
class PrintResult:
    outcome: str
    message: str = ""  # one plain sentence for the family or the nurse; "" when cancelled
    pages: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome == PRINTED


class Printer(Protocol):
    def print_pdf(self, pdf: bytes, *, paper: str, parent: QWidget | None) -> PrintResult: ...


class MemoryPdf:
    """A QPdfDocument read from bytes in memory: no temporary file is written.

    QPdfDocument reads its device lazily, page by page, for as long as it is open, so the
    bytes and the QBuffer over them live exactly as long as the document does (the buffer is
    the document's child; ``close()`` lets go of all three).
    """

    def __init__(self, pdf: bytes, parent: QObject | None = None):
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtPdf import QPdfDocument

        self.document = QPdfDocument(parent)
        self.data = QByteArray(pdf)
        self.buffer = QBuffer(self.document)
        self.buffer.setData(self.data)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)

    @property
    def ready(self) -> bool:
        from PySide6.QtPdf import QPdfDocument

        return self.document.status() == QPdfDocument.Status.Ready

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def close(self) -> None:
        """Forget the document and its bytes (a kiosk forgetting a family, a new build)."""
        self.document.close()
        self.buffer.close()
        self.buffer.setData(b"")
        self.data.clear()
        self.document.deleteLater()


def qt_page_size(paper: str):
    from PySide6.QtGui import QPageSize

    from car_t_guide.core.paper import normalize_paper

    ids = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}
    key = normalize_paper(paper)
    if key is None:
        raise ValueError(f"unknown paper {paper!r}; use 'letter' or 'a4'")
    return QPageSize(ids[key])


def prepare_printer(printer: QPrinter, paper: str) -> None:
    """Paper, portrait, whole sheet: the PDF already has its own margins, so its pages are
    drawn over the whole sheet, where they would fall on paper."""
    from PySide6.QtGui import QPageLayout

    printer.setPageSize(qt_page_size(paper))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(_("Care summary"))
    printer.setCopyCount(1)


def draw_pdf_pages(printer: QPrinter, pdf: bytes, *, dpi: int = PRINT_DPI) -> int:
    """Draw every page of ``pdf`` onto ``printer``, one sheet each; returns the page count.
    Raises ``PrintFailed`` when the PDF cannot be read or the printer cannot be started."""
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtPrintSupport import QPrinter

    memory = MemoryPdf(pdf)
    try:
        if not memory.ready or memory.page_count == 0:
            raise PrintFailed("unreadable pdf")
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed("printer would not start")
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
            resolution = min(dpi, printer.resolution())
            for index in range(memory.page_count):
                if index and not printer.newPage():
                    raise PrintFailed("printer refused a new page")
                points = memory.document.pagePointSize(index)
                # Fit the page on the sheet (the same paper: 1:1), centred if the sheet differs.
                scale = min(sheet.width() / points.width(), sheet.height() / points.height())
                width, height = points.width() * scale, points.height() * scale
                target = QRectF(
                    sheet.x() + (sheet.width() - width) / 2,
                    sheet.y() + (sheet.height() - height) / 2,
                    width,
                    height,
                )
                pixels = QSize(
                    round(points.width() * resolution / 72),
                    round(points.height() * resolution / 72),
                )
                rendered = memory.document.render(index, pixels)
                if rendered.isNull():
                    raise PrintFailed("page did not render")
                painter.drawImage(target, on_white(rendered))
        finally:
            painter.end()
        return memory.page_count
    finally:
        memory.close()


def on_white(image: QImage) -> QImage:
    """The page on white paper, with no transparency left. pdfium leaves the page transparent
    where nothing is drawn; a printer (and Qt's PDF writer, which would keep the alpha as a soft
    mask and darken the edges of every half-transparent shape) wants an opaque picture."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    sheet = QImage(image.size(), QImage.Format.Format_RGB32)
    sheet.fill(Qt.GlobalColor.white)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, image)
    painter.end()
    return sheet


class PrintFailed(Exception):
    """The pages could not be printed. The message is for the log: no personal data."""


class QtPrinter:
    """The real printer: the system's print dialog for staff, straight to the printer at a
    kiosk."""

    def __init__(self, *, kiosk: bool, printer_name: str = "", dpi: int = PRINT_DPI):
        self.kiosk = kiosk
        self.printer_name = printer_name
        self.dpi = dpi

    def print_pdf(self, pdf: bytes, *, paper: str, parent: QWidget | None) -> PrintResult:
        if self.kiosk:
            printer = self._kiosk_printer()
            if printer is None:
                return PrintResult(NO_PRINTER, _("No printer is set up. Please ask the staff."))
            prepare_printer(printer, paper)
        else:
            from PySide6.QtPrintSupport import QPrinter

            from car_t_guide.ui.file_dialogs import Dialogs

            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            prepare_printer(printer, paper)
            if not Dialogs.print_setup(parent, printer):
                return PrintResult(CANCELLED)
        return _print_on(printer, pdf, dpi=self.dpi, kiosk=self.kiosk)

    def _kiosk_printer(self) -> QPrinter | None:
        """The configured printer (by name), else the default one; None when there is none.
        Always the printer itself: never a file, whatever Qt would fall back to."""
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        info = QPrinterInfo.printerInfo(self.printer_name) if self.printer_name else None
        if info is None or info.isNull():
            info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            return None
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
        printer.setOutputFileName("")
        if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or not printer.isValid():
            return None
        return printer


class PdfFilePrinter:
    """Prints onto a QPrinter that writes a PDF file: the real drawing, no dialog (tests)."""

    def __init__(self, path: str | Path, *, dpi: int = 150):
        self.path = Path(path)
        self.dpi = dpi
        self.calls = 0

    def print_pdf(self, pdf: bytes, *, paper: str, parent: QWidget | None) -> PrintResult:
        from PySide6.QtPrintSupport import QPrinter

        self.calls += 1
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.path))
        prepare_printer(printer, paper)
        return _print_on(printer, pdf, dpi=self.dpi, kiosk=False)


def _print_on(printer: QPrinter, pdf: bytes, *, dpi: int, kiosk: bool) -> PrintResult:
    import logging

    from PySide6.QtPrintSupport import QPrinter

    try:
        pages = draw_pdf_pages(printer, pdf, dpi=dpi)
    except PrintFailed as problem:
        logging.getLogger("car_t_guide.printing").warning("printing failed: %s", problem)
        message = _("The summary could not be printed.")
        if kiosk:
            message += " " + _("Please ask the staff.")
        else:
            message += " " + _("Check the printer and try again.")
        return PrintResult(FAILED, message)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return PrintResult(PRINTED, _("The summary was printed to a file."), pages)
    return PrintResult(PRINTED, _("Printing… take your pages from the printer."), pages)
