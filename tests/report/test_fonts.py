"""Font runs: each character in a bundled font that has its glyph; text escaped run by run."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics

from car_t_guide.report.fonts import (
    BOLD,
    CJK,
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
    for name in (REGULAR, BOLD, CJK):
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
