"""A private folder for this run's temporary files (PDF previews, print jobs, images).

Created on first use under the system temporary folder, readable by this user only (0700),
named ``car-t-guide-<pid>-<random>``. ``wipe()`` empties it when a kiosk forgets a family; it is
removed when the app exits (atexit, which also runs after a clean stop on SIGTERM, SIGINT or
SIGHUP). A run that could not tidy up (SIGKILL, a native crash, a power cut) leaves its folder;
``remove_stale_folders()`` at the next start removes those whose process is gone.

``use_as_default_temp()`` makes it the default for Python's tempfile and, through TMPDIR, for
Qt (QTemporaryFile, QDir.tempPath()) and any program the app starts, so temporary files that
libraries make on their own land here too and are wiped with it.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import stat
import tempfile
import threading
import time
from pathlib import Path

PREFIX = "car-t-guide-"
_OURS = re.compile(re.escape(PREFIX) + r"(?P<pid>[0-9]{1,10})-[A-Za-z0-9_]{8}")
# Before the process id was in the name: tempfile.mkdtemp's 8 characters alone.
_OLD_OURS = re.compile(re.escape(PREFIX) + r"[A-Za-z0-9_]{8}")
# An empty folder of the old naming this old is no running app's.
_OLD_EMPTY_AFTER_SECONDS = 24 * 3600

_lock = threading.Lock()
_folder: Path | None = None
# What use_as_default_temp replaced: (the system temp folder, tempfile.tempdir, TMPDIR).
_previous_default: tuple[str, str | None, str | None] | None = None


def private_tmp_dir() -> Path:
    """This run's private folder (made on first call). Ask again after ``remove()``."""
    global _folder
    with _lock:
        if _folder is None or not _folder.is_dir():
            # mkdtemp makes the folder 0700 with a name nobody can guess in advance.
            _folder = Path(
                tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=_system_temp())
            )
        return _folder


def _system_temp() -> str:
    # The system's folder, not our own (after use_as_default_temp, tempfile points here).
    return _previous_default[0] if _previous_default is not None else tempfile.gettempdir()


def wipe() -> Path:
    """Empty the folder, keeping it (TMPDIR may point at it); returns it."""
    folder = private_tmp_dir()
    with _lock:
        for entry in folder.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                try:
                    entry.unlink()
                except FileNotFoundError:
                    pass
        os.chmod(folder, stat.S_IRWXU)
    return folder


def remove() -> None:
    """Delete the folder and everything in it (at exit)."""
    global _folder
    with _lock:
        if _folder is not None:
            shutil.rmtree(_folder, ignore_errors=True)
            _folder = None
    restore_default_temp()


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process, or no way to tell: leave its folder alone
    return True


def remove_stale_folders(parent: str | os.PathLike[str] | None = None) -> int:
    """Remove private folders left by runs that ended without tidying up: ours by name, owned
    by this user, and whose process is gone (or, for the old naming, empty and a day old).
    Returns how many; never raises."""
    folder = Path(parent) if parent is not None else Path(_system_temp())
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        ours = _OURS.fullmatch(entry.name)
        old = _OLD_OURS.fullmatch(entry.name)
        if not (ours or old) or (_folder is not None and Path(entry.path) == _folder):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not entry.is_dir(follow_symlinks=False):
                continue
        except OSError:
            continue
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            continue
        if ours:
            pid = int(ours["pid"])
            if pid == os.getpid() or _is_running(pid):
                continue
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            if time.time() - info.st_mtime < _OLD_EMPTY_AFTER_SECONDS:
                continue
            try:
                os.rmdir(entry.path)  # only if empty
            except OSError:
                continue
        removed += not os.path.exists(entry.path)
    return removed


def use_as_default_temp() -> Path:
    """Point tempfile and TMPDIR at the private folder (call once at start-up, in kiosk mode at
    least, before Qt makes any temporary file)."""
    global _previous_default
    folder = private_tmp_dir()
    if _previous_default is None:
        _previous_default = (tempfile.gettempdir(), tempfile.tempdir, os.environ.get("TMPDIR"))
    tempfile.tempdir = str(folder)
    os.environ["TMPDIR"] = str(folder)
    return folder


def restore_default_temp() -> None:
    global _previous_default
    if _previous_default is None:
        return
    _system, tempfile.tempdir, tmpdir = _previous_default
    _previous_default = None
    if tmpdir is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = tmpdir


atexit.register(remove)
