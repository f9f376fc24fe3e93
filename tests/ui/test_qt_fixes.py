"""Guards against bugs in the Qt bindings that would crash a long-running kiosk."""

from __future__ import annotations

import subprocess
import sys

from car_t_guide.ui import qt_fixes

# Far more calls than the natural reference counts of True and None on Python 3.11.
MANY_CALLS = """
import sys
{setup}
from PySide6.QtCore import QObject, Signal

class Emitter(QObject):
    fired = Signal(object)

emitter, probe = Emitter(), QObject()
for _ in range(30_000):
    emitter.fired.emit(1)
    probe.property("unset")
print("still running")
"""


def _run(setup: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", MANY_CALLS.format(setup=setup)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_the_app_survives_many_emits_and_empty_variants():
    result = _run("import car_t_guide.ui  # the work-arounds apply on import")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "still running" in result.stdout


def test_work_arounds_are_on_exactly_when_the_bugs_are_there():
    """Where the bindings have the bugs, a plain PySide6 program dies from the same calls: the
    work-arounds are what keeps the app alive. Where they don't, none is applied."""
    import car_t_guide.ui  # noqa: F401

    needed = sys.version_info < (3, 12) and (
        qt_fixes.emit_drops_true_references() or qt_fixes.empty_variant_drops_none_references()
    )
    plain = _run("")
    if needed:
        assert plain.returncode != 0 and "dealloc" in plain.stderr
        assert qt_fixes.keep_singletons_alive()
    else:
        assert plain.returncode == 0
        assert not qt_fixes.keep_singletons_alive()
