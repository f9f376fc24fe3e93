"""The summary's paragraphs keep the lines they broke for each width (report/markup.py): a
paragraph measured at several widths (a table, KeepInFrame shrinking the call-now page) prints
the lines of the width it is drawn at, the same lines as a paragraph broken only once."""

from __future__ import annotations

from car_t_guide.report.markup import Paragraph, Styles, text


def lines(paragraph: Paragraph) -> list[str]:
    return [" ".join(str(word) for word in line[1]) for line in paragraph.blPara.lines]


def broken_once(markup: str, style, width: float) -> list[str]:
    fresh = Paragraph(markup, style)
    fresh.wrap(width, 1000)
    return lines(fresh)


def test_a_paragraph_measured_at_several_widths_prints_the_lines_of_the_last_one():
    style = Styles().body
    markup = text("Call your CAR T team right away, day or night, for a fever. " * 6)
    paragraph = Paragraph(markup, style)
    narrow = paragraph.wrap(150, 1000)[1]
    wide = paragraph.wrap(450, 1000)[1]
    assert wide < narrow
    assert lines(paragraph) == broken_once(markup, style, 450)
    assert paragraph.wrap(150, 1000) == (150, narrow)
    assert lines(paragraph) == broken_once(markup, style, 150)
    assert paragraph.wrap(450.0000004, 1000)[1] == wide  # KeepInFrame's own rounding
    assert lines(paragraph) == broken_once(markup, style, 450)


def test_each_paragraph_keeps_its_own_lines():
    style = Styles().body
    first = Paragraph(text("First paragraph, short."), style)
    second = Paragraph(text("The second one is longer, " * 8), style)
    assert first.wrap(200, 1000)[1] < second.wrap(200, 1000)[1]
    assert first.wrap(200, 1000)[1] == style.leading
    assert lines(first) == ["First paragraph, short."]
