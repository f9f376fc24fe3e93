"""The deployment files, checked by the tools IT and distributions use (quick: default run).

The build, the Debian package on a bare Debian 12 and the kiosk restart under cage are in
tests/deploy (``-m deploy``)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.cartfamilyguide.CarTGuide"


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is needed: .ci/run installs it (apt-get install)")
    return found


def test_the_kiosk_unit_passes_systemd_analyze_verify(tmp_path):
    """On a root made like an installed system: systemd's own units, the launcher where the
    package puts it, the unit in /etc/systemd/system."""
    systemd_units = Path("/lib/systemd/system")
    if not systemd_units.is_dir():
        pytest.fail("systemd's units are needed (.ci/run installs systemd)")
    shutil.copytree(systemd_units, tmp_path / "usr/lib/systemd/system", symlinks=True)
    launcher = tmp_path / "usr/lib/car-t-guide/car-t-guide-kiosk"
    launcher.parent.mkdir(parents=True)
    shutil.copy2(LINUX / "car-t-guide-kiosk.sh", launcher)
    unit = tmp_path / "etc/systemd/system/car-t-guide-kiosk.service"
    unit.parent.mkdir(parents=True)
    shutil.copy2(LINUX / "car-t-guide-kiosk.service", unit)
    result = subprocess.run(
        [tool("systemd-analyze"), "verify", f"--root={tmp_path}",
         "/etc/systemd/system/car-t-guide-kiosk.service"],
        capture_output=True, text=True, timeout=60,
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_unit_restarts_always_and_never_gives_up():
    text = (LINUX / "car-t-guide-kiosk.service").read_text(encoding="utf-8")
    assert re.search(r"^Restart=always$", text, re.M)
    assert re.search(r"^StartLimitIntervalSec=0$", text, re.M)
    assert re.search(r"^TTYPath=/dev/tty1$", text, re.M)
    assert re.search(r"^User=car-t-guide-kiosk$", text, re.M)
    assert re.search(r"^WantedBy=graphical.target$", text, re.M)
    assert re.search(r"^LimitCORE=0$", text, re.M)


def test_the_menu_entry_passes_desktop_file_validate():
    path = LINUX / f"{APP_ID}.desktop"
    result = subprocess.run([tool("desktop-file-validate"), str(path)], capture_output=True,
                            text=True, timeout=60)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
    assert "\nExec=/usr/bin/car-t-guide\n" in path.read_text(encoding="utf-8")


def test_the_metainfo_passes_appstreamcli_validate():
    result = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def run_launcher(tmp_path, cage_version: str, environment: dict[str, str]) -> dict[str, str]:
    """The launcher with a stand-in cage that reports its arguments and environment."""
    fake = tmp_path / "cage"
    fake.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = -v ]; then echo "Cage version {cage_version}"; exit 0; fi\n'
        'echo "ARGS=$*"; echo "QT=$QT_QPA_PLATFORM"; echo "LANG=$LANG"\n'
    )
    fake.chmod(0o755)
    env = {"PATH": os.environ["PATH"], "CAR_T_GUIDE_CAGE": str(fake),
           "CAR_T_GUIDE_APP": "/usr/bin/car-t-guide", **environment}
    result = subprocess.run([str(LINUX / "car-t-guide-kiosk.sh"), "--idle-timeout", "90"],
                            capture_output=True, text=True, env=env, timeout=30)
    assert result.returncode == 0, result.stderr
    return dict(line.split("=", 1) for line in result.stdout.splitlines())


def test_the_launcher_falls_back_to_x11_in_a_utf8_locale(tmp_path):
    seen = run_launcher(tmp_path, "0.1.5", {"LANG": "C"})
    assert seen["QT"] == "wayland;xcb"
    assert seen["LANG"] == "C.UTF-8"
    assert seen["ARGS"] == "-d -m last -- /usr/bin/car-t-guide --kiosk --idle-timeout 90"
    assert run_launcher(tmp_path, "0.1.5", {"LANG": "es_ES.UTF-8"})["LANG"] == "es_ES.UTF-8"


def test_the_launcher_avoids_the_crash_of_debian_12s_cage(tmp_path):
    """cage 0.1.4 segfaults at start with "-m last" (cage issue 231): the kiosk would never
    come up; the second screen is switched off in the kernel instead (packaging/README.md)."""
    seen = run_launcher(tmp_path, "0.1.4", {})
    assert seen["ARGS"] == "-d -- /usr/bin/car-t-guide --kiosk --idle-timeout 90"


def test_the_maintainer_scripts_are_valid_shell():
    for script in ("postinst", "prerm", "postrm"):
        path = ROOT / "packaging" / "debian" / script
        assert os.access(path, os.X_OK), script
        subprocess.run(["sh", "-n", str(path)], check=True, timeout=30)
    subprocess.run(["sh", "-n", str(LINUX / "car-t-guide-kiosk.sh")], check=True, timeout=30)


def test_the_readmes_link_only_files_in_the_repository():
    """Issue 14: the README sent developers to shared/DESIGN.md, which is not in it."""
    for readme in (ROOT / "README.md", ROOT / "packaging" / "README.md"):
        text = readme.read_text(encoding="utf-8")
        links = re.findall(r"\]\(([^)#]+)\)", text) + re.findall(r"`((?:[\w.-]+/)+[\w.-]+\.\w+)`",
                                                                text)
        for link in links:
            if "://" in link or link.startswith(("/", "~")) or "*" in link:
                continue
            bases = (readme.parent, ROOT, ROOT / "desktop" / "car_t_guide")
            assert any((base / link).exists() for base in bases), \
                f"{readme.name} names {link}, which is not in the repository"
    assert "shared/" not in (ROOT / "README.md").read_text(encoding="utf-8")
