"""A private speech-dispatcher for tests: its own socket, settings and home folder, and sound
that goes to a WAV file instead of a sound card (CI machines have none).

speech-dispatcher normally starts itself for each user (libspeechd spawns it in the home
folder, playing through PulseAudio). Here it is started by hand, and the app finds it through
``SPEECHD_ADDRESS``. Its ALSA output is the ``file`` plugin over ``null``: every sample spoken
is written to ``spoken.wav`` as fast as it is made.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

SYSTEM_CONFIG = Path("/etc/speech-dispatcher")
MODULES = (Path("/usr/lib/speech-dispatcher-modules"),
           Path("/usr/lib/x86_64-linux-gnu/speech-dispatcher-modules"),
           Path("/usr/libexec/speech-dispatcher-modules"))


def missing_parts() -> str:
    """Why a real speech-dispatcher with espeak-ng cannot run here ("" if it can)."""
    if shutil.which("speech-dispatcher") is None:
        return "speech-dispatcher is not installed"
    if not (SYSTEM_CONFIG / "speechd.conf").exists():
        return f"{SYSTEM_CONFIG}/speechd.conf is missing"
    if not any((folder / "sd_espeak-ng").exists() for folder in MODULES):
        return "speech-dispatcher's espeak-ng module is not installed"
    return ""


class SpeechDaemon:
    def __init__(self, folder: Path):
        self.folder = folder
        self.socket = folder / "speechd.sock"
        self.wav = folder / "spoken.wav"
        self.process: subprocess.Popen | None = None

    @property
    def address(self) -> str:
        return f"unix_socket:{self.socket}"

    def start(self) -> None:
        config = self.folder / "config"
        shutil.copytree(SYSTEM_CONFIG, config)
        with (config / "speechd.conf").open("a", encoding="utf-8") as handle:
            handle.write('\nAudioOutputMethod "alsa"\nDefaultModule espeak-ng\n')
        home = self.folder / "home"
        home.mkdir()
        (home / ".asoundrc").write_text(
            'pcm.!default {\n type file\n slave.pcm "null"\n'
            f' file "{self.wav}"\n format "wav"\n}}\n',
            encoding="utf-8",
        )
        logs = self.folder / "logs"
        logs.mkdir()
        self.process = subprocess.Popen(
            ["speech-dispatcher", "--run-single", "--communication-method", "unix_socket",
             "--socket-path", str(self.socket), "--config-dir", str(config),
             "--log-dir", str(logs), "--timeout", "0"],
            env={"HOME": str(home), "PATH": "/usr/bin:/bin", "XDG_RUNTIME_DIR": str(home)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while not self.socket.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"speech-dispatcher did not start (see {logs})")
            time.sleep(0.05)

    def spoken_bytes(self) -> int:
        return self.wav.stat().st_size if self.wav.exists() else 0

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
