"""Start the Qt side: the application object, fonts, language, the main window."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from car_t_guide import __version__
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.model import Session
from car_t_guide.ui.fonts import app_font, load_bundled_fonts
from car_t_guide.ui.gc_guard import collect_only_in_gui_thread
from car_t_guide.ui.i18n import apply_language


def needs_offscreen() -> bool:
    """True on a machine with no display (CI, a headless box): draw offscreen instead."""
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def create_application(
    argv: list[str] | None = None, *, offscreen: bool = False, watch_input: bool = True
) -> QApplication:
    """The application, its fonts and its accessibility; ``watch_input=False`` leaves the input
    watchers for ``watch_input_once_painted`` (the app's own start)."""
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("CAR T Family Guide")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("CAR T Family Guide")
    app.setDesktopFileName("org.cartfamilyguide.CarTGuide")  # the .desktop file's id
    load_bundled_fonts()
    app.setFont(app_font(20))
    collect_only_in_gui_thread()
    from car_t_guide.ui import accessibility, focus

    focus.install(app)  # whatever gets focus is scrolled into view
    accessibility.install()  # tabs, radio buttons, headings, lists and alerts announced as such
    if watch_input:
        install_input_watchers(app)
    return app


def install_input_watchers(app: QApplication) -> None:
    from car_t_guide.ui import input_guard
    from car_t_guide.ui.widgets import focus_ring

    input_guard.install(app)  # the wheel never changes an unfocused field; Return presses
    focus_ring.install(app)  # the focused control shows a ring that meets WCAG 2.2


# If the window is never exposed (started minimised), the watchers come after this long anyway.
WATCH_INPUT_AT_THE_LATEST_MS = 1000


def watch_input_once_painted(app: QApplication, window) -> None:
    """Install the input watchers just after the window's first frame.

    They are Python event filters on the whole application: the first events they see make
    PySide6 build the Python side of every kind of Qt widget shown (some 180 enum types, about
    30 ms). Nobody can touch a screen that is not drawn yet, so the welcome screen does not wait
    for them; they are there before the first touch can arrive.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstFrame(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Expose:
                watched.removeEventFilter(self)
                # After the expose is handled, which paints the window.
                QTimer.singleShot(0, lambda: install_input_watchers(app))
            return False

    handle = window.windowHandle()
    if handle is not None:
        handle.installEventFilter(FirstFrame(window))  # the window owns it
    QTimer.singleShot(WATCH_INPUT_AT_THE_LATEST_MS, lambda: install_input_watchers(app))


def create_main_window(
    lang: str,
    settings: CenterSettings | None = None,
    *,
    session: Session | None = None,
    today: date | None = None,
    session_path: Path | None = None,
    kiosk: bool = False,
):
    # Imported here so `car-t-guide --version` and the CLI's error paths stay instant.
    from car_t_guide.ui.main_window import MainWindow

    apply_language(lang)
    window = MainWindow(settings, session=session, today=today, kiosk=kiosk)
    if session_path is not None:
        window.document.set_path(session_path)
    return window


def install_safety_nets(window):
    """An unexpected error shows the calm screen; SIGTERM and SIGINT stop the app tidily."""
    from car_t_guide.ui.crash import install_crash_handler
    from car_t_guide.ui.stop_signals import install_stop_handler

    crash = install_crash_handler(
        window.show_something_wrong, show_details=bool(os.environ.get("CAR_T_GUIDE_DEBUG"))
    )
    stop = install_stop_handler(window.stop_now)
    return crash, stop


ALREADY_OPEN = "CAR T Family Guide is already open: its window was brought to the front."
NO_ANSWER = (
    "error: CAR T Family Guide is already open for this user, but its window did not answer; "
    "close it, then start again"
)


def _hand_to_first_window(example: int | None, session_path: Path | None) -> int:
    """A staff window is already open for this user: bring it forward (with the file or
    example this start was asked for) instead of opening a second one that would share its
    autosave."""
    from car_t_guide.ui.single_instance import ask_first_instance

    create_application()
    if ask_first_instance(open_path=session_path, example=example):
        print(ALREADY_OPEN)
        return 0
    print(NO_ANSWER, file=sys.stderr)
    return 2


def run_app(
    lang: str,
    settings: CenterSettings | None = None,
    *,
    idle_timeout: float | None = None,
    example: int | None = None,
    **window_options,
) -> int:
    from car_t_guide.core.machine import logs, private_tmp
    from car_t_guide.core.machine.instance_lock import InstanceLock
    from car_t_guide.core.machine.no_core_dumps import turn_off_core_dumps

    kiosk = window_options.get("kiosk", False)
    lock = InstanceLock()
    if not kiosk and not lock.acquire():  # a kiosk never writes an autosave to share
        return _hand_to_first_window(example, window_options.get("session_path"))
    # First, before any family's data is in memory.
    dumps_off = turn_off_core_dumps() if kiosk else True
    logs.setup_logging()
    # Private folders of earlier runs that ended without tidying up (a power cut, a crash).
    private_tmp.remove_stale_folders()
    if kiosk:
        # Qt's and Python's temporary files go to a private folder, emptied on every reset.
        private_tmp.use_as_default_temp()
    app = create_application(watch_input=False)
    window = create_main_window(lang, settings, **window_options)
    if idle_timeout is not None:
        window.set_idle_timeout(idle_timeout)
    nets = install_safety_nets(window)  # noqa: F841 (kept alive for the app's life)
    if kiosk:
        window.showFullScreen()
        watch_input_once_painted(app, window)
    else:
        from car_t_guide.ui.single_instance import FirstInstance

        first = FirstInstance(app)
        first.requested.connect(window.answer_later_start)
        window.show_fitted()
        watch_input_once_painted(app, window)
        window.offer_autosave()
    from car_t_guide.ui.warm_up import warm_up_chart_later

    warm_up_chart_later(window)  # the journey page's libraries, while the welcome screen shows
    logs.log_started(kiosk=kiosk)  # the first line: which app and content version runs
    if not dumps_off:
        logs.log_event("core_dumps_not_turned_off")
    status = app.exec()
    logs.log_event("app_stopped")
    private_tmp.remove()
    lock.release()
    return status
