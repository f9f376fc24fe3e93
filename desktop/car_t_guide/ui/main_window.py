"""The main window: top bar (language, text size, warning signs), section bar, the pages,
and Back / where-am-I / Next at the bottom."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from car_t_guide.core import i18n
from car_t_guide.core.i18n import _
from car_t_guide.core.settings import CenterSettings
from car_t_guide.ui import theme
from car_t_guide.ui.i18n import apply_language
from car_t_guide.ui.navigation import PAGE_ORDER, SECTIONS, STEP_PAGES, section_of
from car_t_guide.ui.pages.base import Page
from car_t_guide.ui.pages.placeholder import ComingSoonPage
from car_t_guide.ui.pages.step import StepPage
from car_t_guide.ui.pages.warning_signs import Contacts, WarningSignsPage
from car_t_guide.ui.pages.welcome import WelcomePage
from car_t_guide.ui.widgets.flow_layout import FlowLayout
from car_t_guide.ui.widgets.text import label

TEXT_SIZE_NAMES = {
    "normal": i18n.N_("Normal text"),
    "large": i18n.N_("Large text"),
    "largest": i18n.N_("Largest text"),
}
TEXT_SIZE_BUTTONS = {"normal": "A", "large": "A+", "largest": "A++"}


class MainWindow(QMainWindow):
    page_changed = Signal(str)
    language_changed = Signal(str)

    def __init__(self, settings: CenterSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings or CenterSettings()
        self.text_size = "normal"
        self.pages: dict[str, Page] = {}
        self.create_actions()
        self.create_top_bar()
        self.create_pages()
        self.create_bottom_bar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.top_bar)
        column.addWidget(self.stack, 1)
        column.addWidget(self.bottom_bar)
        self.setCentralWidget(central)
        self.resize(1280, 800)
        self.apply_text_size("normal")
        self.show_page("welcome")
        self.next_button.setFocus()

    # --- building -------------------------------------------------------------------------
    def create_actions(self) -> None:
        self.back_action = QAction(self, shortcut=QKeySequence("Alt+Left"), triggered=self.go_back)
        self.next_action = QAction(self, shortcut=QKeySequence("Alt+Right"), triggered=self.go_next)
        self.warning_action = QAction(
            self, shortcut=QKeySequence("F2"), triggered=lambda: self.show_page("warning-signs")
        )
        for action in (self.back_action, self.next_action, self.warning_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

    def create_top_bar(self) -> None:
        self.top_bar = QFrame()
        self.top_bar.setObjectName("topBar")
        bar = QVBoxLayout(self.top_bar)
        bar.setContentsMargins(16, 8, 16, 8)
        controls = FlowLayout(spacing=10)
        self.title_label = QLabel()
        self.title_label.setObjectName("appTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        controls.addWidget(self.title_label)

        self.language_box = QComboBox()
        for code in i18n.SUPPORTED_LANGUAGES:
            self.language_box.addItem(i18n.LANGUAGE_NAMES[code], code)
        self.language_box.currentIndexChanged.connect(self._on_language_picked)
        controls.addWidget(self.language_box)

        # Plain checkable buttons, not an exclusive QButtonGroup: in a group, Tab stops only at
        # the checked one, and each button should be one Tab stop of its own.
        self.text_size_buttons: dict[str, QPushButton] = {}
        for name, text in TEXT_SIZE_BUTTONS.items():
            button = QPushButton(text)
            button.setObjectName("textSize")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, n=name: self.apply_text_size(n))
            self.text_size_buttons[name] = button
            controls.addWidget(button)

        self.warning_button = QPushButton()
        self.warning_button.setObjectName("warningButton")
        self.warning_button.clicked.connect(lambda: self.show_page("warning-signs"))
        controls.addWidget(self.warning_button)
        bar.addLayout(controls)

        sections = FlowLayout(spacing=8)
        self.section_buttons: dict[str, QPushButton] = {}
        for first_page, _title in SECTIONS:
            button = QPushButton()
            button.setObjectName("section")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, p=first_page: self.show_page(p))
            self.section_buttons[first_page] = button
            sections.addWidget(button)
        bar.addLayout(sections)

    def create_pages(self) -> None:
        self.stack = QStackedWidget()
        welcome = WelcomePage()
        welcome.start_requested.connect(lambda: self.show_page("steps:1"))
        pages: list[Page] = [welcome]
        pages += [StepPage(n) for n in range(1, len(STEP_PAGES) + 1)]
        pages.append(ComingSoonPage("journey", i18n.N_("Your journey")))
        pages.append(ComingSoonPage("side-effects", i18n.N_("Side effects")))
        pages.append(WarningSignsPage(self.contacts))
        pages.append(ComingSoonPage("check-understanding", i18n.N_("Check understanding")))
        pages.append(ComingSoonPage("summary", i18n.N_("Your summary")))
        for page in pages:
            self.pages[page.page_id] = page
            self.stack.addWidget(page)
        assert list(self.pages) == PAGE_ORDER

    def create_bottom_bar(self) -> None:
        self.bottom_bar = QFrame()
        self.bottom_bar.setObjectName("bottomBar")
        row = QHBoxLayout(self.bottom_bar)
        row.setContentsMargins(16, 8, 16, 8)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.go_back)
        self.position_label = label("", "position")
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = QPushButton()
        self.next_button.setObjectName("primary")
        self.next_button.clicked.connect(self.go_next)
        row.addWidget(self.back_button)
        row.addWidget(self.position_label, 1)
        row.addWidget(self.next_button)

    # --- what the family sees -------------------------------------------------------------
    def contacts(self) -> Contacts:
        return Contacts(
            center=self.settings.center_name,
            phone_24h=self.settings.phone_24h,
            emergency_number=self.settings.emergency_number,
        )

    def current_page_id(self) -> str:
        return self.stack.currentWidget().page_id

    @Slot(str)
    def show_page(self, page_id: str) -> None:
        page = self.pages[page_id]
        if page.stale:
            page.rebuild()
        self.stack.setCurrentWidget(page)
        page.scroll.verticalScrollBar().setValue(0)
        self._update_navigation()
        self.page_changed.emit(page_id)

    @Slot()
    def go_next(self) -> None:
        index = PAGE_ORDER.index(self.current_page_id())
        if index + 1 < len(PAGE_ORDER):
            self.show_page(PAGE_ORDER[index + 1])

    @Slot()
    def go_back(self) -> None:
        index = PAGE_ORDER.index(self.current_page_id())
        if index > 0:
            self.show_page(PAGE_ORDER[index - 1])

    def set_language(self, lang: str) -> None:
        """Change the language in place: same page, every text rebuilt."""
        apply_language(lang)
        with_blocked = self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(self.language_box.findData(i18n.current_language()))
        self.language_box.blockSignals(with_blocked)
        self.retranslate()
        self.language_changed.emit(i18n.current_language())

    @Slot(int)
    def _on_language_picked(self, index: int) -> None:
        self.set_language(self.language_box.itemData(index))

    def apply_text_size(self, name: str) -> None:
        self.text_size = name
        scale = theme.TEXT_SCALES[name]
        QApplication.instance().setStyleSheet(theme.style_sheet(scale))
        for size_name, button in self.text_size_buttons.items():
            button.setChecked(size_name == name)
        for page in self.pages.values():
            page.set_scale(scale)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("CAR T Family Guide"))
        self.title_label.setText(_("CAR T Family Guide"))
        self.language_box.setAccessibleName(_("Language"))
        self.language_box.setToolTip(_("Language"))
        for name, button in self.text_size_buttons.items():
            button.setAccessibleName(_(TEXT_SIZE_NAMES[name]))
            button.setToolTip(_(TEXT_SIZE_NAMES[name]))
        self.title_label.setMinimumHeight(self.warning_button.sizeHint().height())
        self.warning_button.setText(_("Warning signs: call now"))
        self.warning_button.setAccessibleName(self.warning_button.text())
        for first_page, title in SECTIONS:
            self.section_buttons[first_page].setText(_(title))
            self.section_buttons[first_page].setAccessibleName(_(title))
        self.back_button.setText(_("Back"))
        self.back_button.setAccessibleName(_("Back"))
        self.next_button.setText(_("Next"))
        self.next_button.setAccessibleName(_("Next"))
        # The showing page is rebuilt now, the others when they are next shown.
        current = self.stack.currentWidget()
        for page in self.pages.values():
            page.stale = True
        current.rebuild()
        self._update_navigation()

    def _update_navigation(self) -> None:
        page_id = self.current_page_id()
        page = self.pages[page_id]
        index = PAGE_ORDER.index(page_id)
        self.back_button.setEnabled(index > 0)
        self.back_action.setEnabled(index > 0)
        self.next_button.setEnabled(index + 1 < len(PAGE_ORDER))
        self.next_action.setEnabled(index + 1 < len(PAGE_ORDER))
        self.position_label.setText(page.position_text())
        self.position_label.setAccessibleName(page.position_text())
        section = section_of(page_id)
        for first_page, button in self.section_buttons.items():
            button.setChecked(first_page == section)
