"""The frozen build, as IT would try it: every page in every language, a summary, --version,
from a folder away from the source tree; and the papers beside it."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.deploy.conftest import ROOT


def test_the_frozen_folder_passes_the_smoke_test(frozen_app):
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "smoke_test.py"), str(frozen_app)],
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke test passed" in result.stdout


def test_the_papers_are_in_the_folder(frozen_app):
    for paper in ("LICENSE", "THIRD-PARTY-NOTICES.md", "LGPL-3.0.txt", "GPL-3.0.txt",
                  "requirements.txt", "sbom.cdx.json"):
        assert (frozen_app / paper).is_file(), paper
    sbom = json.loads((frozen_app / "sbom.cdx.json").read_text(encoding="utf-8"))
    assert sbom["bomFormat"] == "CycloneDX"
    names = {component["name"].lower() for component in sbom["components"]}
    assert {"pyside6-essentials", "pyqtgraph", "reportlab", "babel"} <= names
    assert "pytest" not in names  # test tools are not shipped
    requirements = (frozen_app / "requirements.txt").read_text(encoding="utf-8")
    assert "--hash=sha256:" in requirements


def test_only_the_apps_languages_and_qt_parts_are_shipped(frozen_app):
    internal = frozen_app / "_internal"
    babel = {path.stem.split("_")[0] for path in internal.glob("babel/locale-data/*.dat")}
    assert babel == {"root", "en", "es"}
    qt_translations = {path.name for path in internal.glob("PySide6/Qt/translations/*.qm")}
    assert qt_translations == {"qtbase_es.qm"}
    plugin_folders = {path.name for path in internal.glob("PySide6/Qt/plugins/*")}
    assert "platformthemes" not in plugin_folders and "printsupport" in plugin_folders
    assert not list(internal.glob("PySide6/QtQml*")) and not list(internal.glob("**/pytest"))
