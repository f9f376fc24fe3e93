"""The kiosk comes back: the app is killed under cage, and the kiosk is up again on its own.

What runs here is the real launcher (packaging/linux/car-t-guide-kiosk.sh), the real cage with
its headless wlroots back end, and the frozen app, as an unprivileged user (cage refuses root).
systemd itself cannot run in this test (it is not the machine's init here, nor in CI), so the
restart loop the unit relies on is played by a small supervisor that reads the unit's own
``Restart=`` and ``RestartSec=`` and restarts ``ExecStart`` as systemd does. The unit file itself
is checked by ``systemd-analyze verify`` (tests/test_packaging_files.py) and on a Debian 12
chroot with the package installed (test_debian_package.py).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from tests.deploy.conftest import ROOT

UNIT = ROOT / "packaging" / "linux" / "car-t-guide-kiosk.service"
LAUNCHER = ROOT / "packaging" / "linux" / "car-t-guide-kiosk.sh"
NOBODY = 65534


def service_section(unit: Path) -> dict[str, str]:
    values, section = {}, ""
    for line in unit.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values[key] = value
    return values


def systemd_would_restart(policy: str, status: int) -> bool:
    """systemd.service(5), Restart=: which exits start the service again."""
    clean = status == 0
    return {"always": True, "no": False, "on-success": clean, "on-failure": not clean,
            "on-abnormal": status < 0, "on-abort": status < 0}[policy]


class Supervisor:
    """What systemd does with the unit's Restart= and RestartSec=: run the command; when it
    ends, start it again after RestartSec if the policy says so."""

    def __init__(self, command, env, policy: str, restart_sec: float, output: Path) -> None:
        self.command, self.env, self.restart_sec = command, env, restart_sec
        self.policy, self.output = policy, output
        self.exits: list[int] = []
        self.current: subprocess.Popen | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            with self.output.open("ab") as output:
                self.current = subprocess.Popen(
                    self.command, env=self.env, user=NOBODY, group=NOBODY, extra_groups=[],
                    stdout=output, stderr=output, start_new_session=True,
                )
            self.exits.append(self.current.wait())
            if not systemd_would_restart(self.policy, self.exits[-1]):
                return
            self._stop.wait(self.restart_sec)

    def stop(self) -> None:
        self._stop.set()
        if self.current is not None and self.current.poll() is None:
            os.killpg(self.current.pid, signal.SIGKILL)  # cage, Xwayland and the app
        self._thread.join(timeout=30)


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(part) for part in text.split()]


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


@pytest.mark.skipif(shutil.which("cage") is None, reason="needs cage and xwayland (apt)")
def test_the_kiosk_comes_back_after_the_app_is_killed(frozen_app):
    # Not pytest's tmp_path: its parent is readable by root only, and the kiosk user must reach
    # the app and its folders.
    tmp_path = Path(tempfile.mkdtemp(prefix="car-t-guide-kiosk-test-"))
    try:
        run_the_kiosk_and_kill_it(frozen_app, tmp_path)
    finally:
        shutil.rmtree(tmp_path, ignore_errors=True)


def run_the_kiosk_and_kill_it(frozen_app: Path, tmp_path: Path) -> None:
    service = service_section(UNIT)
    assert Path(service["ExecStart"]).name == "car-t-guide-kiosk"

    # A world-readable copy of the app and a kiosk user's folders (the test runs as root).
    home = tmp_path / "kiosk-home"
    for folder in ("runtime", "config", "data", "log", "system"):
        (home / folder).mkdir(parents=True)
    shutil.copytree(frozen_app, home / "app", symlinks=True)
    os.chmod(home / "app", 0o755)
    from car_t_guide.core.machine.staff_pin import hash_pin

    (home / "system" / "settings.toml").write_text(f'staff_pin_hash = "{hash_pin("482916")}"\n')
    os.chmod(home / "system" / "settings.toml", 0o644)
    for path in [home, *home.rglob("*")]:
        if not path.is_relative_to(home / "app"):
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
    os.chmod(home / "runtime", 0o700)
    os.chmod(tmp_path, 0o755)
    env = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "WLR_BACKENDS": "headless",  # no screen here: wlroots draws into memory
        "WLR_RENDERER": "pixman",
        "WLR_LIBINPUT_NO_DEVICES": "1",
        "CAR_T_GUIDE_APP": str(home / "app" / "car-t-guide"),
        "CAR_T_GUIDE_CONFIG_DIR": str(home / "config"),
        "CAR_T_GUIDE_DATA_DIR": str(home / "data"),
        "CAR_T_GUIDE_LOG_DIR": str(home / "log"),
        "CAR_T_GUIDE_SYSTEM_CONFIG_DIRS": str(home / "system"),
    }
    for assignment in service.get("Environment", "").split():
        key, value = assignment.split("=", 1)
        env[key] = value
    log = home / "log" / "car-t-guide.log"

    def starts() -> int:
        return log.read_text().count("app_started kiosk=True") if log.exists() else 0

    def the_app() -> int | None:
        cage = supervisor.current.pid if supervisor.current else None
        apps = [pid for pid in children(cage)
                if Path(f"/proc/{pid}/exe").resolve().name == "car-t-guide"] if cage else []
        return apps[0] if apps else None

    output = tmp_path / "kiosk-output.txt"
    supervisor = Supervisor([str(LAUNCHER)], env, service["Restart"], float(service["RestartSec"]),
                            output)
    supervisor.start()
    try:
        wait_for(lambda: starts() == 1 or supervisor.exits, 90, "the kiosk to start")
        assert starts() == 1, output.read_text(errors="replace")
        first = wait_for(the_app, 30, "the app under cage")
        environ = Path(f"/proc/{first}/environ").read_bytes().split(b"\0")
        assert b"QT_QPA_PLATFORM=wayland;xcb" in environ
        assert any(item.startswith(b"WAYLAND_DISPLAY=") for item in environ)
        assert any(item.startswith(b"LANG=") and b"UTF-8" in item for item in environ)

        os.kill(first, signal.SIGSEGV)  # as in the report: a native crash
        wait_for(lambda: len(supervisor.exits) >= 1, 30, "cage to end with the app")
        wait_for(lambda: starts() == 2, 90, "the kiosk to come back")
        second = wait_for(the_app, 30, "the new app under cage")
        assert second != first
        time.sleep(1)
        assert Path(f"/proc/{second}").exists()  # it stays up
    finally:
        supervisor.stop()
    # cage ended on its own when the app died, and with status 0: a unit with
    # Restart=on-failure would have left a blank screen.
    assert supervisor.exits[0] == 0
