"""About this guide: the app and content versions, and the licences of what it is built on.

Staff mode only: a family at a kiosk has no use for it, and every extra button is one more way
to get lost. The notices are read from the bundled ``resources/notices`` (the same file ships in
the wheel, the frozen build and the Debian package); they are our own Markdown file, shown
formatted so that its paragraphs fit the dialog's width.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLayout,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from car_t_guide import CONTENT_VERSION, __version__
from car_t_guide.core.i18n import _
from car_t_guide.core.machine.paths import resource
from car_t_guide.ui.widgets.text import heading, label

NOTICES_FILE = ("notices", "THIRD-PARTY-NOTICES.md")


def notices_text() -> str:
    try:
        return resource(*NOTICES_FILE).read_text(encoding="utf-8")
    except OSError:
        # A broken install must still say what the app is built on and where the licences are.
        return _("The licence notices are missing from this installation. They are in the file "
                 "resources/notices/THIRD-PARTY-NOTICES.md of the app's source.")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(_("About CAR T Family Guide"))
        column = QVBoxLayout(self)
        column.addWidget(heading(_("CAR T Family Guide")))
        self.versions = label(
            _("Version {version}. Medical content {content}.").format(
                version=__version__, content=CONTENT_VERSION
            ),
            selectable=True,
        )
        column.addWidget(self.versions)
        column.addWidget(label(_("This guide does not replace the care team's advice.")))
        column.addWidget(label(_("Free software under the MIT License, built on Qt (LGPL 3.0) and "
                                 "the other parts listed below.")))
        self.notices = QTextBrowser()
        self.notices.setOpenLinks(False)  # staff read the addresses; no browser from a kiosk
        self.notices.setMarkdown(notices_text())
        self.notices.setAccessibleName(_("Licences and notices"))
        column.addWidget(self.notices, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setIcon(QIcon())
        buttons.rejected.connect(self.reject)
        about_qt = buttons.addButton(_("About Qt"), QDialogButtonBox.ButtonRole.HelpRole)
        about_qt.clicked.connect(lambda: QMessageBox.aboutQt(self))
        column.addWidget(buttons)
        screen = (parent or self).screen().availableGeometry()
        self.resize(min(900, int(screen.width() * 0.9)), min(700, int(screen.height() * 0.85)))


def add_about_button(window, layout: QLayout) -> QPushButton:
    """An "About" button in ``layout``, shown in staff mode only; it keeps its text in the
    window's language."""
    button = QPushButton()
    button.setObjectName("aboutButton")
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_texts(_lang: str = "") -> None:
        button.setText(_("About"))
        button.setAccessibleName(_("About this guide: versions and licences"))

    set_texts()
    window.language_changed.connect(set_texts)
    button.clicked.connect(lambda: AboutDialog(window).exec())
    layout.addWidget(button)
    if window.kiosk:
        button.hide()
    return button
