"""``car-t-guide transcript``: exactly what read-aloud says for a page, one paragraph a line.
For content reviewers and translators; needs no display and no speech engine."""

from __future__ import annotations

from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.ui.speech.reading import page_paragraphs


def page_transcript(window, page_id: str) -> list[str]:
    """What read-aloud says for ``page_id`` in ``window`` (the page is shown first)."""
    from PySide6.QtWidgets import QApplication

    window.show_page(page_id)
    page = window.pages[page_id]
    if page_id == "summary":
        page.wait_until_built()
    QApplication.processEvents()
    return [paragraph.text for paragraph in page_paragraphs(page)]


def transcript(
    page_id: str,
    *,
    lang: str,
    settings: CenterSettings | None = None,
    session=None,
    today=None,
    kiosk: bool = False,
) -> list[str]:
    import os

    from car_t_guide.core.machine.settings import with_changes
    from car_t_guide.ui.app import create_application, create_main_window

    app = create_application(offscreen="QT_QPA_PLATFORM" not in os.environ)
    # The words are the page's; no speech engine is started to list them.
    quiet = with_changes(settings or CenterSettings(), read_aloud=False)
    window = create_main_window(lang, quiet, session=session, today=today, kiosk=kiosk)
    window.resize(1280, 800)
    window.show()
    try:
        return page_transcript(window, page_id)
    finally:
        if window.kiosk_mode is not None:
            window.kiosk_mode.stop()
        window.hide()
        window.deleteLater()
        app.processEvents()
