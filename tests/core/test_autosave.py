"""Staff-mode autosave: owner-only, offered back, removed on discard."""

from __future__ import annotations

import json
import stat
from datetime import date

from car_t_guide.core.machine import autosave, paths
from car_t_guide.core.session.files import empty_session


def a_session():
    session = empty_session()
    session.set_display_name("Ana")
    session.set_collection(date(2013, 3, 20))
    session.set_infusion(date(2013, 5, 10))
    return session


def test_nothing_pending_at_first():
    assert autosave.pending_autosave() is None


def test_write_offer_back_and_discard():
    path = autosave.write_autosave(a_session())
    assert path == paths.data_dir() / "autosave.json"
    assert autosave.pending_autosave() == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    loaded = autosave.load_autosave(today=date(2013, 4, 1))
    assert loaded.session.patient.display_name == "Ana"
    assert loaded.session.plan.infusion == date(2013, 5, 10)
    autosave.discard_autosave()
    assert autosave.pending_autosave() is None
    autosave.discard_autosave()  # twice is fine


def test_work_in_progress_is_kept_even_when_it_could_not_be_saved_as_a_file():
    session = empty_session()
    session.set_display_name("Ana")  # no collection date yet
    path = autosave.write_autosave(session)
    assert json.loads(path.read_text(encoding="utf-8"))["patient"]["display_name"] == "Ana"


def test_a_second_write_replaces_the_first_and_leaves_no_temporaries():
    autosave.write_autosave(a_session())
    session = a_session()
    session.set_display_name("Mateo")
    path = autosave.write_autosave(session)
    assert json.loads(path.read_text(encoding="utf-8"))["patient"]["display_name"] == "Mateo"
    assert [p.name for p in path.parent.iterdir()] == ["autosave.json"]


def test_discard_removes_half_written_leftovers():
    folder = paths.data_dir()
    folder.mkdir(parents=True)
    (folder / ".autosave.json.abc123.tmp").write_text("{half")
    autosave.discard_autosave()
    assert list(folder.iterdir()) == []
