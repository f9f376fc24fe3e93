"""Kiosk faults, round two (issue 10): a PIN hash the machine cannot check never crashes the
keypad (case 4), and the wait after wrong PINs survives a restart (case 7)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.machine.staff_pin import hash_pin

PIN = "482916"
ABSURD = (
    "scrypt$n=1048576,r=1,p=1$QUJDREVGR0hJSktMTU5PUA==$"
    "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODk="
)

# The staff member types a PIN on the keyboard and presses Enter, in a real kiosk window with
# the app's safety nets. Before, a check that raised inside the key press killed the process.
KEYBOARD_SCRIPT = """
import sys
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.ui.app import create_application, create_main_window, install_safety_nets
from car_t_guide.ui.widgets import pin_pad
from car_t_guide.ui.widgets.pin_pad import PinPad

app = create_application()
window = create_main_window("en", CenterSettings(staff_pin_hash=sys.argv[1]), kiosk=True)
nets = install_safety_nets(window)
window.showFullScreen()
if sys.argv[2] == "raise":
    def broken(pin, stored):
        raise RuntimeError("the PIN check itself failed")
    import car_t_guide.ui.kiosk as kiosk
    kiosk.verify_pin = broken

def type_pin():
    pad = next(iter(PinPad._open), None)
    if pad is None:
        QTimer.singleShot(20, type_pin)
        return
    for key in "1234":
        QTest.keyClick(pad, key)
    QTest.keyClick(pad, Qt.Key.Key_Return)
    print("message:", pad.message.text(), flush=True)
    QTimer.singleShot(0, lambda: app.exit(0))

QTimer.singleShot(0, window.kiosk_mode.ask_staff_pin)
QTimer.singleShot(0, type_pin)
QTimer.singleShot(60000, lambda: app.exit(3))
sys.exit(app.exec())
"""


@pytest.mark.parametrize("case", ["absurd hash", "raise"])
def test_a_pin_check_that_cannot_be_done_never_crashes_the_keypad(tmp_path, case):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CAR_T_GUIDE_DATA_DIR=str(tmp_path))
    stored = ABSURD if case == "absurd hash" else hash_pin(PIN)
    result = subprocess.run(
        [sys.executable, "-c", KEYBOARD_SCRIPT, stored, case],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    if case == "raise":
        assert "could not be checked" in result.stdout
    else:
        assert "not right" in result.stdout


def make_kiosk(qtbot):
    from car_t_guide.ui.app import create_application, create_main_window

    create_application()
    settings = CenterSettings(staff_pin_hash=hash_pin(PIN))
    window = create_main_window("en", settings, today=date(2013, 5, 1), kiosk=True)
    window.showFullScreen()
    qtbot.waitExposed(window)
    return window


def close_kiosk(window):
    window.kiosk_mode.closing_allowed = True
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def test_five_wrong_pins_then_a_restart_still_make_staff_wait(qtbot):
    first = make_kiosk(qtbot)
    for _ in range(5):
        first.kiosk_mode.lockout.record_wrong()
    assert first.kiosk_mode.lockout.is_locked()
    close_kiosk(first)  # the plug is pulled; the kiosk starts again
    second = make_kiosk(qtbot)
    try:
        assert second.kiosk_mode.lockout.is_locked()
        assert second.kiosk_mode.lockout.wrong_in_a_row == 5
        assert 0 < second.kiosk_mode.lockout.seconds_left() <= 30
    finally:
        close_kiosk(second)


# --- case 5: the kiosk calendar's year 9990 ---


def kiosk_picker(window):
    from car_t_guide.ui.widgets.date_edits import OptionalDateEdit

    window.show_page("journey")
    return window.journey_page.findChild(OptionalDateEdit)


def journey_text(window) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(lab.text() for lab in window.journey_page.findChildren(QLabel))


def test_the_kiosk_calendar_ends_three_years_after_today(qtbot):
    from PySide6.QtCore import QDate

    window = make_kiosk(qtbot)
    try:
        picker = kiosk_picker(window)
        picker.known.setChecked(True)
        picker.picker.setDate(QDate(9990, 6, 1))  # as far as the calendar's year box goes
        assert picker.picker.date().toPython() == date(2016, 5, 1)
        assert window.session.plan.infusion == date(2016, 5, 1)
        assert "2016" in journey_text(window)  # the family's own key dates
        assert window.journey_page.chart is not None
    finally:
        close_kiosk(window)


@pytest.mark.parametrize("kiosk", [True, False])
def test_a_date_far_in_the_future_shows_a_plain_problem_not_a_crash(qtbot, kiosk):
    from car_t_guide.ui.app import create_application, create_main_window

    create_application()
    window = create_main_window(
        "en", CenterSettings(staff_pin_hash=hash_pin(PIN)), today=date(2013, 5, 1), kiosk=kiosk
    )
    window.show()
    try:
        window.session.set_infusion(date(9990, 6, 1))  # what the old calendar let through
        window.show_page("journey")
        text = journey_text(window)
        assert "cannot be right" in text and "more than 3 years after today" in text
        assert window.journey_page.chart is None
    finally:
        if kiosk:
            close_kiosk(window)
        else:
            window.close()


# --- case 16: kiosk traces ---


def test_the_wipe_puts_back_the_usual_text_size_and_the_centers_paper(qtbot):
    window = make_kiosk(qtbot)
    try:
        window.apply_text_size("largest")
        window.show_page("summary")
        usual_paper = window.summary_page.paper
        other = "a4" if usual_paper == "letter" else "letter"
        window.summary_page.set_paper(other)
        window.kiosk_mode.forget_family()
        assert window.text_size == "normal"
        assert window.text_size_buttons["normal"].isChecked()
        window.show_page("summary")
        assert window.summary_page.paper == usual_paper
    finally:
        close_kiosk(window)


def test_an_open_calendar_closes_before_still_there_asks(qtbot):
    from PySide6.QtCore import QPoint, Qt

    window = make_kiosk(qtbot)
    try:
        picker = kiosk_picker(window)
        picker.known.setChecked(True)
        edit = kiosk_picker(window).picker  # the page was rebuilt with the day chosen
        # A touch on the calendar button at the picker's right end opens the pop-up.
        qtbot.mouseClick(
            edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 8, edit.height() // 2)
        )
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
        window.kiosk_mode.idle.idle.emit()  # nobody touched the screen for a while
        assert QApplication.activePopupWidget() is None
        assert window.kiosk_mode.still_there.is_counting()
        window.kiosk_mode.still_there.stop()
    finally:
        close_kiosk(window)


# --- case 11: direction controls in a name ---


def test_a_name_with_an_override_shows_a_problem_and_never_backwards(qtbot):
    from car_t_guide.ui.app import create_application, create_main_window

    create_application()
    window = create_main_window("en", CenterSettings(), today=date(2013, 5, 1))
    qtbot.addWidget(window)
    window.show()
    window.show_page("family")
    form = window.family_page
    form.name_edit.setText("\u202eAna")
    qtbot.waitUntil(lambda: form._problem_labels["patient.display_name"].isVisible())
    assert "backwards" in form._problem_labels["patient.display_name"].text()
    window.show_page("journey")
    assert "Ana's journey" in journey_text(window)
    assert "\u202e" not in journey_text(window)


# --- case 15: a session in German ---


def test_opening_a_file_in_a_language_the_app_lacks_keeps_the_screens_language(qtbot, tmp_path):
    from car_t_guide.core import i18n
    from car_t_guide.ui.app import create_application, create_main_window

    path = tmp_path / "ana.json"
    path.write_text('{"format": "car-t-guide-session", "version": 1, "language": "de",'
                    ' "plan": {"collection": "2013-03-20"}}')
    create_application()
    window = create_main_window("es", CenterSettings(), today=date(2013, 5, 1))
    qtbot.addWidget(window)
    assert window.open_session(path)
    assert i18n.current_language() == "es"
    assert window.next_button.text() == "Siguiente"


# --- case 2: a kiosk closing never deletes a staff window's autosave ---


def test_a_kiosk_closing_leaves_a_staff_windows_autosave_alone(qtbot):
    from car_t_guide.core.machine import autosave
    from car_t_guide.core.session.model import empty_session

    work = empty_session()
    work.set_display_name("Ana")
    path = autosave.write_autosave(work)  # a staff window's unsaved work, on the same machine
    window = make_kiosk(qtbot)
    close_kiosk(window)
    assert path.exists()
