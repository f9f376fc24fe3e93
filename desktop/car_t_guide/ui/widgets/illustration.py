"""An original SVG illustration, drawn at a fixed aspect ratio.

The SVG is drawn once into a picture of the widget's size (per file, size and screen density)
and the label shows that picture: paging back and forth, or a new language, shows it again
without drawing the vector file again (a step page's switch spent about a third of its frame
there).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QLabel

from car_t_guide.core.machine.paths import resource


@cache
def _picture(file_name: str, width: int, height: int, density: float) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(resource("illustrations", file_name)))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    pixmap = QPixmap(QSize(round(width * density), round(height * density)))
    pixmap.setDevicePixelRatio(density)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return pixmap


class Illustration(QLabel):
    def __init__(self, file_name: str, description: str = "", width: int = 400):
        super().__init__()
        height = width * 3 // 4
        self.setFixedSize(QSize(width, height))
        # Sharp on the densest screen attached (a kiosk has one).
        density = max((s.devicePixelRatio() for s in QGuiApplication.screens()), default=1.0)
        self.setPixmap(_picture(file_name, width, height, density))
        self.setAccessibleName(description)
