"""A page: one screen of the guide, scrolled when its text is larger than the window.

Pages rebuild their content from data when the language or the text size changes, or when the
part of the family's session they show changes: rebuilding leaves nothing of the old text
behind.

One way to see the family (napari's layer-controls base is the model): a page that shows the
session gets a ``PageContext`` (the session document, the center settings, today), names the
parts it shows in ``shows``, and is told here when one of them changes or when the whole
session is replaced. By default it is marked stale and rebuilt when next shown; a page that
can do better overrides ``session_changed`` / ``session_replaced``. Qt disconnects a page's
slots when it is destroyed, so a session never calls a page that is gone. What had
keyboard focus keeps it in the rebuilt page (its new self), and Tab follows the order the page
is drawn in (ui/focus.py); the window links the page's order to its bars (``tab_order_changed``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QVBoxLayout, QWidget

from car_t_guide.core.content.contacts import Contacts, contacts_for
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.model import Session
from car_t_guide.ui import focus
from car_t_guide.ui.session_document import SessionDocument


@dataclass(frozen=True)
class PageContext:
    """What a page sees of the family and the center."""

    document: SessionDocument
    settings: CenterSettings = field(default_factory=CenterSettings)
    today: Callable[[], date] = date.today

    @property
    def session(self) -> Session:
        return self.document.session

    def contacts(self) -> Contacts:
        return contacts_for(self.session, self.settings)

    @classmethod
    def for_session(
        cls,
        session: Session | None = None,
        settings: CenterSettings | None = None,
        today: Callable[[], date] = date.today,
    ) -> PageContext:
        """A page on its own (tests, the command line's transcript): a document that never
        writes anything to disk."""
        document = SessionDocument(None, today=today, kiosk=True, session=session)
        return cls(document, settings or CenterSettings(), today)


class Page(QWidget):
    #: the id used by the command line and the navigation ("welcome", "steps:3", ...)
    page_id = ""
    #: the parts of the session this page shows (core's CHANGED_* ids)
    shows: frozenset[str] = frozenset()
    #: the page's widgets changed: Tab's order through the window needs linking again
    tab_order_changed = Signal()

    def __init__(self, context: PageContext | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        if context is not None:
            context.document.changed.connect(self._on_part_changed)
            context.document.replaced.connect(self._on_replaced)
        self.setObjectName("page")
        self.scale = 1.0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a Tab stop (it showed no focus): Page Up / Page Down scroll the page from
        # wherever focus is (the window passes them on).
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.scroll)
        self._content: QWidget | None = None
        self.stale = True

    def rebuild(self) -> None:
        """Throw the old content away and build it again in the current language."""
        had_focus = focus.focus_key(QApplication.focusWidget(), self._content)
        scrolled = self.scroll.verticalScrollBar().value()
        content = QWidget()
        content.setObjectName("scrollContent")
        layout = QVBoxLayout(content)
        margin = round(32 * min(self.scale, 1.5))
        layout.setContentsMargins(margin, margin // 2, margin, margin)
        layout.setSpacing(round(12 * self.scale))
        self.build(layout)
        layout.addStretch(1)
        # The scroll area is a Tab stop (arrow keys scroll it): it says which page it holds.
        self.scroll.setAccessibleName(self.position_text() or self.section_title())
        old = self.scroll.takeWidget()
        self.scroll.setWidget(content)
        self._content = content
        self.stale = False
        self.order_tabs()
        if had_focus is not None:
            # The same place on the page, and the same control, in the rebuilt page.
            content.adjustSize()
            self.scroll.verticalScrollBar().setValue(scrolled)
            again = focus.find_focus_key(content, had_focus)
            if again is None or not again.isVisibleTo(self):
                again = next(iter(self.tab_order()), None)  # never off to the top bar
            if again is not None:
                again.setFocus(Qt.FocusReason.OtherFocusReason)
        if old is not None:
            old.hide()  # (focus leaves it now, not when it is deleted)
            old.deleteLater()

    def order_tabs(self) -> None:
        """Tab through this page in the order it is drawn (call after adding widgets)."""
        if self._content is not None:
            focus.chain(focus.visual_order(self._content))
        self.tab_order_changed.emit()

    def tab_order(self) -> list[QWidget]:
        return focus.visual_order(self._content) if self._content is not None else []

    def build(self, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    # --- the family's session -----------------------------------------------------------------
    @property
    def session(self) -> Session:
        return self.context.session

    @property
    def settings(self) -> CenterSettings:
        return self.context.settings

    def today(self) -> date:
        return self.context.today()

    @Slot(str)
    def _on_part_changed(self, part: str) -> None:
        if part in self.shows:
            self.session_changed(part)

    @Slot()
    def _on_replaced(self) -> None:
        self.session_replaced()

    def session_changed(self, part: str) -> None:
        """A part this page shows changed: drawn again when next shown."""
        self.stale = True

    def session_replaced(self) -> None:
        """Another family (or none): drawn again when next shown."""
        self.stale = True

    def set_scale(self, scale: float) -> None:
        self.scale = scale

    def position_text(self) -> str:
        """What the "where am I" line says on this page."""
        return ""

    def section_title(self) -> str:
        return ""
