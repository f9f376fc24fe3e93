"""Direction controls (U+202A-U+202E, U+2066-U+2069) in a name or another one-line field are
refused, naming the field: the screen would show "anA" where the paper prints "Ana" (issue 10,
case 11). A note may keep them (a nurse may isolate a phrase in another script)."""

from __future__ import annotations

from datetime import date

import pytest

from car_t_guide.core.plain_text import BIDI_CONTROLS, without_direction_controls
from car_t_guide.core.session.files import SessionError, parse_session

TODAY = date(2026, 11, 26)


def document(**parts):
    doc = {"format": "car-t-guide-session", "version": 1, "plan": {"collection": "2025-10-01"}}
    doc.update(parts)
    return doc


@pytest.mark.parametrize("control", sorted(BIDI_CONTROLS))
@pytest.mark.parametrize(
    ("part", "key"),
    [("patient", "display_name"), ("care_team", "center"), ("care_team", "phone_24h")],
)
def test_a_direction_control_in_a_one_line_field_is_refused(control, part, key):
    with pytest.raises(SessionError) as caught:
        parse_session(document(**{part: {key: f"Ana{control}María"}}), today=TODAY)
    assert caught.value.field == f"{part}.{key}"
    assert f"U+{ord(control):04X}" in caught.value.message
    assert "backwards" in caught.value.message


def test_a_note_may_isolate_a_phrase_in_another_script():
    note = "said \u2067أحمد\u2069 twice"
    loaded = parse_session(
        document(history=[{"kind": "diagnosis", "date": "2013", "note": note}]), today=TODAY
    )
    assert loaded.session.history[0].note == note


def test_the_marks_that_only_hint_a_direction_are_kept_in_a_name():
    name = "\u200fנועה\u200e"  # right-to-left and left-to-right marks change no order by force
    assert parse_session(document(patient={"display_name": name}), today=TODAY)


def test_a_name_being_fixed_is_shown_without_them():
    assert without_direction_controls("\u202eAna\u202c María\u2066") == "Ana María"


# --- issue 10, case 15: a session in a language this app does not have ---


def test_a_language_the_app_does_not_have_loads_with_a_warning_and_is_kept(tmp_path):
    from car_t_guide.core.session.files import load_session, save_session

    path = tmp_path / "ana.json"
    path.write_text('{"format": "car-t-guide-session", "version": 1, "language": "de",'
                    ' "plan": {"collection": "2025-10-01"}}')
    loaded = load_session(path, today=TODAY)
    warnings = [w for w in loaded.warnings if w.field == "language"]
    assert len(warnings) == 1
    assert str(warnings[0]).startswith(f"{path}: language: 'de' is not a language this app has")
    save_session(loaded.session, path, today=TODAY)
    assert load_session(path, today=TODAY).session.language == "de"


@pytest.mark.parametrize("language", ["en", "es", "es-MX", "es_419", "EN"])
def test_languages_the_app_has_load_without_that_warning(language):
    loaded = parse_session(document(language=language), today=TODAY)
    assert not [w for w in loaded.warnings if w.field == "language"]
