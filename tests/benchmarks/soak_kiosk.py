"""Soak: 200 kiosk cycles of enter a family -> idle -> wipe, and how much memory grows.

    uv run python tests/benchmarks/soak_kiosk.py [--cycles 200]

A kiosk runs for weeks; each family it forgets must leave nothing behind, in memory either.
Reports the process's resident memory after a warm-up and at the end; growth over the run should
stay under 5%. Runs offscreen; needs no display.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycles", type=int, default=200)
    parser.add_argument("--warm-up", type=int, default=20)
    args = parser.parse_args()

    import tempfile

    for variable in ("CAR_T_GUIDE_CONFIG_DIR", "CAR_T_GUIDE_DATA_DIR", "CAR_T_GUIDE_LOG_DIR"):
        os.environ[variable] = tempfile.mkdtemp(prefix="soak-")

    from PySide6.QtCore import QEvent, Qt, QtMsgType, qInstallMessageHandler
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    def quiet(kind, context, message):  # the offscreen platform's harmless chatter
        if kind != QtMsgType.QtDebugMsg and "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)

    from car_t_guide.core.dates import PartialDate
    from car_t_guide.core.machine.settings import CenterSettings
    from car_t_guide.core.machine.staff_pin import hash_pin
    from car_t_guide.core.session.model import HistoryEvent, empty_session
    from car_t_guide.ui.app import create_application, create_main_window

    app = create_application()
    settings = CenterSettings(staff_pin_hash=hash_pin("482916"), idle_timeout_seconds=0.02,
                              idle_countdown_seconds=0.02)
    window = create_main_window("en", settings, today=date(2013, 5, 1), kiosk=True)
    window.showFullScreen()
    from car_t_guide.ui.warm_up import warm_up_chart

    warm_up_chart()  # as the app does a moment after it starts (ui/warm_up.py)

    def settle() -> None:
        # As the real event loop does: handle pending events and delete what deleteLater() left.
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def one_cycle(n: int) -> None:
        session = empty_session("es")
        session.set_display_name(f"Family {n} Ñandú")
        session.set_care_team("Hospital", f"+1 555 010 {n:04d}")
        session.set_collection(date(2013, 3, 20))
        session.set_infusion(date(2013, 5, 10))
        session.add_history_event(HistoryEvent("diagnosis", PartialDate(2002, 7), note=f"note {n}"))
        window.set_session(session)
        window.set_language("es")
        for page in ("journey", "side-effects", "warning-signs", "check-understanding"):
            window.show_page(page)
            settle()
        QApplication.clipboard().setText(f"Family {n}")
        # The family touches the screen once (untouched, a kiosk never asks "Still there?").
        QTest.mouseClick(window.position_label, Qt.MouseButton.LeftButton)
        deadline = time.monotonic() + 5
        while window.session.patient.display_name and time.monotonic() < deadline:
            settle()
            time.sleep(0.005)
        settle()
        if window.session.patient.display_name:
            raise SystemExit(f"cycle {n}: the kiosk did not forget the family")

    started = time.monotonic()
    for n in range(args.warm_up):
        one_cycle(n)
    gc.collect()
    settle()
    baseline = rss_kib()
    samples = []
    for n in range(args.cycles):
        one_cycle(args.warm_up + n)
        if n % 20 == 19:
            gc.collect()
            settle()
            samples.append(rss_kib())
    final = samples[-1] if samples else rss_kib()
    growth = (final - baseline) / baseline * 100
    print(f"cycles: {args.cycles} (after {args.warm_up} warm-up), "
          f"{time.monotonic() - started:.1f} s in all")
    print(f"memory after warm-up: {baseline / 1024:.1f} MiB; at the end: {final / 1024:.1f} MiB; "
          f"growth {growth:+.2f}%")
    print("samples every 20 cycles (MiB): " + ", ".join(f"{s / 1024:.1f}" for s in samples))
    window.kiosk_mode.closing_allowed = True
    window.close()
    return 0 if growth < 5 else 1


if __name__ == "__main__":
    sys.exit(main())
