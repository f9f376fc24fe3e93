"""The main window: top bar (language, text size, warning signs), section bar, the pages,
and Back / where-am-I / Next at the bottom. It lays out and navigates; the family's session as a
file lives in ``session_document.py`` and everything kiosk in ``kiosk.py``.

Over 400 lines: the window's bars, its pages' wiring and its navigation (Next and Back step
through pages and their screens) are one piece of behaviour.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
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
from car_t_guide.core.machine import logs
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.model import Session, empty_session
from car_t_guide.ui import focus, theme
from car_t_guide.ui.about import add_about_button
from car_t_guide.ui.accessibility import Role, announce, set_role
from car_t_guide.ui.file_dialogs import Dialogs
from car_t_guide.ui.i18n import apply_language
from car_t_guide.ui.navigation import PAGE_ORDER, SECTIONS, section_of
from car_t_guide.ui.page_set import PageSet
from car_t_guide.ui.pages.base import Page, PageContext
from car_t_guide.ui.session_document import SessionDocument
from car_t_guide.ui.speech.read_aloud import ReadAloud
from car_t_guide.ui.widgets.flow_layout import FlowLayout
from car_t_guide.ui.widgets.text import label

TEXT_SIZE_NAMES = {
    "normal": i18n.N_("Normal text"),
    "large": i18n.N_("Large text"),
    "largest": i18n.N_("Largest text"),
}
TEXT_SIZE_BUTTONS = {"normal": "A", "large": "A+", "largest": "A++"}
# The window's size on a screen with room for it; a smaller screen gets the window maximised.
PREFERRED_SIZE = QSize(1280, 800)


class MainWindow(QMainWindow):
    page_changed = Signal(str)
    language_changed = Signal(str)

    def __init__(
        self,
        settings: CenterSettings | None = None,
        *,
        session: Session | None = None,
        today: date | None = None,
        kiosk: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.settings = settings or CenterSettings()
        self.kiosk = kiosk
        self._fixed_today = today
        self.document = SessionDocument(self, today=self.today, kiosk=kiosk, session=session)
        self.document.state_changed.connect(self._update_title)
        self.document.saved.connect(self._show_saved)
        self.document.changed.connect(lambda _part: self._show_saved(None))
        self.document.replaced.connect(lambda: self._show_saved(None))
        # The language a kiosk goes back to when it forgets a family.
        self.home_language = i18n.current_language()
        self.text_size = "normal"
        self.pages: dict[str, Page] = {}
        self.create_actions()
        self.create_top_bar()
        self.document.replaced.connect(self._on_session_replaced)
        self.create_pages()
        self.create_bottom_bar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.top_bar)
        column.addWidget(self.stack, 1)
        column.addWidget(self.read_aloud.reading_bar)  # shows while a page is read aloud
        column.addWidget(self.bottom_bar)
        self.setCentralWidget(central)
        self.resize(PREFERRED_SIZE)
        self.kiosk_mode = None
        if kiosk:
            from car_t_guide.ui.kiosk import KioskMode

            self.kiosk_mode = KioskMode(self)
        self._show_language_in_box()  # the language was applied before the window was made
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
        actions = [self.back_action, self.next_action, self.warning_action]
        if not self.kiosk:  # a kiosk has no files to open or save, and prints from its page
            key = QKeySequence.StandardKey
            self.new_action = QAction(self, shortcut=key.New, triggered=self.new_session)
            self.open_action = QAction(self, shortcut=key.Open, triggered=self.open_session_dialog)
            self.save_action = QAction(self, shortcut=key.Save, triggered=self.save)
            self.save_as_action = QAction(
                self, shortcut=QKeySequence("Ctrl+Shift+S"), triggered=self.save_as
            )
            self.print_action = QAction(self, shortcut=key.Print, triggered=self.print_summary)
            actions += [
                self.new_action, self.open_action, self.save_action, self.save_as_action,
                self.print_action,
            ]
        for action in actions:
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
        controls.give_way(self.title_label)  # the window's title says it too

        self.language_box = QComboBox()
        for code in i18n.SUPPORTED_LANGUAGES:
            self.language_box.addItem(i18n.LANGUAGE_NAMES[code], code)
        self.language_box.currentIndexChanged.connect(self._on_language_picked)
        # Screen readers name a list box by its label (by its value alone it would be
        # "Español"); the bar has no room to show the word, each language shows its own name.
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language_box)
        self.language_label.setParent(self.top_bar)
        self.language_label.hide()
        controls.addWidget(self.language_box)

        # Plain checkable buttons, not an exclusive QButtonGroup: in a group, Tab stops only at
        # the checked one, and each button should be one Tab stop of its own.
        self.text_size_buttons: dict[str, QPushButton] = {}
        for name, text in TEXT_SIZE_BUTTONS.items():
            button = QPushButton(text)
            button.setObjectName("textSize")
            button.setCheckable(True)
            set_role(button, Role.RadioButton)  # one of three is chosen
            button.clicked.connect(lambda _checked=False, n=name: self.apply_text_size(n))
            self.text_size_buttons[name] = button
            controls.addWidget(button)

        self.start_over_button = QPushButton()  # a kiosk shows it (ui/kiosk.py)
        self.start_over_button.setVisible(False)
        controls.addWidget(self.start_over_button)

        self.warning_button = QPushButton()
        self.warning_button.setObjectName("warningButton")
        self.warning_button.clicked.connect(lambda: self.show_page("warning-signs"))
        controls.addWidget(self.warning_button)
        # Read aloud (ui/speech/): its buttons show once the engine has a voice for the language.
        self.read_aloud = ReadAloud(self)
        for button in self.read_aloud.buttons:
            controls.addWidget(button)
        self.about_button = add_about_button(self, controls)  # staff mode only
        bar.addLayout(controls)

        sections = FlowLayout(spacing=8)
        self.section_buttons: dict[str, QPushButton] = {}
        for first_page, _title in SECTIONS:
            button = QPushButton()
            button.setObjectName("section")
            button.setCheckable(True)
            set_role(button, Role.PageTab)
            button.clicked.connect(lambda _checked=False, p=first_page: self.show_page(p))
            self.section_buttons[first_page] = button
            sections.addWidget(button)
        bar.addLayout(sections)

    def create_pages(self) -> None:
        self.stack = QStackedWidget()
        # Every page that shows the family sees it the same way (ui/pages/base.py).
        self.page_context = PageContext(self.document, self.settings, self.today)
        # Pages outside the Next/Back order; Back returns to the page they belong to.
        self._parent_page = {"family": "journey"}
        # Each page is made when first shown: start-up draws the welcome screen only.
        self.pages = PageSet([*PAGE_ORDER, *self._parent_page], self._make_page)
        self.stack.setCurrentWidget(self.pages["welcome"])

    def _make_page(self, page_id: str) -> Page:
        """Make one page, wired to the window, at the text size showing."""
        # Imported here: a page's modules (and its content, charts, PDF code) load with it.
        context = self.page_context
        if page_id == "welcome":
            from car_t_guide.ui.pages.welcome import WelcomePage

            page = WelcomePage()
            page.start_requested.connect(lambda: self.show_page("steps:1"))
        elif page_id.startswith("steps:"):
            from car_t_guide.ui.pages.step import StepPage

            page = StepPage(int(page_id.removeprefix("steps:")))
        elif page_id == "journey":
            from car_t_guide.ui.pages.journey import JourneyPage

            page = JourneyPage(context, kiosk=self.kiosk)
            page.edit_requested.connect(self.edit_family)
            page.example_requested.connect(self.load_example)
        elif page_id == "side-effects":
            from car_t_guide.ui.pages.side_effects import SideEffectsPage

            page = SideEffectsPage(context)
            page.screen_changed.connect(lambda _s: self._update_navigation())
            page.warning_signs_requested.connect(lambda: self.show_page("warning-signs"))
        elif page_id == "warning-signs":
            from car_t_guide.ui.pages.warning_signs import WarningSignsPage

            page = WarningSignsPage(context)
        elif page_id == "check-understanding":
            from car_t_guide.ui.pages.check_understanding import CheckUnderstandingPage

            page = CheckUnderstandingPage(context, nurse_mode=not self.kiosk)
            page.screen_changed.connect(lambda _s: self._update_navigation())
            page.review_requested.connect(self._open_for_review)
        elif page_id == "summary":
            from car_t_guide.ui.pages.summary import SummaryPage

            page = SummaryPage(context, kiosk=self.kiosk)
            page.printed.connect(self._log_print)
        elif page_id == "family":
            from car_t_guide.ui.pages.family_form import FamilyFormPage

            page = FamilyFormPage(context)
            page.done.connect(lambda: self.show_page("journey"))
            page.open_requested.connect(self.open_session_dialog)
            page.save_requested.connect(self.save)
            page.save_as_requested.connect(self.save_as)
            page.new_requested.connect(self.new_session)
        else:
            raise KeyError(page_id)
        assert page.page_id == page_id, (page.page_id, page_id)
        page.set_scale(theme.TEXT_SCALES[self.text_size])
        self.stack.addWidget(page)
        page.tab_order_changed.connect(self._order_tabs)
        # The window's own answer to a new family comes after the pages': they mark
        # themselves stale first, then the one showing is drawn again.
        self.document.replaced.disconnect(self._on_session_replaced)
        self.document.replaced.connect(self._on_session_replaced)
        return page

    @property
    def journey_page(self):
        return self.pages["journey"]

    @property
    def side_effects_page(self):
        return self.pages["side-effects"]

    @property
    def check_page(self):
        return self.pages["check-understanding"]

    @property
    def summary_page(self):
        return self.pages["summary"]

    @property
    def family_page(self):
        return self.pages["family"]

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
        # "Saved: ana.json" after a save, until the next change (staff mode only).
        self.saved_label = label("", "status")
        self.saved_label.hide()
        row.addWidget(self.back_button)
        row.addWidget(self.position_label, 1)
        row.addWidget(self.saved_label)
        row.addWidget(self.next_button)

    @staticmethod
    def _log_print(result) -> None:
        if result.ok:
            logs.log_event("summary_printed", pages=result.pages)
        else:  # cancelled, no printer, failed: nothing was printed
            logs.log_event(f"summary_print_{result.outcome}")

    # --- what the family sees -------------------------------------------------------------
    def _open_for_review(self, page_id: str, screen: str) -> None:
        if screen:
            self.pages[page_id].show_screen(screen)
        self.show_page(page_id)

    # --- the family's session -------------------------------------------------------------
    @property
    def session(self) -> Session:
        return self.document.session

    def today(self) -> date:
        return self._fixed_today or date.today()

    def start_fresh(self) -> None:
        """An empty session on the welcome screen, in the home language (a kiosk's next
        family)."""
        summary = self.pages.if_made("summary")
        if summary is not None:
            summary.forget()  # the PDF in memory and its preview
        self.read_aloud.forget()  # nothing goes on being said to the next family
        self.document.replace(empty_session())
        self.set_language(self.home_language)
        self.show_page("welcome")
        # The other pages still hold what they drew for this family (until shown again): they
        # go, and are made afresh for the next one.
        self.pages.discard_all_but("welcome")

    def show_fitted(self) -> None:
        """Show the window within the screen's free area: at its preferred size where that fits
        (title bar included), maximised where it does not (a 1366 x 768 laptop)."""
        screen = self.screen()
        area = screen.availableGeometry() if screen is not None else None
        frame = self.frameGeometry().size() - self.geometry().size()
        if area is None:
            self.show()
        elif (PREFERRED_SIZE + frame).boundedTo(area.size()) != PREFERRED_SIZE + frame:
            self.showMaximized()
            # The whole free area, also where the window manager does not maximise.
            frame = self.frameGeometry().size() - self.geometry().size()
            if not area.contains(self.frameGeometry()):
                self.resize((area.size() - frame).expandedTo(self.minimumSizeHint()))
                self.move(area.topLeft())
        else:
            self.resize(PREFERRED_SIZE)
            self.move(area.center() - self.rect().center())
            self.show()

    def set_idle_timeout(self, seconds: float) -> None:
        if self.kiosk_mode is not None:
            self.kiosk_mode.set_idle_timeout(seconds)

    # --- failing safely ---------------------------------------------------------------------
    def show_something_wrong(self) -> None:
        from car_t_guide.ui.pages.something_wrong import SomethingWrongPage

        saved = self.document.write_autosave()
        page = SomethingWrongPage(
            reset_after_seconds=15 if self.kiosk else None, work_was_saved=saved
        )
        page.setParent(self)
        page.set_scale(theme.TEXT_SCALES[self.text_size])
        page.start_over_requested.connect(lambda: (page.deleteLater(), self._after_crash()))
        page.show_over(self)
        self.something_wrong_page = page

    def _after_crash(self) -> None:
        if self.kiosk_mode is not None:
            self.kiosk_mode.forget_family()
        else:
            self.show_page("welcome")

    def stop_now(self, signum: int = 0) -> None:
        """SIGTERM / SIGINT: tidy up; the signal handler then ends the event loop itself."""
        if self.kiosk_mode is not None:
            self.kiosk_mode.stop()
            self.kiosk_mode.forget_family()
        else:
            self.document.write_autosave()

    def offer_autosave(self) -> bool:
        return self.document.offer_autosave()

    @Slot(dict)
    def answer_later_start(self, request: dict) -> None:
        """Someone started the app again while this window is open (ui/single_instance.py):
        come to the front, and open what they asked for, asking about unsaved work first."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        logs.log_event("brought_to_front", with_file="open" in request)
        if "open" in request and self.document.confirm_discard():
            self.open_session(Path(request["open"]))
        elif "example" in request:
            self.load_example(request["example"])  # a number out of range is ignored there

    def _on_session_replaced(self) -> None:
        """Another family (or none): the pages marked themselves stale; the one showing is
        drawn again now."""
        current = self.stack.currentWidget()
        if current.stale:
            current.rebuild()

    def set_session(self, session: Session, path: Path | None = None) -> None:
        self.document.replace(session, path)

    @Slot()
    def new_session(self) -> None:
        if self.document.confirm_discard():
            self.document.replace(empty_session())
            self.edit_family()

    @Slot()
    def edit_family(self) -> None:
        """The nurse's form, ready to type into its first field."""
        self.show_page("family")
        self.family_page.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(int)
    def load_example(self, number: int) -> None:
        from car_t_guide.core.session import examples
        from car_t_guide.core.session.files import SessionError

        if not 1 <= number <= examples.EXAMPLE_COUNT:
            return
        if self.document.confirm_discard():
            try:
                session = examples.load_example(number, today=self.today())
            except SessionError as problem:  # only when "today" is set before the example
                Dialogs.problem(self, _("This file cannot be opened"), str(problem))
                return
            self.document.replace(session)
            self.show_page("journey")

    @Slot()
    def save(self) -> bool:
        from car_t_guide.ui.widgets.date_edits import finish_typing

        finish_typing()  # a date still being typed counts
        return self.document.save()

    @Slot()
    def save_as(self) -> bool:
        from car_t_guide.ui.widgets.date_edits import finish_typing

        finish_typing()
        return self.document.save_as()

    @Slot()
    def print_summary(self) -> None:
        """The summary page, printed as soon as its PDF is ready."""
        from car_t_guide.ui.widgets.date_edits import finish_typing

        finish_typing()
        self.show_page("summary")
        page = self.summary_page
        if page.state == "ready":
            page.print_summary()
            return

        def when_ready() -> None:
            page.ready.disconnect(when_ready)
            if self.current_page_id() == "summary":
                page.print_summary()

        page.ready.connect(when_ready)

    def _show_saved(self, path: Path | None) -> None:
        if path is None:
            self.saved_label.hide()
            return
        text = _("Saved: {file}").format(file=path.name)
        self.saved_label.setText(text)
        self.saved_label.setAccessibleName(text)
        self.saved_label.show()
        announce(self.saved_label, text)

    @Slot()
    def open_session_dialog(self) -> None:
        path = self.document.ask_open_path()
        if path is not None:
            self.open_session(path)

    def open_session(self, path: Path) -> bool:
        """Open a family's file in its own language; a broken file changes nothing."""
        if not self.document.open(path):
            return False
        # A language the app does not have ("de") leaves the screens as they are.
        if i18n.normalize(self.session.language):
            self.set_language(self.session.language)
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # A kiosk's own guard refuses close requests before they reach here (ui/kiosk.py).
        if self.kiosk_mode is not None or self.document.confirm_discard():
            if not self.document.dirty:
                self.document.discard_autosave()
            if self.kiosk_mode is not None:
                self.kiosk_mode.stop()
            event.accept()
        else:
            event.ignore()

    def _update_title(self) -> None:
        title = _("CAR T Family Guide")
        # The file's name may be the family's name: never in the title of a kiosk.
        path = self.document.path
        dirty = self.document.dirty and not self.kiosk
        if not self.kiosk and path is not None:
            title = f"{path.name}{' *' if dirty else ''} — {title}"
        elif dirty:  # a family never saved: changes that would be lost
            unsaved = _("Not saved yet")
            title = f"{unsaved} * — {title}"
        self.setWindowTitle(title)

    def current_page_id(self) -> str:
        return self.stack.currentWidget().page_id

    @Slot(str)
    def show_page(self, page_id: str) -> None:
        page = self.pages[page_id]
        if page.stale:
            page.rebuild()
        focus_was_in_pages = self._focus_in_pages()
        self.stack.setCurrentWidget(page)
        page.scroll.verticalScrollBar().setValue(0)
        self._update_navigation()
        self._order_tabs()
        if focus_was_in_pages:
            # Focus was on the page that went (a shortcut, a link): not lost in the stack, but
            # on the new page's first control, or its section's tab.
            first = next(iter(page.tab_order()), None)
            section = self.section_buttons.get(section_of(self._in_order(page_id)) or "")
            (first or section or self.next_button).setFocus(Qt.FocusReason.OtherFocusReason)
        self.page_changed.emit(page_id)

    def _focus_in_pages(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and (focused is self.stack or self.stack.isAncestorOf(focused))

    def _order_tabs(self) -> None:
        """Tab through the window as it is drawn: the top bar, the page showing, Back and Next."""
        page = self.stack.currentWidget()
        bars = focus.visual_order(self.top_bar), focus.visual_order(self.bottom_bar)
        focus.chain(bars[0] + page.tab_order() + bars[1])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        limit = theme.chrome_limit_for(self.height())
        if getattr(self, "_chrome_limit", limit) != limit:
            # Taller or shorter than a laptop screen now: the bars' size follows.
            self._chrome_limit = limit
            scale = theme.TEXT_SCALES[self.text_size]
            QApplication.instance().setStyleSheet(theme.style_sheet(scale, limit))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # Keys the focused control does not use scroll the page, wherever focus is.
        bar = self.stack.currentWidget().scroll.verticalScrollBar()
        steps = {
            Qt.Key.Key_PageDown: bar.pageStep(),
            Qt.Key.Key_PageUp: -bar.pageStep(),
        }
        if event.key() in steps and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            bar.setValue(bar.value() + steps[event.key()])
            return
        super().keyPressEvent(event)

    @Slot()
    def go_next(self) -> None:
        if self._step_screen(+1):
            return
        index = PAGE_ORDER.index(self._in_order(self.current_page_id()))
        if index + 1 < len(PAGE_ORDER):
            self.show_page(PAGE_ORDER[index + 1])

    @Slot()
    def go_back(self) -> None:
        page_id = self.current_page_id()
        if page_id in self._parent_page:
            self.show_page(self._parent_page[page_id])
            return
        if self._step_screen(-1):
            return
        index = PAGE_ORDER.index(page_id)
        if index > 0:
            self.show_page(PAGE_ORDER[index - 1])

    def _step_screen(self, step: int) -> bool:
        """On a page of several screens (side effects, check understanding), Next and Back go
        screen by screen first ("Side effect 1 of 7", then 2 ...); False at the page's ends."""
        page = self.stack.currentWidget()
        screen_ids = getattr(page, "screen_ids", None)
        if not callable(screen_ids) or not hasattr(page, "show_screen"):
            return False
        screens = screen_ids()
        if page.screen not in screens:
            return False
        target = screens.index(page.screen) + step
        if not 0 <= target < len(screens):
            return False
        page.show_screen(screens[target])
        self._update_navigation()
        return True

    def set_language(self, lang: str) -> None:
        """Change the language in place: same page, every text rebuilt."""
        apply_language(lang)
        self._show_language_in_box()
        self.retranslate()
        self.language_changed.emit(i18n.current_language())

    def _show_language_in_box(self) -> None:
        with_blocked = self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(self.language_box.findData(i18n.current_language()))
        self.language_box.blockSignals(with_blocked)

    @Slot(int)
    def _on_language_picked(self, index: int) -> None:
        self.set_language(self.language_box.itemData(index))

    def apply_text_size(self, name: str) -> None:
        self.text_size = name
        scale = theme.TEXT_SCALES[name]
        self._chrome_limit = theme.chrome_limit_for(self.height())
        QApplication.instance().setStyleSheet(theme.style_sheet(scale, self._chrome_limit))
        for size_name, button in self.text_size_buttons.items():
            button.setChecked(size_name == name)
        if getattr(self, "kiosk_mode", None) is not None:
            self.kiosk_mode.set_scale(scale)
        for page in self.pages.made():
            page.set_scale(scale)
        self.retranslate()

    def retranslate(self) -> None:
        self._update_title()
        self.title_label.setText(_("CAR T Family Guide"))
        self.language_box.setAccessibleName(_("Language"))
        self.language_label.setText(_("Language"))
        self.language_box.setToolTip(_("Language"))
        for name, button in self.text_size_buttons.items():
            button.setAccessibleName(_(TEXT_SIZE_NAMES[name]))
            button.setToolTip(_(TEXT_SIZE_NAMES[name]))
        self.title_label.setMinimumHeight(self.warning_button.sizeHint().height())
        self.start_over_button.setText(_("Start over"))
        self.start_over_button.setAccessibleName(_("Start over: clear everything entered"))
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
        for page in self.pages.made():
            page.stale = True
        current.rebuild()
        self._update_navigation()

    def _in_order(self, page_id: str) -> str:
        return self._parent_page.get(page_id, page_id)

    def _update_navigation(self) -> None:
        page_id = self.current_page_id()
        page = self.pages[page_id]
        index = PAGE_ORDER.index(self._in_order(page_id))
        self.back_button.setEnabled(index > 0)
        self.back_action.setEnabled(index > 0)
        self.next_button.setEnabled(index + 1 < len(PAGE_ORDER))
        self.next_action.setEnabled(index + 1 < len(PAGE_ORDER))
        self.position_label.setText(page.position_text())
        self.position_label.setAccessibleName(page.position_text())
        section = section_of(self._in_order(page_id))
        for first_page, button in self.section_buttons.items():
            button.setChecked(first_page == section)
