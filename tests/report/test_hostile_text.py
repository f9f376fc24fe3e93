"""Names and notes are data, never markup: whatever a family or a nurse types either prints and
reads back from the PDF (characters no font has print as the placeholder), or — control
characters only — is refused with the app's own error, naming the field."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.plain_text import BIDI_CONTROLS
from car_t_guide.core.session.fields import MAX_NAME_CHARS
from car_t_guide.core.session.files import SessionError
from car_t_guide.report.fonts import BOLD, lines_of, printed_text, split_runs, split_text
from car_t_guide.report.summary import build_summary
from tests.report.conftest import PROFILE, TODAY, family_session
from tests.report.pdf_helpers import page_texts, squeeze, text_outside

HOSTILE = [
    "<", ">", "&", "&amp;", "&#60;", "'", '"', "<b>", "</para>", "<font name='x'>", "]]>",
    "é", "ñ", "Ñuñoa", "Nguyễn", "Đức", "e\u0301", "Mu\u0308ller", "Ệ",
    "李小龍", "김민준", "さくら", "Иван", "Ελένη",
    "נועה", "أحمد", "\u200f", "\u202e", "\u2066", "\u2069", "\u202a",
    "😀", "👧🏽", "👨\u200d👩\u200d👧", "🇲🇽", "\u2603\ufe0f",
    "\u00a0", "\u2028", "\u00ad", "\ufeff", "\u3000",
    "{name}", "%s", "\\", " ",
]  # fmt: skip
CONTROL = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b"]
LINE_BREAKS = ["\n", "\r\n", "\t"]

piece = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=3),
)
names = (
    st.lists(st.one_of(piece, piece, piece, st.sampled_from(CONTROL)), max_size=12)
    .map("".join)
    .filter(lambda name: len(name) <= MAX_NAME_CHARS)
)
# Short enough that a note's table row never splits across two pages (tests/report/
# test_summary.py checks long ones).
notes = (
    st.lists(
        st.one_of(piece, piece, st.sampled_from(LINE_BREAKS), st.sampled_from(CONTROL)), max_size=10
    )
    .map("".join)
    .filter(lambda note: len(note) <= 60)
)


def refused_in_a_name(text: str) -> bool:
    # Control characters, and direction controls (a name must read the same on screen and paper)
    return any(unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS for char in text)


def refused_in_a_note(text: str) -> bool:
    return any(unicodedata.category(char) == "Cc" and char not in "\n\r\t" for char in text)


@hypothesis_settings(hypothesis_settings.get_profile(PROFILE))
@given(name=names, note=notes)
@example(name='<b>"Ana" & O\'Brien</b>', note="</para><font name='x'>&amp;")
@example(name="李小龍 Nguyễn 😀 נועה", note="e\u0301\u00ad\u200f🇲🇽\nnext line")
@example(name="Ana\x07", note="fine")
@example(name="\u202eanA", note="a note may hold \u2067an isolate\u2069")
@example(name="Ana", note="bell\x07")
def test_typed_text_prints_or_is_refused(name, note):
    session = family_session()
    session.patient.display_name = name
    session.history[0].note = note
    refused_field = (
        "patient.display_name"
        if refused_in_a_name(name)
        else "history[0].note"
        if refused_in_a_note(note)
        else None
    )
    if refused_field:
        with pytest.raises(SessionError) as refused:
            build_summary(
                session, lang="es", paper="letter", settings=CenterSettings(), today=TODAY
            )
        assert refused.value.field == refused_field
        assert "U+" in refused.value.message
        return

    pdf, warnings = build_summary(
        session, lang="es", paper="letter", settings=CenterSettings(), today=TODAY
    )
    texts = page_texts(pdf)
    assert squeeze(printed_text(name)) in squeeze(texts[0])
    assert squeeze(printed_text(note, multiline=True)) in squeeze("".join(texts[2:]))
    assert text_outside(pdf) == []
    for field_name, value in (("patient.display_name", name), ("history[0].note", note)):
        # A character no font has, or right-to-left letters: the caller is told.
        splits = [split_text(line) for line in lines_of(value)]
        imperfect = any(split.missing or split.right_to_left for split in splits)
        warned = any(warning.field == field_name for warning in warnings)
        assert warned == imperfect, (field_name, warnings)


@pytest.mark.parametrize("name", ['<b>"Ana" & O\'Brien</b>', "a < b && c > d"])
def test_markup_in_a_name_is_printed_as_typed(name):
    session = family_session()
    session.patient.display_name = name
    pdf, warnings = build_summary(
        session, lang="en", paper="a4", settings=CenterSettings(), today=TODAY
    )
    assert warnings == []
    assert squeeze(name) in squeeze(page_texts(pdf)[0])


def test_each_run_has_a_font_with_every_glyph():
    runs = split_runs("李小龍 Nguyễn", BOLD)
    assert [run.font for run in runs] == ["DroidSansFallback", BOLD]
    assert "".join(run.text for run in runs) == "李小龍 Nguyễn"


def test_a_korean_name_prints_and_reads_back_from_the_pdf():
    """Issue 10, case 10: Korean names printed as "���" though Korean was said to be covered."""
    session = family_session()
    session.patient.display_name = "김민준 Kim"
    session.history[0].note = "서울에서 진단"
    pdf, warnings = build_summary(
        session, lang="en", paper="letter", settings=CenterSettings(), today=TODAY
    )
    assert not [w for w in warnings if w.startswith(("patient.", "history["))]
    texts = page_texts(pdf)
    assert "김민준" in texts[0] and "\ufffd" not in texts[0]
    assert squeeze("서울에서 진단") in squeeze("".join(texts[2:]))
    assert b"NanumSquare" in pdf  # embedded, so it prints on any printer
