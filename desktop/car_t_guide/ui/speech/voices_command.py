"""``car-t-guide voices``: for each language the app ships, the engine and voice read-aloud would
use, or "none: read-aloud hidden in this language". For clinic IT; needs no display."""

from __future__ import annotations

import os

from car_t_guide.core.i18n import LANGUAGE_NAMES, SUPPORTED_LANGUAGES
from car_t_guide.core.machine.settings import CenterSettings

# Longer than any engine takes to list its voices (speech-dispatcher: about 3 s).
WAIT_MS = 60_000


def voice_lines(settings: CenterSettings, engine: str | None = None) -> list[str]:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from car_t_guide.ui.speech.engine import SpeechService

    if QCoreApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication(["car-t-guide"])  # noqa: F841 (kept alive while we wait)
    service = SpeechService(engine)
    loop = QEventLoop()
    service.ready.connect(loop.quit)
    QTimer.singleShot(WAIT_MS, loop.quit)
    service.start()
    if not service.is_ready():
        loop.exec()
    availability = service.availability
    service.shutdown()

    lines = []
    if availability is None:
        lines.append(f"# engine: none (no answer from the speech engine in {WAIT_MS // 1000} s)")
    elif not availability.engine:
        lines.append(f"# engine: none ({availability.problem})")
    else:
        lines.append(
            f"# engine: {availability.engine} ({len(availability.voices)} voices for "
            f"{', '.join(SUPPORTED_LANGUAGES)}; ready in {availability.startup_seconds:.1f} s)"
        )
    if not settings.read_aloud:
        lines.append("# read-aloud is turned off by the center settings (read_aloud = false)")
    for lang in SUPPORTED_LANGUAGES:
        wanted = getattr(settings, f"speech_voice_{lang}", "")
        voice = availability.voice_for(lang, wanted) if availability else None
        if voice is None:
            lines.append(f"{lang}: none: read-aloud hidden in this language")
            continue
        lines.append(
            f"{lang}: {availability.engine}, voice {voice.name!r} ({voice.locale}) "
            f"for {LANGUAGE_NAMES[lang]}"
        )
        if wanted and voice.name.casefold() != wanted.strip().casefold():
            lines.append(
                f"warning: speech_voice_{lang} = {wanted!r} is not a {lang} voice of this "
                f"engine; using {voice.name!r}"
            )
    return lines
