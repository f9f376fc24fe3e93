"""Write a file all at once or not at all.

A temporary file in the same folder (so the rename cannot cross file systems), flushed to disk,
then renamed over the old one: a crash or a full disk leaves the old file, never half a new one.

The temporary is named ``.<name>.<pid>.<random>.tmp``, cut so the whole name fits the file
system's 255-byte limit (a legal 250-character target name must work). A process killed in the
middle of a write (SIGKILL, a power cut) cannot remove its temporary; the next write into the
same folder removes such leftovers of ours: only files of this pattern, owned by this user,
older than ``STALE_AFTER_SECONDS`` and whose writer is no longer running.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

OWNER_ONLY = 0o600
NAME_MAX_BYTES = 255
# A write takes seconds; a temporary this old whose writer is gone is a leftover.
STALE_AFTER_SECONDS = 10 * 60
_NEW_TAIL = re.compile(r"\.(?P<pid>[0-9]{1,10})\.[0-9a-f]{8}\.tmp\Z")
# Before this naming, tempfile.mkstemp's: .<name>.<8 random characters>.tmp
_OLD_TAIL = re.compile(r"\.[A-Za-z0-9_]{8}\.tmp\Z")


def _short_name(name: str, tail_bytes: int) -> str:
    """The target's name, cut (at a character) so '.' + name + tail fits in NAME_MAX_BYTES."""
    room = NAME_MAX_BYTES - 1 - tail_bytes
    short = name
    while len(os.fsencode(short)) > room:
        short = short[:-1]
    return short


def _temporary_tail(pid: int) -> str:
    return f".{pid}.{os.urandom(4).hex()}.tmp"


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: alive, or at least not ours to judge
    return True


def _our_temporary(name: str, target_name: str) -> re.Match[str] | None:
    """The match of our tail if ``name`` is a temporary of ours for ``target_name``."""
    for tail in (_NEW_TAIL, _OLD_TAIL):
        found = tail.search(name)
        if found is None or not name.startswith("."):
            continue
        written = name[1 : found.start()]
        if written == target_name:
            return found
        # A cut name (a long target) filled the 255 bytes, give or take a split character.
        cut = len(os.fsencode(name)) >= NAME_MAX_BYTES - 3
        if tail is _NEW_TAIL and cut and written and target_name.startswith(written):
            return found
    return None


def remove_stale_temporaries(target: str | os.PathLike[str]) -> int:
    """Remove leftover temporaries of earlier, interrupted writes to ``target``; returns how
    many. Never raises: a folder that cannot be listed has nothing we can clean."""
    target = Path(target)
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return 0
    for entry in entries:
        found = _our_temporary(entry.name, target.name)
        if found is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not entry.is_file(follow_symlinks=False):
                continue
        except OSError:
            continue
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            continue
        if now - info.st_mtime < STALE_AFTER_SECONDS:
            continue
        pid = int(found["pid"]) if found.groupdict().get("pid") else None
        if pid is not None and pid != os.getpid() and _is_running(pid):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed += 1
    return removed


def _create_temporary(target: Path, mode: int) -> tuple[int, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        tail = _temporary_tail(os.getpid())
        temporary = str(target.parent / ("." + _short_name(target.name, len(tail)) + tail))
        try:
            return os.open(temporary, flags, mode), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {target.name}")


def write_atomic(path: str | os.PathLike[str], data: bytes, *, mode: int = OWNER_ONLY) -> None:
    target = Path(path)
    remove_stale_temporaries(target)
    fd, temporary = _create_temporary(target, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            # Set the mode before any byte is written (the umask may have narrowed it), so
            # personal data is never readable by others.
            os.chmod(temporary, mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        # Clean up (on an error, Ctrl+C, or a stop signal turned into an exception by the
        # caller), then let it go on to the caller: this is not error handling.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows (POSIX); elsewhere skip."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on folders; the data itself is already synced
    finally:
        os.close(fd)
