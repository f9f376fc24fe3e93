"""Keys a nurse and a family use: Return and Enter press the focused button, and the staff
shortcuts (save, open, print) do what they say."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from car_t_guide.core.session.examples import load_example
from car_t_guide.ui import file_dialogs

LATER = date(2019, 1, 1)


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def active(make_window, qtbot, lang="en"):
    window = make_window(lang)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_return_presses_the_focused_button(make_window, qtbot):
    window = active(make_window, qtbot)
    start = next(
        b for b in window.pages["welcome"].findChildren(QPushButton) if b.objectName() == "primary"
    )
    focus(qtbot, start)
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert window.current_page_id() == "steps:1"


def test_the_keypad_enter_presses_the_focused_button_too(make_window, qtbot):
    window = active(make_window, qtbot)
    window.show_page("steps:2")
    focus(qtbot, window.back_button)
    qtbot.keyClick(window.back_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert window.current_page_id() == "steps:1"


def test_return_on_a_section_button_opens_that_section(make_window, qtbot):
    window = active(make_window, qtbot)
    button = window.section_buttons["warning-signs"]
    focus(qtbot, button)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert window.current_page_id() == "warning-signs"


def test_return_does_nothing_on_a_disabled_button(make_window, qtbot):
    window = active(make_window, qtbot)
    assert not window.back_button.isEnabled()
    qtbot.keyClick(window.back_button, Qt.Key.Key_Return)
    assert window.current_page_id() == "welcome"


# --- staff shortcuts, the saved message, the unsaved mark, the file dialogs -------------------

REAL_SAVE_SESSION_PATH = file_dialogs.Dialogs.save_session_path  # before the tests' stand-in
REAL_OPEN_SESSION_PATH = file_dialogs.Dialogs.open_session_path


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.ControlModifier):
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def staff(make_window, qtbot, example=1):
    window = active(make_window, qtbot)
    window._fixed_today = LATER
    window.set_session(load_example(example, today=LATER))
    return window


def test_ctrl_s_saves_and_says_so_until_the_next_change(make_window, qtbot, tmp_path, monkeypatch):
    window = staff(make_window, qtbot)
    path = tmp_path / "ana.json"
    asked = []
    monkeypatch.setattr(
        file_dialogs.Dialogs, "save_session_path", lambda parent, name: asked.append(name) or path
    )
    window.session.set_display_name("Ana")
    assert window.windowTitle().startswith("Not saved yet *")
    press(qtbot, window, Qt.Key.Key_S)
    assert asked == ["Ana.json"] and path.exists()
    assert window.saved_label.isVisible() and "ana.json" in window.saved_label.text()
    assert window.windowTitle().startswith("ana.json —")
    window.session.set_display_name("Ana María")
    assert not window.saved_label.isVisible()
    assert window.windowTitle().startswith("ana.json * —")
    press(qtbot, window, Qt.Key.Key_S)  # the same file again, without asking
    assert len(asked) == 1 and "Ana María" in path.read_text()
    assert window.saved_label.isVisible()


def test_ctrl_shift_s_asks_where_and_ctrl_o_opens(make_window, qtbot, tmp_path, monkeypatch):
    window = staff(make_window, qtbot)
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    window.document.set_path(first)
    monkeypatch.setattr(file_dialogs.Dialogs, "save_session_path", lambda parent, name: second)
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    assert second.exists() and not first.exists()
    window.set_session(load_example(3, today=LATER))
    monkeypatch.setattr(file_dialogs.Dialogs, "open_session_path", lambda parent: second)
    press(qtbot, window, Qt.Key.Key_O)
    assert window.document.path == second
    assert window.session.patient.display_name == load_example(1, today=LATER).patient.display_name


def test_ctrl_p_prints_the_summary_once_it_is_ready(make_window, qtbot, monkeypatch):
    window = staff(make_window, qtbot)
    asked = []
    monkeypatch.setattr(
        file_dialogs.Dialogs, "print_setup", lambda parent, printer: asked.append(1) or False
    )
    press(qtbot, window, Qt.Key.Key_P)
    assert window.current_page_id() == "summary"
    qtbot.waitUntil(lambda: asked == [1], timeout=30_000)


def test_a_kiosk_has_no_file_or_print_shortcuts(qtbot, monkeypatch):
    from car_t_guide.ui.app import create_application, create_main_window

    create_application()
    window = create_main_window("en", kiosk=True)
    qtbot.addWidget(window)
    window.show()
    asked = []
    for name in ("save_session_path", "open_session_path", "print_setup"):
        monkeypatch.setattr(file_dialogs.Dialogs, name, lambda *a: asked.append(a))
    window.session.set_display_name("Ana")
    for key in (Qt.Key.Key_S, Qt.Key.Key_O, Qt.Key.Key_P):
        press(qtbot, window, key)
    assert asked == [] and window.current_page_id() == "welcome"
    assert "Ana" not in window.windowTitle() and "*" not in window.windowTitle()
    window.kiosk_mode.stop()


def test_file_dialogs_start_in_the_documents_folder(monkeypatch, tmp_path, qapp):
    monkeypatch.setenv("CAR_T_GUIDE_DOCUMENTS_DIR", str(tmp_path))
    seen = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda parent, title, start, kinds: seen.append(start)
        or ("", "")
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda parent, title, start, kinds: seen.append(start)
        or ("", "")
    )
    REAL_SAVE_SESSION_PATH(None, "Ana.json")
    REAL_OPEN_SESSION_PATH(None)
    REAL_SAVE_SESSION_PATH(None, str(tmp_path / "kept" / "Ana.json"))
    assert seen == [str(tmp_path / "Ana.json"), str(tmp_path), str(tmp_path / "kept" / "Ana.json")]


def test_qts_own_dialogs_speak_spanish(make_window):
    make_window("es")
    dialog = QFileDialog(None, "x", "", "x (*.json)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    try:
        texts = [w.text() for w in dialog.findChildren(QLabel)]
        texts += [w.text() for w in dialog.findChildren(QPushButton)]
        assert "&Ver en:" in texts and "Ficheros de &tipo:" in texts
        english = {"Look in:", "Files of type:", "File name:", "Open", "Cancel"}
        assert not [t for t in texts if t.replace("&", "") in english], texts
    finally:
        dialog.deleteLater()


def test_ctrl_n_starts_a_new_family_ready_to_type_its_name(make_window, qtbot):
    window = staff(make_window, qtbot)
    press(qtbot, window, Qt.Key.Key_N)
    assert window.current_page_id() == "family"
    assert window.session.patient.display_name == ""
    assert QApplication.focusWidget() is window.family_page.name_edit
