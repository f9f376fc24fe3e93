"""Logs never hold a family's personal data."""

from __future__ import annotations

import logging
import logging.handlers
import stat
import sys

import pytest

from car_t_guide.core.machine import logs, paths


@pytest.fixture
def log_file():
    path = logs.setup_logging()
    yield path
    logs.shutdown_logging()
    logs.forget_sensitive()


def written(path):
    for handler in logging.getLogger(logs.LOGGER_NAME).handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_names_phones_and_dates_never_reach_the_file(log_file):
    assert log_file.parent == paths.log_dir()
    logs.register_sensitive("Ana María López", "matched sibling donor")
    log = logging.getLogger("car_t_guide.ui.journey")
    log.info("saved session for Ana María López, born 2009-03-14")
    log.info("call %s about %s", "+1 555 010 0199", "ana maría lópez")
    log.warning("López asked about the donor: %s", "matched sibling donor")
    log.info("infusion on 10/05/2013, collection 2013-03")
    log.info("pages_built count=12")
    text = written(log_file)
    for secret in ("Ana", "María", "López", "lópez", "2009-03-14", "555 010 0199",
                   "0199", "sibling", "10/05/2013", "2013-03"):
        assert secret not in text
    assert "pages_built count=12" in text
    assert text.count(logs.HIDDEN) >= 6


def test_the_log_is_owner_only(log_file):
    logging.getLogger("car_t_guide").info("started")
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    if sys.platform != "win32":
        assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700


def test_an_exception_is_logged_as_type_and_place_only(log_file):
    logs.register_sensitive("Ana")
    try:
        raise ValueError("bad phone for Ana: 555-010-0199")
    except ValueError:
        logging.getLogger("car_t_guide").exception("save_failed")
    text = written(log_file)
    assert "ValueError" in text
    assert "test_logs.py" in text
    assert "in test_an_exception_is_logged_as_type_and_place_only" in text
    assert "bad phone" not in text and "Ana" not in text and "0199" not in text


def test_forgotten_values_are_no_longer_hidden():
    logs.register_sensitive("Mateo")
    assert logs.scrub("Mateo came") == "[hidden] came"
    logs.forget_sensitive()
    assert logs.scrub("Mateo came") == "Mateo came"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call (555) 010-0199 now", "call [hidden] now"),
        ("call +34 912 345 678", "call [hidden]"),
        ("12 pages, 3 topics", "12 pages, 3 topics"),
        ("version 0.1.0 content 2025.06", "version 0.1.0 content [hidden]"),
        ("took 125 ms", "took 125 ms"),
        ("born 14.03.2009", "born [hidden]"),
    ],
)
def test_scrub_hides_phones_and_dates_and_leaves_counts(text, expected):
    assert logs.scrub(text) == expected


def test_parts_of_words_are_not_hidden():
    logs.register_sensitive("Ana")
    try:
        assert logs.scrub("banana Ana ANA") == "banana [hidden] [hidden]"
    finally:
        logs.forget_sensitive()


def test_log_event_takes_numbers_only(log_file):
    logs.log_event("kiosk_wiped", pages=12, after_seconds=180.5)
    with pytest.raises(TypeError):
        logs.log_event("family_entered", name="Ana")
    with pytest.raises(ValueError):
        logs.log_event("Ana came")
    assert "kiosk_wiped pages=12 after_seconds=180.5" in written(log_file)


def test_an_unwritable_log_folder_does_not_stop_the_app(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert logs.setup_logging(directory=blocker / "logs") is None
    logging.getLogger("car_t_guide").info("still fine")


def test_setting_up_twice_keeps_one_handler(log_file):
    logs.setup_logging()
    ours = [h for h in logging.getLogger(logs.LOGGER_NAME).handlers
            if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(ours) == 1


def test_a_sessions_typed_text_is_registered():
    from datetime import date

    from car_t_guide.core.dates import PartialDate
    from car_t_guide.core.session.files import HistoryEvent, Medicine, empty_session

    session = empty_session()
    session.set_display_name("Mateo Ruiz")
    session.set_care_team("Hospital Infantil", "+34 912 345 678")
    session.add_history_event(HistoryEvent("transplant", PartialDate(2010, 1),
                                           note="donor was his aunt Carmen"))
    session.add_medicine(Medicine("Tocilizumab", purpose="for Mateo's fevers",
                                  until=date(2013, 6, 1)))
    session.mark_topic_reviewed("crs", by="RNK")
    try:
        logs.register_session(session)
        text = logs.scrub("Mateo; Ruiz; Carmen; RNK; fevers; Hospital")
        assert text == "[hidden]; [hidden]; [hidden]; [hidden]; [hidden]; Hospital"
    finally:
        logs.forget_sensitive()


def test_the_first_line_says_which_app_and_content_version_runs(log_file):
    """Issue 14: `app_started` did not say which app and content version was running (the
    content version, 2026.11-1, would otherwise be hidden as a date)."""
    from car_t_guide import CONTENT_VERSION, __version__

    logs.log_started(kiosk=True)
    first = written(log_file).splitlines()[0]
    assert first.endswith(f"app_started kiosk=True app={__version__} content={CONTENT_VERSION}")
    logs.log_event("later", when=2013.05)
    assert "[hidden]" not in written(log_file).splitlines()[0]
