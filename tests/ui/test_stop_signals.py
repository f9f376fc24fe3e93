"""SIGTERM and SIGINT stop the app with exit status 0, even while Qt's event loop runs and the
window refuses to close (as the kiosk window does). Each test runs the app in a subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

APP = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QMainWindow
    from car_t_guide.ui.stop_signals import install_stop_handler

    class KioskLikeWindow(QMainWindow):
        def closeEvent(self, event):  # refuses to close, like the kiosk window
            event.ignore()

    app = QApplication(sys.argv)
    window = KioskLikeWindow()
    window.show()

    def on_stop(number):
        print("stopping on", number, flush=True)
        window.hide()  # the app's real callback wipes and tears down here

    handler = install_stop_handler(on_stop, use_wakeup_fd=sys.argv[1] == "wakeup")
    assert handler.mode == ("wakeup-fd" if sys.argv[1] == "wakeup" else "timer"), handler.mode
    print("ready", flush=True)
    status = app.exec()
    print("event loop ended with", status, flush=True)
    sys.exit(status)
    """
)


def run_and_signal(tmp_path, number, mode):
    script = tmp_path / "app.py"
    script.write_text(APP, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, str(script), mode], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env,
    )
    try:
        assert process.stdout.readline().strip() == "ready", process.stderr.read()
        time.sleep(0.2)  # well inside app.exec()
        started = time.monotonic()
        process.send_signal(number)
        out, err = process.communicate(timeout=10)
        took = time.monotonic() - started
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return process.returncode, out, err, took


@pytest.mark.parametrize("mode", ["wakeup", "timer"])
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_the_event_loop_with_status_0(tmp_path, number, mode):
    status, out, err, took = run_and_signal(tmp_path, number, mode)
    assert status == 0, err
    assert f"stopping on {int(number)}" in out
    assert "event loop ended with 0" in out
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert took < 5
