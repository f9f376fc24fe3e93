"""Read a small file someone named, without hanging or running out of memory.

Session and settings files come from people and scripts: a name can point at a FIFO (a read
that never returns), a device such as /dev/zero (a read that never ends) or a folder. Only a
regular file of at most ``limit`` bytes is read.
"""

from __future__ import annotations

import os
import stat


class NotASmallFile(OSError):
    """The path is not a regular file, or is larger than the limit; ``reason`` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "not_regular" or "too_large"


def read_small_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The file's bytes; raises ``NotASmallFile`` or ``OSError`` (missing, no permission...)."""
    # O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotASmallFile("not_regular")
        if info.st_size > limit:
            raise NotASmallFile("too_large")
        chunks, total = [], 0
        while total <= limit:  # the file may grow while we read: never more than limit + 1
            chunk = os.read(fd, limit + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise NotASmallFile("too_large")
        return b"".join(chunks)
    finally:
        os.close(fd)
