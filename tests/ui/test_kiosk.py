"""Kiosk mode: it cannot be left without the staff PIN, and it forgets the family."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from car_t_guide.core.dates import PartialDate
from car_t_guide.core.machine import private_tmp
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.machine.staff_pin import LockoutPolicy, hash_pin
from car_t_guide.core.session.model import HistoryEvent, empty_session
from car_t_guide.ui.widgets.pin_pad import PinPad

NAME, PHONE, NOTE = "Zoë Quintanilla", "+1 555 010 0199", "matched sibling donor Ximena"
PIN = "482916"
TODAY = date(2013, 5, 1)


@pytest.fixture(scope="module")
def pin_hash():
    return hash_pin(PIN)


@pytest.fixture
def kiosk(qtbot, pin_hash):
    from car_t_guide.ui.app import create_application, create_main_window

    create_application()
    # The idle watcher never fires by itself here (on a busy machine a short timeout fired in
    # the middle of PIN tests): tests about idleness make it go idle with go_idle().
    settings = CenterSettings(
        staff_pin_hash=pin_hash, idle_timeout_seconds=3600, idle_countdown_seconds=0.5
    )
    window = create_main_window("en", settings, today=TODAY, kiosk=True)
    window.showFullScreen()
    qtbot.waitExposed(window)
    yield window
    # Not qtbot.addWidget: pytest-qt would close it before this teardown, and a kiosk refuses.
    window.kiosk_mode.closing_allowed = True
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def go_idle(window) -> None:
    """What the idle watcher does after its timeout without a touch."""
    window.kiosk_mode.idle.idle.emit()


def family_session():
    session = empty_session("es")
    session.set_display_name(NAME)
    session.set_care_team("Hospital Infantil", PHONE)
    session.set_collection(date(2013, 3, 20))
    session.set_infusion(date(2013, 5, 10))
    session.add_history_event(HistoryEvent("diagnosis", PartialDate(2002, 7), note=NOTE))
    return session


def every_text(window) -> str:
    parts = [window.windowTitle(), window.accessibleName()]
    for widget in window.findChildren(QWidget):
        parts += [
            widget.toolTip(),
            widget.accessibleName(),
            widget.accessibleDescription(),
            widget.windowTitle(),
        ]
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            parts.append(widget.text())
    chart = window.journey_page.chart
    if chart is not None and chart.layout_data is not None:
        parts += [label.text for label in chart.layout_data.labels]
    parts.append(QGuiApplication.clipboard().text())
    # Phone numbers are shown with no-break spaces; search them as typed.
    return "\n".join(parts).replace("\u00a0", " ")


def temp_files_text() -> str:
    found = []
    for root in (private_tmp.private_tmp_dir(),):
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                path = os.path.join(dirpath, name)
                found.append(name + open(path, "rb").read().decode("utf-8", "replace"))
    return "\n".join(found)


def touch(kiosk, qtbot):
    """A person's touch (QTest input is spontaneous, like a real one) on a spot that does
    nothing: the "where am I" line."""
    qtbot.mouseClick(kiosk.position_label, Qt.MouseButton.LeftButton)


def test_idle_kiosk_forgets_everything_the_family_entered(kiosk, qtbot):
    kiosk.set_session(family_session())
    touch(kiosk, qtbot)
    kiosk.show_page("journey")
    kiosk.show_page("side-effects")
    kiosk.side_effects_page.show_screen("medicines")
    kiosk.show_page("journey")
    QGuiApplication.clipboard().setText(f"{NAME} {PHONE}")
    (private_tmp.private_tmp_dir() / "preview.txt").write_text(NAME)
    before = every_text(kiosk) + temp_files_text()
    assert NAME in before and PHONE in before  # the check below can fail

    go_idle(kiosk)
    qtbot.waitUntil(lambda: kiosk.kiosk_mode.still_there.is_counting(), timeout=3000)
    qtbot.waitUntil(
        lambda: kiosk.current_page_id() == "welcome"
        and not kiosk.kiosk_mode.still_there.is_counting(),
        timeout=30000,
    )
    for page_id in ("journey", "side-effects", "warning-signs", "check-understanding"):
        kiosk.show_page(page_id)
    kiosk.show_page("welcome")
    after = every_text(kiosk) + temp_files_text()
    for secret in (NAME, PHONE, NOTE, "Hospital Infantil"):
        assert secret not in after
    assert kiosk.session.patient.display_name == ""
    assert kiosk.windowTitle() == "CAR T Family Guide"
    # Undo brings nothing back: the widgets that held the text are gone.
    focus = QApplication.focusWidget() or kiosk
    qtbot.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert NAME not in every_text(kiosk)


def test_right_after_the_wipe_no_page_holds_the_familys_words(kiosk, qtbot):
    """Not even the pages nobody has opened again since: they are made afresh."""
    kiosk.set_session(family_session())
    touch(kiosk, qtbot)
    for page_id in ("journey", "side-effects", "warning-signs", "check-understanding", "summary"):
        kiosk.show_page(page_id)
    kiosk.show_page("journey")
    journey = kiosk.journey_page
    assert NAME in every_text(kiosk)
    kiosk.kiosk_mode.forget_family()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    words = "\n".join(
        widget.text()
        for widget in kiosk.findChildren(QWidget)
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit))
    ).replace("\u00a0", " ")
    for secret in (NAME, PHONE, NOTE, "Hospital Infantil"):
        assert secret not in words
    assert [page.page_id for page in kiosk.pages.made()] == ["welcome"]
    assert kiosk.journey_page is not journey  # made again, for nobody yet


def test_still_here_keeps_the_family(kiosk, qtbot):
    kiosk.set_session(family_session())
    touch(kiosk, qtbot)
    go_idle(kiosk)
    qtbot.waitUntil(lambda: kiosk.kiosk_mode.still_there.is_counting(), timeout=3000)
    kiosk.kiosk_mode.still_there.still_here.emit()
    kiosk.kiosk_mode.still_there.stop()
    assert kiosk.session.patient.display_name == NAME


def test_an_untouched_kiosk_is_never_asked_still_there(kiosk, qtbot):
    idle = kiosk.kiosk_mode.idle
    kiosk.set_idle_timeout(0.3)  # this test is about the watcher's own timer
    assert idle.is_running() and not idle.is_counting()  # just started: nobody is there
    touch(kiosk, qtbot)
    assert idle.is_counting()
    qtbot.waitUntil(lambda: kiosk.kiosk_mode.still_there.is_counting(), timeout=3000)
    qtbot.waitUntil(lambda: not kiosk.kiosk_mode.still_there.is_counting(), timeout=3000)
    # Wiped: the welcome screen waits for the next touch, with nothing over it.
    assert kiosk.current_page_id() == "welcome"
    assert not idle.is_counting() and kiosk.kiosk_mode.still_there.isHidden()
    with qtbot.assertNotEmitted(idle.idle, wait=round(2.5 * idle.timeout_seconds * 1000)):
        pass
    assert kiosk.kiosk_mode.still_there.isHidden()
    touch(kiosk, qtbot)
    assert idle.is_counting()  # the next family is timed from their first touch


def test_start_over_leaves_an_untimed_welcome_screen(kiosk, qtbot):
    touch(kiosk, qtbot)
    qtbot.mouseClick(kiosk.start_over_button, Qt.MouseButton.LeftButton)
    assert kiosk.current_page_id() == "welcome"
    assert not kiosk.kiosk_mode.idle.is_counting()


def test_start_over_forgets_at_once_and_returns_to_the_kiosk_language(kiosk, qtbot):
    kiosk.set_session(family_session())
    kiosk.set_language("es")
    kiosk.show_page("journey")
    kiosk.start_over_button.click()
    assert kiosk.current_page_id() == "welcome"
    assert kiosk.session.patient.display_name == ""
    assert kiosk.next_button.text() == "Next"


def test_kiosk_window_refuses_close_and_escape(kiosk, qtbot):
    event = QCloseEvent()
    QApplication.sendEvent(kiosk, event)
    assert not event.isAccepted()
    kiosk.close()
    assert kiosk.isVisible()
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.isVisible()
    assert kiosk.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert kiosk.isFullScreen()
    assert not kiosk.start_over_button.isHidden()


def enter_pin_when_pad_opens(digits_list, results):
    """Type each PIN into the pad as soon as it is open (the pad is modal)."""

    def type_next():
        pads = list(PinPad._open)
        if not pads:
            QTimer.singleShot(20, type_next)
            return
        pad = pads[0]
        digits = digits_list.pop(0)
        for digit in digits:
            pad.press_digit(digit)
        pad.submit()
        results.append(pad.result())
        if digits_list:
            QTimer.singleShot(20, type_next)
        elif pad.isVisible():
            pad.reject()

    QTimer.singleShot(20, type_next)


def test_only_the_right_pin_leaves_kiosk_mode(kiosk, qtbot, monkeypatch):
    # Typing here is not a person's touch: keep the short idle reset from closing the pad
    # (and on a slow machine the 0.3 s may already have run out: stop a countdown too).
    kiosk.kiosk_mode.idle.stop()
    kiosk.kiosk_mode.still_there.stop()
    left = []
    monkeypatch.setattr(kiosk.kiosk_mode, "leave_kiosk", lambda: left.append(True))
    enter_pin_when_pad_opens(["000000", "123456"], [])
    kiosk.kiosk_mode.ask_staff_pin()
    assert left == []
    enter_pin_when_pad_opens([PIN], [])
    kiosk.kiosk_mode.staff_action.trigger()  # the keyboard shortcut's action
    assert left == [True]


def test_five_wrong_pins_lock_the_pad_for_a_growing_wait(kiosk, qtbot, monkeypatch):
    # Typing here is not a person's touch: keep the short idle reset from closing the pad
    # (and on a slow machine the 0.3 s may already have run out: stop a countdown too).
    kiosk.kiosk_mode.idle.stop()
    kiosk.kiosk_mode.still_there.stop()
    now = [1000.0]
    kiosk.kiosk_mode.lockout = LockoutPolicy(clock=lambda: now[0])
    left = []
    monkeypatch.setattr(kiosk.kiosk_mode, "leave_kiosk", lambda: left.append(True))
    enter_pin_when_pad_opens(["111111"] * 5 + [PIN], [])
    kiosk.kiosk_mode.ask_staff_pin()
    assert kiosk.kiosk_mode.lockout.is_locked()
    assert left == []  # the right PIN during the wait does nothing
    first_wait = kiosk.kiosk_mode.lockout.seconds_left()
    now[0] += first_wait + 1
    enter_pin_when_pad_opens(["111111"], [])
    kiosk.kiosk_mode.ask_staff_pin()
    assert kiosk.kiosk_mode.lockout.seconds_left() > first_wait  # the wait grows
    now[0] += kiosk.kiosk_mode.lockout.seconds_left() + 1
    enter_pin_when_pad_opens([PIN], [])
    kiosk.kiosk_mode.ask_staff_pin()
    assert left == [True]


def test_kiosk_has_no_way_to_files(kiosk):
    kiosk.show_page("journey")
    texts = [b.text() for b in kiosk.findChildren(QAbstractButton) if b.isVisibleTo(kiosk)]
    assert not any("details" in t or "Open" in t or "Save" in t for t in texts)
    kiosk.open_session_dialog()  # the shortcut's slot does nothing in a kiosk
    assert not kiosk.document.save_as()


@pytest.mark.qt_no_exception_capture
def test_error_in_a_slot_shows_calm_screen_logs_nothing_personal_and_autosave_comes_back(
    qtbot, monkeypatch
):
    from car_t_guide.core.machine import autosave, logs
    from car_t_guide.ui import file_dialogs
    from car_t_guide.ui.app import create_main_window, install_safety_nets

    log_path = logs.setup_logging()
    window = create_main_window("en", CenterSettings(), today=TODAY, session=family_session())
    qtbot.addWidget(window)
    window.show()
    window.session.set_display_name(NAME)  # unsaved work
    crash, stop = install_safety_nets(window)
    try:

        def broken_slot():
            raise RuntimeError(f"could not draw {NAME} {PHONE} {NOTE}")

        window.next_button.clicked.connect(broken_slot)
        window.next_button.click()
        qtbot.waitUntil(
            lambda: (
                getattr(window, "something_wrong_page", None) is not None
                and window.something_wrong_page.isVisible()
            )
        )
        assert autosave.pending_autosave() is not None
        for handler in logs.logging.getLogger(logs.LOGGER_NAME).handlers:
            handler.flush()
        text = log_path.read_text(encoding="utf-8")
        assert "RuntimeError" in text
        for secret in (NAME, PHONE, NOTE):
            assert secret not in text
    finally:
        crash.uninstall()
        stop.uninstall() if hasattr(stop, "uninstall") else None
        logs.shutdown_logging()

    # The next start offers the work back.
    monkeypatch.setattr(file_dialogs.Dialogs, "restore_autosave", lambda parent: True)
    again = create_main_window("en", CenterSettings(), today=TODAY)
    qtbot.addWidget(again)
    assert again.offer_autosave()
    assert again.session.patient.display_name == NAME
    assert again.document.dirty
    monkeypatch.setattr(file_dialogs.Dialogs, "save_session_path", lambda *a: None)


def test_autosave_that_cannot_be_loaded_is_reported_once_and_not_offered_again(
    qtbot, monkeypatch
):
    from car_t_guide.core.machine import autosave
    from car_t_guide.core.session.model import empty_session
    from car_t_guide.ui import file_dialogs
    from car_t_guide.ui.app import create_main_window

    early = empty_session()
    early.set_display_name(NAME)  # no collection date yet: not a loadable session
    autosave.write_autosave(early)
    shown = []
    monkeypatch.setattr(file_dialogs.Dialogs, "restore_autosave", lambda parent: True)
    monkeypatch.setattr(file_dialogs.Dialogs, "problem", lambda p, title, text: shown.append(title))
    window = create_main_window("en", CenterSettings(), today=TODAY)
    qtbot.addWidget(window)
    assert not window.offer_autosave()
    assert shown == ["The unsaved work could not be brought back"]
    assert autosave.pending_autosave() is None
    assert not window.offer_autosave()
    assert len(shown) == 1


def test_still_there_is_spoken_and_the_wipe_stops_read_aloud(kiosk, qtbot, monkeypatch):
    read_aloud = kiosk.kiosk_mode.window.read_aloud
    qtbot.waitUntil(read_aloud.is_available, timeout=10_000)
    said = []
    real_say = read_aloud.service.say
    monkeypatch.setattr(
        read_aloud.service, "say", lambda text, *a, **k: (said.append(text), real_say(text, *a))[1]
    )
    kiosk.kiosk_mode.idle.stop()  # no wipe while the page is read
    read_aloud.read_button.click()
    assert read_aloud.reader.state == "reading"
    kiosk.kiosk_mode.forget_family()  # "Start over", or the countdown's end
    assert read_aloud.reader.state == "idle" and read_aloud.reader.highlighted() is None

    kiosk.kiosk_mode.idle.start()
    touch(kiosk, qtbot)
    said.clear()
    go_idle(kiosk)
    qtbot.waitUntil(lambda: kiosk.kiosk_mode.still_there.is_counting(), timeout=3000)
    assert said and said[0].startswith("Are you still there? Everything you entered will be")
