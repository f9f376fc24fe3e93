"""Load the bundled fonts, so every screen looks the same on every kiosk (and Chinese names
show even where the system has no CJK font)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from car_t_guide.core.machine.paths import resource
from car_t_guide.ui.theme import FONT_FAMILIES

log = logging.getLogger(__name__)

_loaded = False


def load_bundled_fonts() -> None:
    global _loaded
    if _loaded:
        return
    for path in sorted(resource("fonts").glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("could not load font %s", path.name)
    _loaded = True


def app_font(pixel_size: int) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(pixel_size)
    return font
