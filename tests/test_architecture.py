"""The layering of DESIGN.md, checked by import-linter: core/ knows no Qt and no PDF,
report/ knows no Qt."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "core knows no Qt, PDF or UI KEPT" in result.stdout
    assert "report knows no Qt and no UI KEPT" in result.stdout
