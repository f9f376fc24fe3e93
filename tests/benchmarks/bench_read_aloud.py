"""Read-aloud: how long from pressing the button to the first word, and how long a page takes.

    uv run python tests/benchmarks/bench_read_aloud.py [--runs 9] [--engine mock|speechd|both]

- Engine start: from the window being shown to the read-aloud button appearing (the engine
  starts in its own thread a moment after the first screen is drawn), and the longest time the
  GUI thread did not answer meanwhile (a 10 ms timer's longest gap).
- Button to first word: a click on "Read aloud" to the engine's first word (the mock engine
  reports each word) or to speech-dispatcher's "speaking began" (it reports no words; the
  sound starts then). For speech-dispatcher a private daemon is started (tests/ui/
  speech_daemon.py), writing its sound to a file: this machine has no sound card.
- Page length: every paragraph of a page (exactly ``car-t-guide transcript``) synthesized by
  espeak-ng to WAV files at the speeds speech-dispatcher uses for "normal" and "slower"
  (its espeak-ng module maps Qt's rate -1..0..1 to 80..170..449 words a minute), summed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TODAY = date(2013, 5, 1)
PAGES = ["welcome", "steps:1", "journey", "side-effects", "warning-signs"]
ESPEAK_VOICES = {"en": "en-us", "es": "es-419"}
# speech-dispatcher's espeak-ng module (modules/espeak-ng.conf): min, normal, max words a minute
ESPEAK_MIN, ESPEAK_NORMAL, ESPEAK_MAX = 80, 170, 449


def words_per_minute(qt_rate: float) -> int:
    if qt_rate < 0:
        return round(ESPEAK_NORMAL + qt_rate * (ESPEAK_NORMAL - ESPEAK_MIN))
    return round(ESPEAK_NORMAL + qt_rate * (ESPEAK_MAX - ESPEAK_NORMAL))


def button_to_first_word(engine: str, runs: int) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from car_t_guide.ui.app import create_application, create_main_window
    from car_t_guide.ui.speech import engine as engine_module
    from car_t_guide.ui.speech.engine import SpeechService

    app = create_application()
    service = SpeechService(engine)
    engine_module._shared = service  # the window uses this engine
    shown = time.perf_counter()
    window = create_main_window("en", today=TODAY)
    window.show()
    app.processEvents()
    ticks = [time.perf_counter()]
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    ticker.start()
    loop = QEventLoop()
    service.ready.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
    ticker.stop()
    ready = time.perf_counter() - shown
    longest_pause = max(b - a for a, b in zip(ticks, ticks[1:], strict=False))
    read_aloud = window.read_aloud
    if not read_aloud.is_available():
        raise SystemExit(f"{engine}: no voice ({service.availability})")

    first_event = service.word if engine == "mock" else service.began
    delays = []
    for _ in range(runs):
        window.show_page("welcome")
        got = []
        first_event.connect(lambda *_args, got=got: got.append(time.perf_counter()))
        pressed = time.perf_counter()
        read_aloud.read_button.click()
        deadline = pressed + 20
        while not got and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0005)
        first_event.disconnect()
        read_aloud.stop()
        end = time.perf_counter() + 0.3
        while time.perf_counter() < end:
            app.processEvents()
        if got:
            delays.append(got[0] - pressed)
    service.shutdown()
    window.close()
    QApplication.processEvents()
    return {"engine_ready_s": ready, "first_word_s": delays, "longest_pause_s": longest_pause}


def page_lengths(settings_rate: float = 0.0) -> list[tuple]:
    from car_t_guide.core.session.examples import load_example
    from car_t_guide.core.speech import NORMAL, SLOWER, rate_for
    from car_t_guide.ui.speech.transcript import transcript

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for lang in ("en", "es"):
            for page in PAGES:
                lines = transcript(page, lang=lang, session=load_example(1, today=TODAY),
                                   today=TODAY)
                words = sum(len(line.split()) for line in lines)
                seconds = {}
                for speed in (NORMAL, SLOWER):
                    wpm = words_per_minute(rate_for(speed, settings_rate))
                    total = 0.0
                    for n, line in enumerate(lines):
                        out = Path(folder) / f"{n}.wav"
                        subprocess.run(["espeak-ng", "-v", ESPEAK_VOICES[lang], "-s", str(wpm),
                                        "-w", str(out), line], check=True)
                        with wave.open(str(out)) as sound:
                            total += sound.getnframes() / sound.getframerate()
                    seconds[speed] = (total, wpm)
                rows.append((lang, page, len(lines), words, seconds[NORMAL], seconds[SLOWER]))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--engine", choices=["mock", "speechd", "both"], default="both")
    args = parser.parse_args()
    for variable in ("CAR_T_GUIDE_CONFIG_DIR", "CAR_T_GUIDE_DATA_DIR", "CAR_T_GUIDE_LOG_DIR"):
        os.environ[variable] = tempfile.mkdtemp(prefix="bench-")
    os.environ["CAR_T_GUIDE_SETTINGS"] = os.path.join(tempfile.mkdtemp(), "none.toml")

    engines = ["mock", "speechd"] if args.engine == "both" else [args.engine]
    daemon = None
    for engine in engines:
        if engine == "speechd":
            from tests.ui.speech_daemon import SpeechDaemon, missing_parts

            if missing_parts():
                print(f"speechd: skipped ({missing_parts()})")
                continue
            daemon = SpeechDaemon(Path(tempfile.mkdtemp(prefix="speechd-")))
            daemon.start()
            os.environ["SPEECHD_ADDRESS"] = daemon.address
        try:
            result = button_to_first_word(engine, args.runs)
        finally:
            if daemon is not None:
                daemon.stop()
                daemon = None
        delays = result["first_word_s"]
        print(f"{engine}: engine ready {result['engine_ready_s']:.2f} s after the window showed "
              f"(the screen's longest pause meanwhile: "
              f"{result['longest_pause_s'] * 1000:.0f} ms); "
              f"button to first word: median {statistics.median(delays) * 1000:.0f} ms, "
              f"max {max(delays) * 1000:.0f} ms ({len(delays)} presses)")

    print("\npage read aloud (espeak-ng, as speech-dispatcher drives it):")
    print(f"{'lang':4} {'page':14} {'parts':>5} {'words':>5}  {'normal':>16}  {'slower':>16}")
    for lang, page, parts, words, (normal, wpm_n), (slower, wpm_s) in page_lengths():
        print(f"{lang:4} {page:14} {parts:5d} {words:5d}  {normal:6.1f} s ({wpm_n} wpm)"
              f"  {slower:6.1f} s ({wpm_s} wpm)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
