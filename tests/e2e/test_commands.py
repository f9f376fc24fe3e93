"""The public command line, end to end, in subprocesses as nurses' scripts and clinic IT use it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest

from tests.e2e.cli import run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "example-1.json"


def one_error_line(result) -> str:
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error: ")]
    # One error line; anything else is a plain warning line before it.
    assert len(errors) == 1, result.stderr
    assert all(line.startswith(("error: ", "warning: ")) for line in lines), result.stderr
    assert "Traceback" not in result.stderr
    return errors[0]


def test_export_writes_the_summary_without_qt(tmp_path):
    out = tmp_path / "summary.pdf"
    script = (
        "import sys\n"
        "from car_t_guide.cli import main\n"
        f"status = main(['export', {str(EXAMPLE)!r}, '--out', {str(out)!r}, '--lang', 'es',"
        " '--paper', 'a4'])\n"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NO-QT')\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("NO-QT")
    reader = pypdf.PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width), 1) == 595.3  # A4, as asked
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Example family 1" in text and "Resumen" in text
    assert "emergency card" in text  # the wallet card's English side in a Spanish summary


def test_export_of_a_broken_session_is_refused_and_leaves_it_untouched(tmp_path):
    broken = tmp_path / "ana.json"
    broken.write_text(
        json.dumps(
            {
                "format": "car-t-guide-session",
                "version": 1,
                "plan": {"collection": "2013-03-18", "infusion": "2013-03-01"},
            }
        )
    )
    before = broken.read_bytes()
    out = tmp_path / "ana.pdf"
    line = one_error_line(run("export", str(broken), "--out", str(out)))
    assert "ana.json" in line and "plan.infusion" in line
    assert broken.read_bytes() == before
    assert not out.exists()


def test_settings_command_says_where_each_value_comes_from(tmp_path):
    settings = tmp_path / "center.toml"
    settings.write_text("no_driving_days = 56\nstay_near_center_days = 28\n")
    result = run("settings", "--settings", str(settings))
    assert result.returncode == 0, result.stderr
    assert f"no_driving_days = 56   (--settings: {settings})" in result.stdout
    assert 'emergency_number = "911"   (default)' in result.stdout


def test_broken_settings_file_stops_the_app_naming_the_key(tmp_path):
    settings = tmp_path / "center.toml"
    settings.write_text('no_driving_days = "two weeks"\n')
    line = one_error_line(
        run(
            "--settings",
            str(settings),
            "--today",
            "2013-05-01",
            "--example",
            "1",
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )
    )
    assert "no_driving_days" in line


def test_kiosk_refuses_open_and_a_missing_pin(tmp_path):
    assert "--open" in one_error_line(run("--kiosk", "--open", str(EXAMPLE)))
    line = one_error_line(run("--kiosk", "--settings", str(tmp_path / "none.toml")))
    assert "set-staff-pin" in line


@pytest.mark.parametrize("which", [signal.SIGTERM, signal.SIGINT])
def test_kiosk_app_stops_cleanly_on_a_signal(tmp_path, which):
    settings = tmp_path / "center.toml"
    pin = run("set-staff-pin", "--from-stdin", "--settings", str(settings), input_text="482916\n")
    assert pin.returncode == 0, pin.stderr
    assert "482916" not in settings.read_text()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "car_t_guide",
            "--kiosk",
            "--settings",
            str(settings),
            "--example",
            "1",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    log_dir = Path(env["CAR_T_GUIDE_LOG_DIR"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # started: the log says so
        log = log_dir / "car-t-guide.log"
        if log.exists() and "app_started" in log.read_text():
            break
        time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("the kiosk did not start: " + process.communicate()[1])
    process.send_signal(which)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    log_text = (log_dir / "car-t-guide.log").read_text()
    assert "Example family" not in log_text and "555" not in log_text


def test_the_app_without_a_display_says_so_instead_of_hiding():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    line = one_error_line(run(env=env))
    assert "no display" in line


@pytest.mark.parametrize("page", ["journey", "summary", "side-effects", "check-understanding"])
def test_screenshot_of_a_family_page_needs_no_display(tmp_path, page):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / f"{page}.png"
    result = run("screenshot", "--page", page, "--example", "1", "--lang", "es", "--out",
                 str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 20_000  # a real picture, not an empty window


def test_export_takes_an_example_family_like_the_app_does(tmp_path):
    """Issue 14: `export --example 1 --out x.pdf` said "unrecognized arguments", though the
    examples are the first thing a new user tries."""
    out = tmp_path / "example.pdf"
    result = run("export", "--example", "1", "--out", str(out), "--today", "2013-05-01")
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "not exact" in text.lower()  # the example says its dates are for illustration
    both = run("export", str(EXAMPLE), "--example", "1", "--out", str(tmp_path / "b.pdf"))
    assert "--example" in one_error_line(both)
    assert "SESSION.json" in one_error_line(run("export", "--out", str(tmp_path / "c.pdf")))


def test_voices_says_the_engine_and_voice_for_each_language(tmp_path):
    # The tests' engine is Qt's mock engine (tests/conftest.py): English voices, no Spanish.
    settings = tmp_path / "center.toml"
    settings.write_text('speech_voice_en = "Mary"\n')
    result = run("voices", "--settings", str(settings))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# engine: mock")
    assert "en: mock, voice 'Mary' (en_US) for English" in lines
    assert "es: none: read-aloud hidden in this language" in lines
    assert result.stderr == ""


def test_voices_without_an_engine_hides_read_aloud_everywhere():
    env = dict(os.environ, CAR_T_GUIDE_SPEECH_ENGINE="none-here")
    result = run("voices", env=env)
    assert result.returncode == 0, result.stderr
    assert "en: none: read-aloud hidden in this language" in result.stdout
    assert "es: none: read-aloud hidden in this language" in result.stdout


def test_transcript_prints_what_read_aloud_says_without_a_display():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run("transcript", "--page", "journey", "--example", "1", "--today", "2013-05-01",
                 "--lang", "es", env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "El camino de Familia de ejemplo 1" or lines[0].startswith("El camino")
    # The chart is read as its key dates, never as "image".
    assert any(line.startswith("Recolección de células T: miércoles, 20 de marzo de 2013")
               for line in lines), lines
    assert all(line.strip() and "\n" not in line for line in lines)


def test_transcript_refuses_an_unknown_page():
    line = one_error_line(run("transcript", "--page", "steps:99"))
    assert "unknown page 'steps:99'" in line
