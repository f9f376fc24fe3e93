"""Render the app's SVG icon as the PNG sizes of the hicolor icon theme (for the Debian
package; run with a Python that has PySide6, e.g. build/venv/bin/python).

    python packaging/linux/render_icons.py OUT_FOLDER   ->  OUT_FOLDER/<n>x<n>/apps/<id>.png
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

APP_ID = "org.cartfamilyguide.CarTGuide"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    out = Path(sys.argv[1])
    app = QGuiApplication([])  # noqa: F841 (Qt needs one for painting)
    renderer = QSvgRenderer(str(Path(__file__).with_name(f"{APP_ID}.svg")))
    if not renderer.isValid():
        sys.exit("error: the icon SVG cannot be read")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        folder = out / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not image.save(str(folder / f"{APP_ID}.png")):
            sys.exit(f"error: cannot write the {size} px icon")
    return 0


if __name__ == "__main__":
    sys.exit(main())
