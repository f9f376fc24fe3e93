"""Your summary: the real PDF previewed from memory, built off the GUI thread, printed through
the Printer interface (to a PDF file here: no test opens a print dialog), saved by staff only."""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QIODevice, QTimer
from PySide6.QtWidgets import QPushButton

from car_t_guide.core import i18n
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.examples import load_example
from car_t_guide.core.session.files import SessionError
from car_t_guide.core.session.model import empty_session
from car_t_guide.core.summary_warnings import CANNOT_PRINT, RIGHT_TO_LEFT, PrintWarning
from car_t_guide.report.summary import build_summary
from car_t_guide.ui import file_dialogs, printing
from car_t_guide.ui.pages import summary as summary_page
from car_t_guide.ui.pages.base import PageContext
from car_t_guide.ui.pages.summary import BUILDING, FAILED, READY, SummaryPage
from car_t_guide.ui.printing import NO_PRINTER, PRINTED, PdfFilePrinter
from tests.ui.qt_script import run_offscreen

TODAY = date(2019, 1, 1)  # after every example family's dates
LETTER = CenterSettings(paper_size="letter")
A4 = CenterSettings(paper_size="a4")
BUILD_TIMEOUT_MS = 30_000


@pytest.fixture
def make_page(qtbot):
    made = []

    def make(session=None, settings=LETTER, *, kiosk=False, printer=None, builder=None):
        context = PageContext.for_session(
            session or load_example(1, today=TODAY), settings, lambda: TODAY
        )
        page = SummaryPage(context, kiosk=kiosk, printer=printer, builder=builder)
        qtbot.addWidget(page)
        page.resize(1280, 700)
        page.rebuild()  # as the window does when it shows a stale page
        page.show()
        made.append(page)
        return page

    yield make
    i18n.set_language("en")


def wait_ready(qtbot, page):
    qtbot.waitUntil(lambda: page.state in (READY, FAILED), timeout=BUILD_TIMEOUT_MS)
    assert page.state == READY, page.status_text()


def pdf_text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)


def fail_if_called(*_args, **_kwargs):
    pytest.fail("a dialog was asked for")


# --- the preview ---------------------------------------------------------------------------------


def test_the_preview_shows_the_real_pdf(make_page, qtbot):
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    session = load_example(1, today=TODAY)
    page = make_page(session)
    wait_ready(qtbot, page)
    expected, _warnings = build_summary(
        session, lang="en", paper="letter", settings=LETTER, today=TODAY
    )
    pages = len(PdfReader(BytesIO(expected)).pages)

    document = page.document()
    assert document.status() == QPdfDocument.Status.Ready
    assert document.pageCount() == pages
    assert page.view.document() is document
    assert page.view.pageMode() == QPdfView.PageMode.MultiPage
    assert page.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert page.status_text() == f"Your summary is ready: {pages} pages."
    assert session.patient.display_name in pdf_text(page.pdf_bytes())
    assert page.print_button.isEnabled() and page.save_button.isEnabled()


def test_the_pdf_is_read_from_memory_and_no_temporary_file_is_written(
    make_page, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtPdf import QPdfDocument

    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))  # Qt's QDir.tempPath()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    loaded_from = []
    real_load = QPdfDocument.load

    def load(document, source):
        loaded_from.append(source)
        return real_load(document, source)

    monkeypatch.setattr(QPdfDocument, "load", load)
    out = tmp_path / "printed" / "summary.pdf"
    out.parent.mkdir()
    page = make_page(printer=lambda: PdfFilePrinter(out, dpi=50))
    wait_ready(qtbot, page)
    assert page.print_summary().ok  # the printer reads the PDF from memory too

    assert len(loaded_from) == 2
    assert all(isinstance(source, QIODevice) for source in loaded_from)
    assert sorted(os.listdir(private_tmp)) == []


def test_building_runs_off_the_gui_thread_and_the_window_stays_responsive(make_page, qtbot):
    release = threading.Event()
    threads = []

    def slow_builder(session, **options):
        threads.append(threading.current_thread())
        assert release.wait(20), "the test never let the build finish"
        return build_summary(session, **options)

    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    page = make_page(builder=slow_builder)
    assert page.state == BUILDING
    assert not page.print_button.isEnabled()
    # The event loop goes on while the PDF is being made: timers fire, the busy indicator
    # appears after a moment, with words.
    qtbot.waitUntil(page.busy_visible, timeout=5000)
    assert page.status_text() == "Making your summary…"
    qtbot.waitUntil(lambda: len(ticks) >= 20, timeout=5000)
    assert page.state == BUILDING
    assert threads and threads[0] is not threading.main_thread()
    release.set()
    wait_ready(qtbot, page)
    timer.stop()
    assert not page.busy_visible()
    assert page.build_thread_name == threads[0].name


def test_a_quick_build_shows_no_busy_indicator(make_page, qtbot):
    made = build_summary(
        load_example(1, today=TODAY), lang="en", paper="letter", settings=LETTER, today=TODAY
    )
    page = make_page(builder=lambda session, **options: made)
    wait_ready(qtbot, page)
    qtbot.wait(summary_page.BUSY_AFTER_MS + 200)
    assert not page.busy_visible()
    assert page.status_text().startswith("Your summary is ready")


def test_a_refused_text_says_why_and_offers_to_try_again(make_page, qtbot):
    def refusing_builder(session, **options):
        raise SessionError("", "patient.display_name", "has a control character")

    page = make_page(builder=refusing_builder)
    qtbot.waitUntil(lambda: page.state == FAILED, timeout=BUILD_TIMEOUT_MS)
    assert page.status_text().startswith("The summary could not be made.")
    assert "control character" in page.status_text()
    assert page.try_again_button.isVisible()
    assert not page.print_button.isEnabled()


# --- the paper -----------------------------------------------------------------------------------


def test_the_paper_follows_the_center_setting_and_the_choice_on_the_page(make_page, qtbot):
    page = make_page(settings=A4)
    wait_ready(qtbot, page)
    assert page.paper == "a4"
    assert page.paper_buttons["a4"].isChecked() and not page.paper_buttons["letter"].isChecked()
    box = PdfReader(BytesIO(page.pdf_bytes())).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)

    qtbot.mouseClick(page.paper_buttons["letter"], qtbot_left())
    wait_ready(qtbot, page)
    assert page.paper == "letter" and page.paper_buttons["letter"].isChecked()
    box = PdfReader(BytesIO(page.pdf_bytes())).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


# --- printing ------------------------------------------------------------------------------------


def render_gray(pdf_path_or_bytes, index=0):
    """A page as a small, softened grey picture (36 dpi): what a person would recognise."""
    import pypdfium2
    from PIL import ImageFilter

    document = pypdfium2.PdfDocument(pdf_path_or_bytes)
    image = document[index].render(scale=0.5).to_pil().convert("L")
    document.close()
    return image.filter(ImageFilter.GaussianBlur(2))


def difference(a, b) -> float:
    """Mean absolute difference of two grey pictures (0 = the same, 255 = opposite)."""
    from PIL import ImageChops, ImageStat

    return ImageStat.Stat(ImageChops.difference(a, b.resize(a.size))).mean[0]


def test_printing_draws_the_familys_pages_onto_the_printer(make_page, qtbot, tmp_path):
    out = tmp_path / "printed.pdf"
    file_printer = PdfFilePrinter(out, dpi=100)
    results = []
    page = make_page(printer=lambda: file_printer)
    page.printed.connect(results.append)
    wait_ready(qtbot, page)
    qtbot.mouseClick(page.print_button, qtbot_left())

    assert file_printer.calls == 1
    assert [r.outcome for r in results] == [PRINTED]
    assert page.status_text() == "The summary was printed to a file."
    printed = PdfReader(out)
    assert len(printed.pages) == page.document().pageCount() == results[0].pages
    box = printed.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    # The family's name is in the PDF the printer was handed...
    assert "Example family 1" in pdf_text(page.pdf_bytes())
    # ...and each printed sheet is a picture of that PDF's page (a printer gets pictures of
    # the pages, so the sheets carry no text layer): it matches its own page closely, and
    # another family's page much less.
    other, _w = build_summary(
        load_example(2, today=TODAY), lang="en", paper="letter", settings=LETTER, today=TODAY
    )
    for index in range(len(printed.pages)):
        sheet = render_gray(str(out), index)
        assert difference(sheet, render_gray(page.pdf_bytes(), index)) < 5
    first_sheet = render_gray(str(out), 0)
    own = difference(first_sheet, render_gray(page.pdf_bytes(), 0))
    assert difference(first_sheet, render_gray(other, 0)) > 2 * own


def test_staff_printing_asks_the_print_dialog_first(make_page, qtbot, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(
        file_dialogs.Dialogs, "print_setup", lambda parent, printer: asked.append(printer) or False
    )
    page = make_page()  # the real QtPrinter
    wait_ready(qtbot, page)
    result = page.print_summary()
    assert result.outcome == printing.CANCELLED and len(asked) == 1
    assert page.status_text().startswith("Your summary is ready")  # nothing to report

    # Staff choose "Print to file" in the dialog: the same drawing goes into that file.
    out = tmp_path / "from-dialog.pdf"

    def print_to_file(parent, printer):
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(file_dialogs.Dialogs, "print_setup", print_to_file)
    page._printer_factory = lambda: printing.QtPrinter(kiosk=False, dpi=50)
    assert page.print_summary().ok
    assert len(PdfReader(out).pages) == page.document().pageCount()


# --- kiosk ---------------------------------------------------------------------------------------


@pytest.fixture
def no_dialogs(monkeypatch):
    for name in ("print_setup", "save_pdf_path", "open_session_path", "save_session_path"):
        monkeypatch.setattr(file_dialogs.Dialogs, name, fail_if_called)


@pytest.fixture
def no_printers(monkeypatch):
    from PySide6.QtPrintSupport import QPrinterInfo

    asked_for = []

    def by_name(name):
        asked_for.append(name)
        return QPrinterInfo()

    monkeypatch.setattr(QPrinterInfo, "printerInfo", staticmethod(by_name))
    monkeypatch.setattr(QPrinterInfo, "defaultPrinter", staticmethod(lambda: QPrinterInfo()))
    return asked_for


def test_a_kiosk_has_no_save_button_and_never_opens_a_dialog(
    make_page, qtbot, tmp_path, no_dialogs
):
    out = tmp_path / "kiosk.pdf"
    page = make_page(kiosk=True, printer=lambda: PdfFilePrinter(out, dpi=50))
    wait_ready(qtbot, page)
    assert page.save_button is None
    texts = [button.text() for button in page.findChildren(QPushButton)]
    assert "Save as PDF…" not in texts and "Print" in texts
    assert page.save_pdf() is None
    qtbot.mouseClick(page.print_button, qtbot_left())
    assert len(PdfReader(out).pages) == page.document().pageCount()


def test_a_kiosk_prints_straight_to_its_printer_or_says_there_is_none(
    make_page, qtbot, no_dialogs, no_printers
):
    front_desk = CenterSettings(paper_size="letter", printer="Front desk")
    page = make_page(settings=front_desk, kiosk=True)
    wait_ready(qtbot, page)
    result = page.print_summary()  # the real QtPrinter, kiosk mode: no dialog, no file
    assert no_printers == ["Front desk"]
    assert result.outcome == NO_PRINTER
    assert page.status_text() == "No printer is set up. Please ask the staff."
    assert page.status_label.objectName() == "problem"


def test_kiosk_printing_never_prints_to_a_file(qapp, monkeypatch, no_dialogs):
    """Whatever printer Qt finds, a kiosk's QPrinter is the printer itself, never a file."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    printer = printing.QtPrinter(kiosk=True)._kiosk_printer()
    if QPrinterInfo.defaultPrinter().isNull():
        assert printer is None
    else:
        assert printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
        assert printer.outputFileName() == ""


# --- saving (staff) ------------------------------------------------------------------------------


def test_staff_save_the_pdf_they_see_owner_only(make_page, qtbot, tmp_path, monkeypatch):
    suggested = []
    folder = tmp_path / "saved"
    folder.mkdir()
    target = folder / "Ana summary.pdf"

    def choose(parent, name):
        suggested.append(name)
        return target

    monkeypatch.setattr(file_dialogs.Dialogs, "save_pdf_path", choose)
    session = load_example(1, today=TODAY)
    session.set_display_name("Ana/Luz")
    page = make_page(session)
    wait_ready(qtbot, page)
    qtbot.mouseClick(page.save_button, qtbot_left())

    assert suggested == ["Ana-Luz care summary.pdf"]
    assert target.read_bytes() == page.pdf_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert page.status_text() == "Saved as Ana summary.pdf."
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary file left


# --- staying current, forgetting -----------------------------------------------------------------


def test_the_pdf_is_made_again_for_a_new_language_or_family(make_page, qtbot):
    page = make_page()
    wait_ready(qtbot, page)
    first = page.pdf_bytes()

    i18n.set_language("es")
    page.stale = True  # what the window does when the language changes
    assert page.document() is None and page.pdf_bytes() is None  # the old one is gone at once
    page.rebuild()  # shown again
    wait_ready(qtbot, page)
    assert "Resumen de cuidados" in pdf_text(page.pdf_bytes())
    assert page.pdf_bytes() != first

    page.context.document.replace(load_example(2, today=TODAY))  # marks the page stale
    assert page.stale
    page.rebuild()
    wait_ready(qtbot, page)
    assert "Familia de ejemplo 2" in pdf_text(page.pdf_bytes())  # the example, in Spanish


def test_a_text_size_change_keeps_the_pdf_it_has(make_page, qtbot):
    page = make_page()
    wait_ready(qtbot, page)
    document = page.document()
    page.set_scale(1.5)
    page.stale = True
    page.rebuild()
    assert page.state == READY and page.document() is document


def test_a_build_for_the_old_family_is_ignored_when_it_ends(make_page, qtbot):
    release = threading.Event()

    def builder(session, **options):
        if session.patient.display_name == "Example family 1":
            release.wait(20)
        return build_summary(session, **options)

    page = make_page(builder=builder)
    assert page.state == BUILDING
    page.context.document.replace(load_example(3, today=TODAY))
    page.rebuild()
    release.set()
    wait_ready(qtbot, page)
    qtbot.wait(300)  # the old build's result, if it came late, must not replace this one
    assert "Example family 3" in pdf_text(page.pdf_bytes())
    assert "Example family 1" not in pdf_text(page.pdf_bytes())


def test_forget_lets_go_of_the_family(make_page, qtbot):
    page = make_page()
    wait_ready(qtbot, page)
    page.forget()
    assert page.document() is None and page.pdf_bytes() is None
    assert page.view.document() is None
    assert page.stale


# --- warnings ------------------------------------------------------------------------------------


def test_what_prints_imperfectly_is_said_in_plain_words(make_page, qtbot):
    from PySide6.QtWidgets import QLabel

    page = make_page(empty_session(), CenterSettings(paper_size="letter"), kiosk=True)
    wait_ready(qtbot, page)
    assert page.warning_box.isVisible()
    texts = [label.text() for label in page.warning_box.findChildren(QLabel)]
    assert "Before you print, please note:" in texts
    assert (
        "No 24-hour phone number is known. The summary and the wallet card leave a blank line "
        "to write it in." in texts
    )


def test_a_warning_names_the_field_in_words_on_screen_and_by_its_id_on_the_command_line():
    rtl = "has right-to-left text, which may print imperfectly on the summary"
    warning = PrintWarning("patient.display_name", RIGHT_TO_LEFT)
    assert warning.sentence() == f"The name {rtl}."
    assert warning.line() == f"patient.display_name: {rtl}"
    many = PrintWarning("history[3].note", CANNOT_PRINT, tuple("😀😁😂🤣😃😄😅😆😉😊"), "?")
    assert many.sentence().startswith("A note in the treatment history has characters")
    assert "U+1F600" in many.line() and "and 2 more" in many.line()


# --- start-up cost -------------------------------------------------------------------------------

IMPORTS = r"""
import json, sys
from datetime import date
from car_t_guide.ui.app import create_application
from car_t_guide.core.session.model import empty_session
from car_t_guide.core.machine.settings import CenterSettings
app = create_application()
from car_t_guide.ui.pages.base import PageContext
from car_t_guide.ui.pages.summary import SummaryPage
page = SummaryPage(PageContext.for_session(empty_session(), CenterSettings(paper_size="a4")))
before = sorted(m for m in ("PySide6.QtPdf", "PySide6.QtPrintSupport", "reportlab")
                if m in sys.modules)
page.rebuild()
after = "PySide6.QtPdf" in sys.modules
page.wait_until_built()
print(json.dumps([before, after, page.state]))
"""


def test_qtpdf_and_reportlab_wait_until_the_page_is_shown():
    before, after, state = run_offscreen(IMPORTS)
    assert before == [] and after is True and state == READY


def test_the_print_support_plugin_is_installed():
    import PySide6

    plugins = Path(PySide6.__file__).parent / "Qt" / "plugins" / "printsupport"
    assert plugins.is_dir() and any(plugins.iterdir())
