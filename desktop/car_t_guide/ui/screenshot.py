"""``car-t-guide screenshot``: draw one page to a PNG, with no display needed."""

from __future__ import annotations

import sys
from pathlib import Path

from car_t_guide.core.machine.atomic import write_atomic
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.ui.app import create_application, create_main_window


def take_screenshot(
    page_id: str,
    out: Path,
    *,
    lang: str,
    size: tuple[int, int] = (1280, 800),
    text_size: str = "normal",
    settings: CenterSettings | None = None,
    session=None,
    today=None,
) -> None:
    import os

    _quiet_offscreen_notes()
    # Offscreen unless the caller chose a platform: the same picture with or without a display.
    from car_t_guide.core.machine.settings import with_changes

    app = create_application(offscreen="QT_QPA_PLATFORM" not in os.environ)
    # A picture needs no speech engine (read-aloud's buttons show only once one has started).
    settings = with_changes(settings or CenterSettings(), read_aloud=False)
    window = create_main_window(lang, settings, session=session, today=today)
    window.apply_text_size(text_size)
    window.resize(*size)
    window.show_page(page_id)
    window.show()
    if page_id == "summary":
        window.pages["summary"].wait_until_built()
    for _ in range(3):  # let layouts settle (word-wrapped labels take a second pass)
        app.processEvents()
    image = window.grab()
    window.close()
    window.deleteLater()
    app.processEvents()
    # All at once or not at all, like every file the app writes; owner-only, since the picture
    # may show a family's name and dates.
    write_atomic(out, _png_bytes(image))


# Qt's offscreen platform says this for every window it shows; it is not about the picture,
# and on stderr it would stand before the one ``error:`` line scripts read.
_OFFSCREEN_NOTES = ("This plugin does not support propagateSizeHints()",)


def _quiet_offscreen_notes() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    def handler(kind, context, message: str) -> None:
        if message not in _OFFSCREEN_NOTES:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def _png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("the picture could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())
