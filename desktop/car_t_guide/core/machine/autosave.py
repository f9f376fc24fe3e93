"""Staff-mode autosave: the nurse's unsaved work, kept in one owner-only file so a crash or a
power cut does not lose it, and offered back at the next start.

The caller decides when: call ``write_autosave`` after changes (debounced, e.g. 2 s after the
last edit) in staff mode ONLY. In kiosk mode nothing personal may touch the disk, so a kiosk
never calls this module (except ``discard_autosave``, which is always safe). Remove the file
with ``discard_autosave`` once the work is saved to a session file or the nurse discards it.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import date
from pathlib import Path

from car_t_guide.core.machine.atomic import OWNER_ONLY, write_atomic
from car_t_guide.core.machine.paths import data_dir
from car_t_guide.core.session.files import LoadedSession, Session, load_session, session_to_dict

AUTOSAVE_FILE_NAME = "autosave.json"


def autosave_path() -> Path:
    return data_dir() / AUTOSAVE_FILE_NAME


def write_autosave(session: Session) -> Path:
    """Write the session as it is now, all at once, readable by its owner only.

    Unlike ``save_session`` this does not refuse work in progress (a plan with no collection
    date yet): the point is to lose nothing. Raises OSError if the disk refuses.
    """
    path = autosave_path()
    # The folder is private too: its listing would tell that a session is in progress.
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    text = json.dumps(session_to_dict(session), ensure_ascii=False, indent=2, allow_nan=False)
    write_atomic(path, (text + "\n").encode("utf-8"), mode=OWNER_ONLY)
    return path


def pending_autosave() -> Path | None:
    """The autosave left by an earlier run (a crash, a power cut), if there is one."""
    path = autosave_path()
    return path if path.is_file() else None


def load_autosave(*, today: date) -> LoadedSession:
    """Read the pending autosave back like a session file (raises SessionError if it cannot be
    used, e.g. work stopped before a collection date was entered; FileNotFoundError if none)."""
    return load_session(autosave_path(), today=today)


def discard_autosave() -> None:
    """Remove the autosave (after saving, after the nurse discards it, and on a kiosk reset)."""
    path = autosave_path()
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    # Half-written temporaries from a crash in the middle of a write (core.atomic's names).
    if path.parent.is_dir():
        for leftover in path.parent.glob(f".{AUTOSAVE_FILE_NAME}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
