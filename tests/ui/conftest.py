from __future__ import annotations

import pytest

from car_t_guide.core import i18n


@pytest.fixture
def make_window(qtbot, qapp):
    """Build real main windows (in a language), and close every one at the end of the test."""
    from car_t_guide.ui.app import create_application, create_main_window

    create_application()
    made = []

    def make(lang: str = "en", settings=None, size=(1280, 800)):
        window = create_main_window(lang, settings)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
    i18n.set_language("en")
