"""Hostile input, round two (issue 10): numbers that could not be written back are refused at
load, naming the field; a session file that is not a regular small file is refused at once."""

from __future__ import annotations

import json
import os
import threading
from datetime import date

import pytest

from car_t_guide.core.session.files import (
    SessionError,
    empty_session,
    load_session,
    parse_session,
    save_session,
)

TODAY = date(2026, 11, 26)
HEAD = '{"format": "car-t-guide-session", "version": 1, "plan": {"collection": "2025-10-01"}'


def write(tmp_path, text: str, name: str = "ana.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("tail", "field", "words"),
    [
        (', "x": 1e999}', "x", "too large"),
        (', "x": -1e999}', "x", "too large"),
        (', "x": 1e-999}', "x", "too small"),
        (', "x": {"y": [1, Infinity]}}', "x.y[1]", "not a number JSON allows"),
        (', "x": ' + "9" * 5000 + "}", "x", "5000 digits"),
        (', "x": -' + "1" * 101 + "}", "x", "101 digits"),
        (', "patient": {"display_name": Infinity}}', "patient.display_name", "Infinity"),
        (', "patient": {"age_years": NaN}}', "patient.age_years", "NaN"),
    ],
)
def test_numbers_that_cannot_be_written_back_are_refused_naming_the_field(
    tmp_path, tail, field, words
):
    path = write(tmp_path, HEAD + tail)
    before = path.read_bytes()
    with pytest.raises(SessionError) as caught:
        load_session(path, today=TODAY)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{path}: {field}: ")
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before


def test_a_huge_version_number_is_refused_naming_the_version(tmp_path):
    path = write(tmp_path, '{"format": "car-t-guide-session", "version": ' + "7" * 5000 + "}")
    with pytest.raises(SessionError) as caught:
        load_session(path, today=TODAY)
    assert caught.value.field == "version"


@pytest.mark.parametrize(
    "number", ["1e308", "-2.5e-300", "0.0", "1" * 100, "-" + "9" * 100, "0.1", "123456789012"]
)
def test_every_number_that_loads_survives_a_save(tmp_path, number):
    path = write(tmp_path, HEAD + f', "x": {number}}}')
    loaded = load_session(path, today=TODAY)
    save_session(loaded.session, path, today=TODAY)
    again = load_session(path, today=TODAY)
    assert again.session == loaded.session
    assert json.loads(path.read_text())["x"] == json.loads(number)


def test_a_session_made_in_memory_with_an_unwritable_number_is_not_saved(tmp_path):
    session = empty_session()
    session.plan.collection = date(2025, 10, 1)
    session.extra["x"] = float("inf")
    path = tmp_path / "ana.json"
    path.write_text("old")
    with pytest.raises(SessionError) as caught:
        save_session(session, path, today=TODAY)
    assert caught.value.field == "x"
    assert path.read_text() == "old"


def test_a_document_with_a_huge_integer_in_memory_is_refused_not_crashed():
    doc = json.loads(HEAD + "}")
    doc["plan"]["extra"] = 10**5000
    with pytest.raises(SessionError) as caught:
        parse_session(doc, today=TODAY)
    assert caught.value.field == "plan.extra"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs exist only on POSIX systems")
def test_a_session_that_is_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "ana.json"
    os.mkfifo(fifo)
    result: list[BaseException] = []

    def load() -> None:
        try:
            load_session(fifo, today=TODAY)
        except BaseException as error:  # noqa: BLE001 (handed to the test thread)
            result.append(error)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # unblock the old code's read so the thread can end
        with open(fifo, "wb"):
            pass
        worker.join(timeout=5)
        pytest.fail("loading a FIFO as a session hung")
    assert isinstance(result[0], SessionError)
    assert "not a session file" in str(result[0])


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_session_that_is_a_device_is_refused_without_reading_it():
    with pytest.raises(SessionError) as caught:
        load_session("/dev/zero", today=TODAY)
    assert "not a session file" in str(caught.value)


def test_a_folder_named_as_a_session_is_refused(tmp_path):
    with pytest.raises(SessionError) as caught:
        load_session(tmp_path, today=TODAY)
    assert "not a session file" in str(caught.value)
