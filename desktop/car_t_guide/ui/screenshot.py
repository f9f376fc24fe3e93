"""``car-t-guide screenshot``: draw one page to a PNG, with no display needed."""

from __future__ import annotations

from pathlib import Path

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
    if not image.save(str(out), "PNG"):
        raise OSError(f"could not write {out}")
    window.close()
    window.deleteLater()
    app.processEvents()
