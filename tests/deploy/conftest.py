"""Deployment tests: they build or install the real thing, so they are not in the default run.

    uv run pytest -m deploy tests/deploy

(the frozen build is made first if ``dist/car-t-guide`` is missing; the Debian test needs root
and debootstrap). packaging/README.md says what each one needs and how long it takes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.deploy)


@pytest.fixture(scope="session")
def frozen_app() -> Path:
    """The frozen one-folder build: CAR_T_GUIDE_FROZEN, else dist/car-t-guide (built if
    missing)."""
    folder = Path(os.environ.get("CAR_T_GUIDE_FROZEN") or ROOT / "dist" / "car-t-guide")
    if not (folder / "car-t-guide").exists():
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True,
                       timeout=1200)
    return folder
