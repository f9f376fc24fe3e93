"""The background-job helper: work runs off the GUI thread, and only the latest run is heard."""

from __future__ import annotations

import threading

from car_t_guide.ui.background import BackgroundJob


def test_only_the_latest_run_is_heard_and_a_cancelled_one_never_is(qtbot):
    job = BackgroundJob()
    first_may_finish = threading.Event()
    heard, failed = [], []

    def first():
        assert first_may_finish.wait(20)
        return "first"

    job.run(first, success=heard.append, failure=failed.append)
    job.run(lambda: "second", success=heard.append, failure=failed.append)  # waits its turn
    first_may_finish.set()
    qtbot.waitUntil(lambda: heard == ["second"], timeout=20_000)
    assert job.thread_name and job.thread_name != threading.current_thread().name

    job.run(lambda: "third", success=heard.append, failure=failed.append)
    job.cancel()
    job.run(lambda: 1 / 0, success=heard.append, failure=failed.append)
    qtbot.waitUntil(lambda: len(failed) == 1, timeout=20_000)
    assert isinstance(failed[0], ZeroDivisionError)
    qtbot.wait(50)  # let any late outcome of the cancelled run arrive: it must not be heard
    assert heard == ["second"]
