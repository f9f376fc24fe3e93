"""Where the app finds its files, and where it may write.

Resources and catalogues sit beside the package in an installed wheel
(``car_t_guide/resources``) and at the top of the repository in a source checkout.
Every place the app writes to can be moved with an environment variable, so tests and
clinic IT never depend on a real home folder.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "car-t-guide"
APP_AUTHOR = "CAR T Family Guide"

_PACKAGE_DIR = Path(__file__).resolve().parents[2]  # core/machine/paths.py -> car_t_guide/
_SOURCE_ROOT = _PACKAGE_DIR.parents[1]


def _bundled(name: str) -> Path:
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    return _SOURCE_ROOT / name


def resources_dir() -> Path:
    return _bundled("resources")


def i18n_dir() -> Path:
    return _bundled("i18n")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def _platform_dir(kind: str) -> str:
    # Imported when a folder is first asked for, not at start-up.
    import platformdirs

    return getattr(platformdirs, kind)(APP_NAME, APP_AUTHOR)


def _dir_from_env(variable: str, default: str) -> Path:
    value = os.environ.get(variable)
    return Path(value) if value else Path(default)


def config_dir() -> Path:
    """Folder of the center settings file (``CAR_T_GUIDE_CONFIG_DIR`` overrides)."""
    return _dir_from_env(
        "CAR_T_GUIDE_CONFIG_DIR", _platform_dir("user_config_dir")
    )


def data_dir() -> Path:
    """Folder for the staff-mode autosave (``CAR_T_GUIDE_DATA_DIR`` overrides)."""
    return _dir_from_env("CAR_T_GUIDE_DATA_DIR", _platform_dir("user_data_dir"))


def log_dir() -> Path:
    """Folder for logs, which never hold personal data (``CAR_T_GUIDE_LOG_DIR`` overrides)."""
    return _dir_from_env("CAR_T_GUIDE_LOG_DIR", _platform_dir("user_log_dir"))
