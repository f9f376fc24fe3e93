"""The About box: versions and licence notices, for staff (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from car_t_guide import CONTENT_VERSION, __version__
from car_t_guide.core.machine.paths import resource
from car_t_guide.ui import about


def open_about(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(about.AboutDialog, "exec", lambda self: shown.append(self) or self.show())
    qtbot.mouseClick(window.about_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    qtbot.addWidget(shown[0])
    return shown[0]


def test_staff_open_about_and_see_versions_and_notices(make_window, qtbot, monkeypatch):
    window = make_window("en")
    assert window.about_button.isVisible()
    assert window.about_button.text() == "About"
    dialog = open_about(window, qtbot, monkeypatch)
    assert __version__ in dialog.versions.text() and CONTENT_VERSION in dialog.versions.text()
    notices = dialog.notices.toPlainText()
    for needed in ("LGPL", "Where to get the source", "pyqtgraph", "ReportLab", "Babel",
                   "Noto Sans", "MIT License"):
        assert needed in notices
    dialog.close()


def test_the_about_button_follows_the_language(make_window):
    window = make_window("en")
    window.set_language("es")
    assert window.about_button.text() == "Acerca de"


def test_a_kiosk_has_no_about_button(qtbot):
    from car_t_guide.ui.app import create_application, create_main_window

    create_application()
    window = create_main_window("en", kiosk=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.about_button.isVisible()
    window._closing_allowed = True
    window.close()


def test_the_notices_name_every_runtime_dependency():
    """A new dependency needs its licence in the notices before it ships."""
    import tomllib

    from tests.conftest import REPO_ROOT

    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    text = resource("notices", "THIRD-PARTY-NOTICES.md").read_text(encoding="utf-8").lower()
    for requirement in project["project"]["dependencies"]:
        name = requirement.split("~")[0].split(">")[0].split("=")[0].strip().lower()
        assert name.split("-")[0] in text, name
    licence = (REPO_ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.strip() in resource("notices", "THIRD-PARTY-NOTICES.md").read_text("utf-8")
