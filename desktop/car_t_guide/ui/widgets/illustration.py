"""An original SVG illustration, drawn at a fixed aspect ratio."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtSvgWidgets import QSvgWidget

from car_t_guide.core.machine.paths import resource


class Illustration(QSvgWidget):
    def __init__(self, file_name: str, description: str = "", width: int = 400):
        super().__init__(str(resource("illustrations", file_name)))
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.setFixedSize(QSize(width, width * 3 // 4))
        self.setAccessibleName(description)
