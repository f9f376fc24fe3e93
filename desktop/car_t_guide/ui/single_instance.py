"""A second staff start brings the first window forward instead of opening another.

The first staff window listens on a local socket (a Unix socket or a Windows named pipe, this
user's only). A second start finds the instance lock held (core/machine/instance_lock.py),
connects, and sends one line of JSON: ``{"open": "ana.json"}``, ``{"example": 2}`` or ``{}``.
The first window comes to the front and, if a file or example was named, opens it after asking
about unsaved work, as its own Open does. The message holds a file path only, never its
contents.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from car_t_guide.core.machine.paths import data_dir

CONNECT_TIMEOUT_MS = 5000
_MAX_MESSAGE_BYTES = 64 * 1024


def server_name() -> str:
    """Per user and per data folder (each test, each CAR_T_GUIDE_DATA_DIR, its own)."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    folder = os.fsencode(str(data_dir().resolve()))
    return f"car-t-guide-staff-{user}-{hashlib.sha256(folder).hexdigest()[:16]}"


class FirstInstance(QObject):
    """Listens for later starts; ``requested(message)`` for each (a dict, see above)."""

    requested = Signal(dict)

    def __init__(self, parent: QObject | None = None, *, name: str | None = None):
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # The instance lock is ours: a socket left by a crashed first window is stale.
        QLocalServer.removeServer(self.name)
        self.listening = self.server.listen(self.name)
        self.server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > _MAX_MESSAGE_BYTES:
                socket.abort()
            return
        line = bytes(socket.readLine(_MAX_MESSAGE_BYTES).data())
        try:
            message = json.loads(line)
        except (ValueError, RecursionError):
            message = None
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        self.requested.emit(_checked(message))

    def close(self) -> None:
        self.server.close()


def _checked(message) -> dict:
    """Only the two known requests, with values of the right type; anything else: come forward."""
    if not isinstance(message, dict):
        return {}
    if isinstance(message.get("open"), str) and message["open"]:
        return {"open": message["open"]}
    example = message.get("example")
    if isinstance(example, int) and not isinstance(example, bool):
        return {"example": example}
    return {}


def ask_first_instance(
    *, open_path: Path | None = None, example: int | None = None, name: str | None = None
) -> bool:
    """Hand this start's request to the running first window; True when it answered."""
    message: dict = {}
    if open_path is not None:
        message["open"] = str(Path(open_path).resolve())
    elif example is not None:
        message["example"] = example
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(json.dumps(message).encode("utf-8") + b"\n")
    socket.flush()
    # (waitForBytesWritten is false when flush already wrote it all: ask only if some is left)
    if socket.bytesToWrite() and not socket.waitForBytesWritten(CONNECT_TIMEOUT_MS):
        return False
    answered = socket.waitForReadyRead(CONNECT_TIMEOUT_MS) and socket.readLine().startsWith(b"ok")
    socket.disconnectFromServer()
    return bool(answered)
