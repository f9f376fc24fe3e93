"""The family's session as a document: which file it came from, whether it has unsaved changes,
the owner-only autosave, and opening and saving it (with the dialogs that go with that).

Pages and the window listen to two signals: ``replaced`` (another family, or none) and
``changed(part)`` (one part of the same family changed; ``part`` is one of core's CHANGED_*
ids). A kiosk document never writes anything to disk.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from car_t_guide.core.i18n import _
from car_t_guide.core.machine import logs
from car_t_guide.core.session.model import Session, empty_session
from car_t_guide.ui.file_dialogs import CANCEL, SAVE, Dialogs

# The session file code (core/session/files.py and the autosave) is imported by the methods
# that read or write a file: the first screen shows none.

# Unsaved work is written to the autosave this long after the last change (staff mode only).
AUTOSAVE_DELAY_MS = 2000


class SessionDocument(QObject):
    replaced = Signal()
    changed = Signal(str)
    #: the file name or the unsaved mark changed (the window title follows)
    state_changed = Signal()
    #: the family's file was written (its path): the window says so
    saved = Signal(object)

    def __init__(
        self,
        dialog_parent: QWidget,
        *,
        today: Callable[[], date],
        kiosk: bool = False,
        session: Session | None = None,
    ):
        super().__init__(dialog_parent)
        self._dialog_parent = dialog_parent
        self._today = today
        self.kiosk = kiosk
        self.session = session or empty_session()
        self.path: Path | None = None
        self.dirty = False
        self._unsubscribe = self.session.subscribe(self._on_changed)
        self._autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self.write_autosave)

    # --- following the session ----------------------------------------------------------------
    def _on_changed(self, part: str) -> None:
        self.dirty = True
        logs.register_session(self.session)
        if not self.kiosk:
            self._autosave_timer.start()
        self.changed.emit(part)
        self.state_changed.emit()

    def replace(self, session: Session, path: Path | None = None, *, dirty: bool = False) -> None:
        """Show another family (or none)."""
        self._unsubscribe()
        self.session = session
        self._unsubscribe = session.subscribe(self._on_changed)
        self.path = path
        self.dirty = dirty
        self._autosave_timer.stop()
        self.replaced.emit()
        self.state_changed.emit()

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.state_changed.emit()

    # --- autosave (staff mode only) -------------------------------------------------------------
    @Slot()
    def write_autosave(self) -> bool:
        """Write unsaved work to the owner-only autosave now; False if nothing was written."""
        if self.kiosk or not self.dirty:
            return False  # a kiosk never writes a family's data to disk
        try:
            from car_t_guide.core.machine import autosave

            autosave.write_autosave(self.session)
        except Exception as error:  # noqa: BLE001 (the crash screen calls this: it must not fail)
            # Whatever stopped it, the work is still open; the caller says it was not kept.
            logs.log_failure("autosave_failed", error)
            return False
        return True

    def discard_autosave(self) -> None:
        from car_t_guide.core.machine import autosave

        self._autosave_timer.stop()
        if not self.kiosk:  # a kiosk has none; a staff window's may be there, and is not its
            autosave.discard_autosave()

    def offer_autosave(self) -> bool:
        """At start in staff mode: bring back unsaved work from last time, if the nurse wants."""
        from car_t_guide.core.machine import autosave
        from car_t_guide.core.session.files import SessionError

        if self.kiosk or autosave.pending_autosave() is None:
            return False
        if not Dialogs.restore_autosave(self._dialog_parent):
            autosave.discard_autosave()
            return False
        try:
            loaded = autosave.load_autosave(today=self._today())
        except SessionError as problem:
            # Work saved before it was complete (no collection date yet) cannot be loaded: say
            # so once, and do not ask again at every start.
            Dialogs.problem(
                self._dialog_parent, _("The unsaved work could not be brought back"), str(problem)
            )
            autosave.discard_autosave()
            return False
        self.replace(loaded.session, dirty=True)
        return True

    # --- opening and saving ---------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """True when it is fine to drop the current session (saved, discarded, or not dirty)."""
        if not self.dirty or self.kiosk:
            return True
        answer = Dialogs.unsaved_changes(self._dialog_parent)
        if answer == SAVE:
            return self.save()
        if answer != CANCEL:
            self.discard_autosave()
            return True
        return False

    def ask_open_path(self) -> Path | None:
        """The file staff picks to open, once unsaved work is dealt with (None: nothing)."""
        if self.kiosk or not self.confirm_discard():
            return None
        return Dialogs.open_session_path(self._dialog_parent)

    def open(self, path: Path) -> bool:
        """Open a family's file; a broken file changes nothing and says what is wrong."""
        from car_t_guide.core.session.files import SessionError, load_session

        try:
            loaded = load_session(path, today=self._today())
        except SessionError as problem:
            Dialogs.problem(self._dialog_parent, _("This file cannot be opened"), str(problem))
            return False
        self.replace(loaded.session, path)
        return True

    @Slot()
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    @Slot()
    def save_as(self) -> bool:
        if self.kiosk:
            return False
        suggested = (self.session.patient.display_name or _("family")) + ".json"
        if self.path is not None:  # next to the file it came from
            suggested = str(self.path.parent / suggested)
        path = Dialogs.save_session_path(self._dialog_parent, suggested)
        return path is not None and self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        """Save, or say plainly that the file was not saved: a save never fails silently, and
        the work stays open (and unsaved-marked) either way."""
        from car_t_guide.core.session.files import SessionError, save_session

        try:
            save_session(self.session, path, today=self._today())
        except SessionError as problem:
            Dialogs.problem(self._dialog_parent, _("The file was not saved"), str(problem))
            return False
        except Exception as error:  # noqa: BLE001 (a bug: logged, and the nurse is told)
            logs.log_failure("session_save_failed", error)
            Dialogs.problem(
                self._dialog_parent,
                _("The file was not saved"),
                _("An unexpected problem stopped the save. The work is still open; "
                  "try Save as to another place."),
            )
            return False
        self.path = path
        self.dirty = False
        self.discard_autosave()
        self.state_changed.emit()
        self.saved.emit(path)
        return True
