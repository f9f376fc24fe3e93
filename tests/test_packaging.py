"""Resources and catalogues are found from the source tree and from an installed wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from car_t_guide.core.machine import paths

ROOT = Path(__file__).resolve().parents[1]


def test_source_tree_resources_are_found():
    assert (paths.resources_dir() / "content" / "en" / "steps.json").is_file()
    assert (paths.i18n_dir() / "es" / "LC_MESSAGES" / "car_t_guide.mo").is_file()


@pytest.mark.slow
def test_wheel_carries_resources_and_finds_them(tmp_path):
    uv = shutil.which("uv")
    if uv is None:
        pytest.fail("uv is needed to build the wheel (the README's quick start installs it)")
    subprocess.run([uv, "build", "--wheel", "--out-dir", str(tmp_path)], cwd=ROOT, check=True,
                   capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("car_t_guide-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    for needed in (
        "car_t_guide/resources/content/es/steps.json",
        "car_t_guide/resources/fonts/NotoSans-Regular.ttf",
        "car_t_guide/resources/illustrations/step-1-collection.svg",
        "car_t_guide/i18n/es/LC_MESSAGES/car_t_guide.mo",
    ):
        assert needed in names
    script = (
        "from car_t_guide.core import i18n\n"
        "from car_t_guide.core.machine import paths\n"
        "from car_t_guide.core.content import texts as content\n"
        "print(paths.resources_dir())\n"
        "print(content.steps('es')[0].title)\n"
        "i18n.set_language('es'); print(i18n._('Next'))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "site"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == str(tmp_path / "site" / "car_t_guide" / "resources")
    assert lines[2] == "Siguiente"
