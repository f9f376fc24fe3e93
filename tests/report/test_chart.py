"""The journey chart in the PDF: the app's own timeline layout, drawn as vectors."""

from __future__ import annotations

import pytest

from car_t_guide.core.chart.styles import STYLES
from car_t_guide.core.chart.timeline import CAR_T_ZOOM, HISTORY_ZOOM
from car_t_guide.core.journey import key_dates
from car_t_guide.report import chart
from car_t_guide.report.fonts import REGULAR, string_width
from car_t_guide.report.summary import build_summary
from tests.report.conftest import CENTER, TODAY, family_session
from tests.report.pdf_helpers import contains, page_texts, reader


@pytest.mark.parametrize("zoom", [CAR_T_ZOOM, HISTORY_ZOOM])
def test_layout_is_measured_with_reportlab_and_labels_do_not_overlap(zoom):
    session = family_session()
    keys = key_dates(session, CENTER, today=TODAY, lang="es")
    layout = chart.chart_layout(session, keys, zoom=zoom, today=TODAY, width=500, lang="es")
    boxes = layout.text_boxes()
    assert boxes
    for i, box in enumerate(boxes):
        assert 0 <= box.x and box.x + box.width <= 500 + 0.01
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other)
    for label in layout.labels:
        assert label.box.width == pytest.approx(
            string_width(label.text, REGULAR, chart.CHART_FONT_SIZE)
        )


def test_chart_words_read_back_from_page_one():
    session = family_session()
    pdf, _ = build_summary(session, lang="en", paper="letter", settings=CENTER, today=TODAY)
    keys = key_dates(session, CENTER, today=TODAY, lang="en")
    layout = chart.chart_layout(session, keys, zoom=CAR_T_ZOOM, today=TODAY, width=528, lang="en")
    first = page_texts(pdf)[0]
    for label in layout.labels:
        assert contains(first, label.text)
    for tick in layout.ticks:
        assert contains(first, tick.text)
    assert contains(first, layout.axis_title)


def test_chart_is_vector_graphics_not_a_picture():
    pdf, _ = build_summary(family_session(), lang="es", paper="a4", settings=CENTER, today=TODAY)
    for page in reader(pdf).pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())


def test_no_two_styles_look_the_same_in_grayscale():
    """Shape and pattern tell the styles apart without colour (except those meant to look
    alike in different zooms)."""
    looks = {}
    for style_id, style in STYLES.items():
        look = (style.shape, style.pattern)
        if look in looks and style_id not in ("car_t_steps",) and looks[look] != "car_t_steps":
            pytest.fail(f"{style_id} looks like {looks[look]} without colour: {look}")
        looks[look] = style_id
