"""Shared test set-up: Qt draws offscreen, and no test touches the real home folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Before anything imports the app: every folder it might write to points into a temporary tree.
_SANDBOX = Path(tempfile.mkdtemp(prefix="car-t-guide-tests-"))
for variable, name in (
    ("CAR_T_GUIDE_CONFIG_DIR", "config"),
    ("CAR_T_GUIDE_DATA_DIR", "data"),
    ("CAR_T_GUIDE_LOG_DIR", "log"),
):
    os.environ[variable] = str(_SANDBOX / name)
# No named settings file, and a machine-wide layer of our own: tests never read /etc.
os.environ.pop("CAR_T_GUIDE_SETTINGS", None)
os.environ["CAR_T_GUIDE_SYSTEM_CONFIG_DIRS"] = str(_SANDBOX / "system-config")
# Read-aloud speaks through Qt's mock engine (it ships in the wheel): no test starts a
# speech-dispatcher in the real home folder. The speech-dispatcher test starts its own.
os.environ["CAR_T_GUIDE_SPEECH_ENGINE"] = "mock"

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _english_between_tests():
    """The app's language is global state: every test starts (and leaves) in English."""
    from car_t_guide.core import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path, monkeypatch):
    """Each test gets its own settings (machine-wide and user), data and log folders."""
    for variable in (
        "CAR_T_GUIDE_CONFIG_DIR",
        "CAR_T_GUIDE_DATA_DIR",
        "CAR_T_GUIDE_LOG_DIR",
        "CAR_T_GUIDE_SYSTEM_CONFIG_DIRS",
    ):
        monkeypatch.setenv(variable, str(tmp_path / "app-dirs" / variable.lower()))
    monkeypatch.delenv("CAR_T_GUIDE_SETTINGS", raising=False)
    yield
