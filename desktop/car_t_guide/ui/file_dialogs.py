"""The few dialogs staff mode uses, behind small functions tests can replace
(pytest-qt: never open a real modal dialog in a test).

File dialogs open in the user's documents folder (or where the family's file already is), never
in whatever folder the app was started from. ``CAR_T_GUIDE_DOCUMENTS_DIR`` names another folder
(tests use it).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from car_t_guide.core.i18n import _

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def documents_folder() -> Path:
    """Where file dialogs start: the user's documents folder, else the home folder."""
    chosen = os.environ.get("CAR_T_GUIDE_DOCUMENTS_DIR")
    if chosen:
        return Path(chosen)
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def _start(suggested: str) -> str:
    """A suggested file name in the documents folder (a path with a folder is kept)."""
    path = Path(suggested)
    return str(path if path.parent != Path(".") else documents_folder() / path)


class Dialogs:
    @staticmethod
    def open_session_path(parent: QWidget) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            parent, _("Open a family's file"), str(documents_folder()), _("Family files (*.json)")
        )
        return Path(path) if path else None

    @staticmethod
    def save_session_path(parent: QWidget, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            parent, _("Save the family's file"), _start(suggested), _("Family files (*.json)")
        )
        if not path:
            return None
        return Path(path) if path.lower().endswith(".json") else Path(path + ".json")

    @staticmethod
    def save_pdf_path(parent: QWidget, suggested: str) -> Path | None:
        """Where to save the care summary (staff mode only; a kiosk never asks)."""
        path, _filter = QFileDialog.getSaveFileName(
            parent, _("Save the summary as PDF"), _start(suggested), _("PDF files (*.pdf)")
        )
        if not path:
            return None
        return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")

    @staticmethod
    def print_setup(parent: QWidget, printer) -> bool:
        """The system's print dialog for ``printer`` (a QPrinter); True to print.
        Staff mode only: a kiosk prints straight to its printer."""
        from PySide6.QtPrintSupport import QPrintDialog  # only when someone prints

        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_("Print the summary"))
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    @staticmethod
    def unsaved_changes(parent: QWidget) -> str:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Unsaved changes"))
        box.setText(_("The family's details have changes that are not saved."))
        box.setInformativeText(_("Do you want to save them?"))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return DISCARD
        return CANCEL

    @staticmethod
    def restore_autosave(parent: QWidget) -> bool:
        answer = QMessageBox.question(
            parent,
            _("Unsaved work"),
            _("The last session ended before its work was saved. Do you want it back?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def problem(parent: QWidget, title: str, message: str) -> None:
        QMessageBox.warning(parent, title, message)
