"""Build the frozen one-folder app, its papers, and (with --deb) the Debian package.

    uv run --no-project python packaging/build.py [--deb] [--smoke-test]

(any Python 3.11+ runs this script; it runs uv itself). What it makes, under ``dist/``:

- ``dist/car-t-guide/``: the frozen app (PyInstaller one-folder): the ``car-t-guide`` program,
  ``_internal/`` with Python, Qt and the app, and at the top the papers: ``LICENSE``,
  ``THIRD-PARTY-NOTICES.md`` with the LGPL and GPL texts, ``sbom.cdx.json`` (CycloneDX 1.5) and
  ``requirements.txt`` (every package pinned, with hashes).
- ``dist/car-t-guide_<version>_amd64.deb`` with ``--deb`` (see packaging/debian/build_deb.py).

The frozen app is built from a clean environment holding only the app's own dependencies
(``build/venv``: no test tools, which PyInstaller would otherwise pull in), made from uv.lock.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUILD = ROOT / "build"
FROZEN = DIST / "car-t-guide"
VENV = BUILD / "venv"


def run(*command: str | os.PathLike[str], env: dict[str, str] | None = None,
        capture: bool = True) -> str:
    print("+", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run(
        [str(part) for part in command], cwd=ROOT, env=env, check=True, text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()
               and not path.is_symlink())


def build_frozen() -> None:
    uv = shutil.which("uv")
    if uv is None:
        sys.exit("error: uv is needed (pip install uv)")
    env = dict(os.environ, UV_PROJECT_ENVIRONMENT=str(VENV))
    # The app's dependencies and PyInstaller, nothing else; exactly the versions in uv.lock.
    run(uv, "sync", "--frozen", "--no-dev", "--group", "build", "--no-editable", env=env)
    shutil.rmtree(FROZEN, ignore_errors=True)
    python = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    run(python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller",
        ROOT / "packaging" / "pyinstaller" / "car-t-guide.spec", capture=False)
    write_papers(uv)


def write_papers(uv: str) -> None:
    """The licence, the notices and the bill of materials, at the top of the folder."""
    shutil.copy2(ROOT / "LICENSE", FROZEN / "LICENSE")
    for notice in (ROOT / "resources" / "notices").iterdir():
        shutil.copy2(notice, FROZEN / notice.name)
    shutil.copy2(ROOT / "resources" / "fonts" / "README.md", FROZEN / "FONTS.md")
    requirements = run(uv, "export", "--frozen", "--no-dev", "--no-emit-project",
                       "--format", "requirements.txt")
    (FROZEN / "requirements.txt").write_text(requirements, encoding="utf-8")
    sbom = run(uv, "export", "--frozen", "--no-dev", "--preview-features", "sbom-export",
               "--format", "cyclonedx1.5")
    (FROZEN / "sbom.cdx.json").write_text(sbom, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--deb", action="store_true", help="also make the Debian package")
    parser.add_argument("--smoke-test", action="store_true",
                        help="then run packaging/smoke_test.py on the frozen folder")
    parser.add_argument("--skip-frozen", action="store_true",
                        help="reuse dist/car-t-guide (for --deb after a build)")
    args = parser.parse_args()
    started = time.monotonic()
    if not args.skip_frozen:
        build_frozen()
    print(f"frozen folder: {FROZEN} ({folder_size(FROZEN) / 2**20:.0f} MiB), built in "
          f"{time.monotonic() - started:.0f} s")
    if args.smoke_test:
        run(sys.executable, ROOT / "packaging" / "smoke_test.py", FROZEN, capture=False)
    if args.deb:
        run(sys.executable, ROOT / "packaging" / "debian" / "build_deb.py", FROZEN, DIST,
            capture=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
