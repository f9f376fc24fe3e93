"""The welcome screen appears without the heavy modules (chart, numbers, PDF)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = r"""
import json, sys
from car_t_guide.ui.app import create_application, create_main_window
app = create_application()
window = create_main_window("en")
window.show()
app.processEvents()
assert window.current_page_id() == "welcome"
heavy = sorted(m for m in ("pyqtgraph", "numpy", "reportlab", "PySide6.QtPdf",
                            "PySide6.QtPdfWidgets", "PySide6.QtTextToSpeech")
               if m in sys.modules)
print(json.dumps(heavy))
"""


def test_welcome_screen_does_not_import_heavy_modules():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_the_check_can_fail():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    script = "import reportlab\n" + SCRIPT
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == ["reportlab"]
