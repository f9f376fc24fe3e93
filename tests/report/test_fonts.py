"""Font runs: each character in a bundled font that has its glyph; text escaped run by run."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics

from car_t_guide.report.fonts import (
    BOLD,
    CJK,
    KOREAN,
    PLACEHOLDER,
    REGULAR,
    has_glyph,
    lines_of,
    printed_text,
    register_fonts,
    rich,
    split_runs,
    split_text,
    string_width,
)


def test_the_bundled_fonts_are_registered_as_truetype():
    register_fonts()
    for name in (REGULAR, BOLD, CJK, KOREAN):
        assert pdfmetrics.getFont(name).face.charToGlyph


def test_chinese_goes_to_droid_sans_fallback_and_vietnamese_to_noto():
    assert split_runs("李小龍 Nguyễn") == [(CJK, "李小龍 "), (REGULAR, "Nguyễn")]


def test_vietnamese_typed_with_combining_marks_is_normalised():
    decomposed = "Nguye\u0302\u0303n"
    assert split_runs(decomposed) == [(REGULAR, "Nguyễn")]
    assert printed_text(decomposed) == "Nguyễn"


def test_emoji_become_one_placeholder_each_and_are_reported():
    split = split_text("Ana 😀 👨\u200d👩\u200d👧 👍🏽 🇲🇽!")
    assert split.text == f"Ana {PLACEHOLDER} {PLACEHOLDER} {PLACEHOLDER} {PLACEHOLDER}!"
    assert "😀" in split.missing and "👨" in split.missing and "🇲" in split.missing
    assert has_glyph(REGULAR, PLACEHOLDER)


def test_right_to_left_letters_do_not_crash_and_are_flagged():
    split = split_text("שלום Ana")
    assert split.right_to_left
    assert split.text.endswith(" Ana")  # logical order kept; the letters Noto lacks: placeholder
    assert split_text("Ana").right_to_left is False


def test_invisible_format_characters_no_font_has_are_left_out():
    assert split_text("a\U000e0041b").text == "ab"  # a tag character: nothing to show
    assert split_text("a\U000e0041b").missing == ()


def test_rich_escapes_every_run_quotes_too():
    markup = rich('<b>"Ana" & O\'Brien</b> 李')
    assert "<b>" not in markup
    assert "&lt;b&gt;&quot;Ana&quot; &amp; O&#39;Brien&lt;/b&gt;" in markup
    assert f'<font name="{CJK}">李</font>' in markup
    assert markup.count("<font ") == 2


def test_rich_keeps_line_breaks_only_for_notes():
    assert "<br/>" in rich("one\r\ntwo\u2028three", multiline=True)
    assert "<br/>" not in rich("one\ntwo")
    assert lines_of("a\r\nb\rc\u2029d") == ["a", "b", "c", "d"]


@pytest.mark.parametrize("text", ["Ana", "李小龍", "Nguyễn 李"])
def test_width_is_measured_in_the_font_each_run_prints_in(text):
    expected = sum(pdfmetrics.stringWidth(run.text, run.font, 10) for run in split_runs(text))
    assert string_width(text, REGULAR, 10) == pytest.approx(expected)
    assert string_width(text, REGULAR, 10) > 0


# --- issue 10, case 10: every script the app claims to cover prints ---


@pytest.mark.parametrize("name", ["김민준", "이서연", "박지훈", "최수아", "뷁", "힣", "ㄱㄴㄷ"])
def test_korean_names_print_in_the_korean_font_with_nothing_missing(name):
    split = split_text(name)
    assert split.missing == ()
    assert split.text == name
    assert {run.font for run in split.runs} == {KOREAN}


def test_every_hangul_syllable_has_a_glyph():
    missing = [chr(c) for c in range(0xAC00, 0xD7A4) if not has_glyph(KOREAN, chr(c))]
    assert missing == []


def test_a_korean_name_with_hanja_keeps_han_in_the_chinese_font():
    assert split_runs("김 金") == [(KOREAN, "김 "), (CJK, "金")]


@pytest.mark.parametrize(
    "text", ["שלום", "أحمد", "สมชาย", "राम", "Հայ", "ქართ", "አማ", "ខ្មែរ"],
    ids=["Hebrew", "Arabic", "Thai", "Devanagari", "Armenian", "Georgian", "Ethiopic", "Khmer"],
)
def test_scripts_the_fonts_do_not_cover_are_placeholders_and_reported(text):
    assert split_text(text).missing
