"""The command line contract: --version, bad arguments, screenshot."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from car_t_guide import __version__
from car_t_guide.cli import main


def run_cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "car_t_guide", *args],
        capture_output=True, text=True, timeout=120, env=env,
    )


def test_version_prints_and_exits_zero():
    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize(
    "args, words",
    [
        (["--lang", "xx"], "language 'xx'"),
        (["--bogus"], "--bogus"),
        (["screenshot", "--page", "steps:7", "--out", "x.png"], "steps:7"),
        (["screenshot", "--page", "welcome", "--out", "x.png", "--size", "big"], "size"),
        (["screenshot", "--page", "welcome"], "--out"),
        (["screenshot", "--page", "welcome", "--out", "/no/such/folder/x.png"], "does not exist"),
    ],
)
def test_bad_arguments_get_one_error_line_and_exit_2(capsys, args, words):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: "), err
    assert words in err
    assert "Traceback" not in err


def test_screenshot_writes_a_png_of_the_asked_size(tmp_path, qapp):
    out = tmp_path / "s.png"
    assert main(["screenshot", "--page", "steps:3", "--lang", "es", "--out", str(out),
                 "--size", "1024x768"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 768)
    # Not a blank picture: many colours (text, illustration).
    colours = {image.pixel(x, y) for x in range(0, 1024, 16) for y in range(0, 768, 16)}
    assert len(colours) > 20


def test_screenshot_works_without_a_display(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "w.png"
    result = run_cli("screenshot", "--page", "welcome", "--out", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000
