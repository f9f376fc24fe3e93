"""Make the Debian package from the frozen folder (run by ``packaging/build.py --deb``).

    python packaging/debian/build_deb.py dist/car-t-guide dist

Why the frozen folder under /opt, and not dh-virtualenv: the folder is the very thing the
smoke test checks (every page, every language), already trimmed to the Qt parts the app uses
(about 240 MB against about 600 MB for a virtual environment with the full Qt wheels); it does
not depend on the system's Python version, and the same folder serves machines without dpkg.
dh-virtualenv would rebuild the environment from wheels at package time and tie the package to
Debian's python3.11.

Layout: /opt/car-t-guide (the app), /usr/bin/car-t-guide, the menu entry, icons and AppStream
metainfo under /usr/share, the kiosk launcher in /usr/lib/car-t-guide, the kiosk unit (installed,
not enabled) and its PAM service, the DEP-5 copyright file. The maintainer scripts make the
"car-t-guide" group (may read the machine-wide settings with the staff PIN hash) and the
"car-t-guide-kiosk" user; purge removes them and every file the package or the kiosk made.
Depends is worked out from the libraries the folder links to outside itself (like
dpkg-shlibdeps), on the build machine: build on Debian 12 for Debian 12.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
HERE = Path(__file__).resolve().parent
APP_ID = "org.cartfamilyguide.CarTGuide"
PACKAGE = "car-t-guide"
# Not found by linking, needed all the same: keyboard maps for the bundled libxkbcommon, the
# fontconfig configuration for the bundled libfontconfig, the CUPS client for printing.
ALWAYS_DEPENDS = ("xkb-data", "fontconfig-config", "passwd")
RECOMMENDS = ("cage", "xwayland")


def app_version() -> str:
    text = (ROOT / "desktop" / "car_t_guide" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text)[1]


def system_libraries(folder: Path) -> set[Path]:
    """Libraries the folder's binaries load from the system (not bundled)."""
    found: set[Path] = set()
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink() or path.suffix in (".py", ".pyc", ".json"):
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True)
        for line in result.stdout.splitlines():
            match = re.search(r"=> (/\S+)", line)
            if match and not Path(match[1]).resolve().is_relative_to(folder.resolve()):
                found.add(Path(match[1]))
    return found


def packages_of(libraries: set[Path]) -> set[str]:
    packages = set()
    for library in sorted(libraries):
        for candidate in {library, library.resolve(), Path("/usr") / library.relative_to("/")}:
            result = subprocess.run(["dpkg", "-S", str(candidate)], capture_output=True,
                                    text=True)
            if result.returncode == 0:
                packages.add(result.stdout.split(":")[0].strip())
                break
        else:
            raise SystemExit(f"error: no Debian package provides {library}")
    return packages


def copy_file(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)
    os.chmod(target, mode)


def build(frozen: Path, out: Path) -> Path:
    version = app_version()
    stage = ROOT / "build" / "deb" / PACKAGE
    shutil.rmtree(stage, ignore_errors=True)
    opt = stage / "opt" / PACKAGE
    shutil.copytree(frozen, opt, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    copy_file(LINUX / "car-t-guide-kiosk.sh", stage / "usr/lib/car-t-guide/car-t-guide-kiosk",
              0o755)
    copy_file(LINUX / "car-t-guide-kiosk.service",
              stage / "lib/systemd/system/car-t-guide-kiosk.service")
    copy_file(LINUX / "car-t-guide-kiosk.pam", stage / "etc/pam.d/car-t-guide-kiosk")
    share = stage / "usr" / "share"
    copy_file(LINUX / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    copy_file(LINUX / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    copy_file(LINUX / f"{APP_ID}.svg", share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg")
    python = ROOT / "build" / "venv" / "bin" / "python"
    subprocess.run([str(python if python.exists() else sys.executable),
                    str(LINUX / "render_icons.py"), str(share / "icons" / "hicolor")],
                   check=True)
    doc = share / "doc" / PACKAGE
    copy_file(HERE / "copyright", doc / "copyright")
    copy_file(ROOT / "packaging" / "README.md", doc / "README.md")
    copy_file(LINUX / "settings.example.toml", doc / "examples" / "settings.toml")
    changelog = (f"{PACKAGE} ({version}-1) bookworm; urgency=medium\n\n"
                 f"  * Release {version}; see the project's history.\n\n"
                 " -- CAR T Family Guide <packaging@invalid>  Mon, 30 Nov 2026 12:00:00 +0000\n")
    (doc / "changelog.Debian.gz").write_bytes(gzip.compress(changelog.encode(), mtime=0))
    os.chmod(doc / "changelog.Debian.gz", 0o644)

    depends = packages_of(system_libraries(opt)) | set(ALWAYS_DEPENDS)
    # No version floors: the build machine's versions would be newer than a kiosk that missed
    # a point release needs, and every Debian 12 version of these works.
    depends_field = ", ".join(sorted(depends))
    size_kb = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file()
                  and not p.is_symlink()) // 1024
    control_dir = stage / "DEBIAN"
    control_dir.mkdir()
    control = (HERE / "control.in").read_text(encoding="utf-8").format(
        version=f"{version}-1", depends=depends_field, recommends=", ".join(RECOMMENDS),
        installed_size=size_kb,
    )
    (control_dir / "control").write_text(control, encoding="utf-8")
    (control_dir / "conffiles").write_text("/etc/pam.d/car-t-guide-kiosk\n", encoding="utf-8")
    for script in ("postinst", "prerm", "postrm"):
        copy_file(HERE / script, control_dir / script, 0o755)
    sums = []
    for path in sorted(stage.rglob("*")):
        if path.is_file() and not path.is_symlink() and control_dir not in path.parents:
            digest = hashlib.md5(path.read_bytes()).hexdigest()  # noqa: S324 (dpkg's format)
            sums.append(f"{digest}  {path.relative_to(stage)}")
    (control_dir / "md5sums").write_text("\n".join(sums) + "\n", encoding="utf-8")

    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{version}-1_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zzstd", "--build", str(stage), str(deb)],
                   check=True)
    print(f"Debian package: {deb} ({deb.stat().st_size / 2**20:.0f} MiB, installed "
          f"{size_kb / 1024:.0f} MiB)")
    return deb


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
