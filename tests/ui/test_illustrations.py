"""Every step has its own illustration, which Qt can draw, with no words inside it (the app
is multilingual: words belong in the content files)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtSvg import QSvgRenderer

from car_t_guide.core.content import texts as content
from car_t_guide.core.machine.paths import resource

SVG = "{http://www.w3.org/2000/svg}"


def illustration_names():
    names = {"welcome.svg"}
    for lang in ("en", "es"):
        names |= {step.illustration for step in content.steps(lang)}
    return sorted(names)


def test_each_step_has_a_different_picture():
    pictures = [step.illustration for step in content.steps("en")]
    assert len(set(pictures)) == content.STEP_COUNT


@pytest.mark.parametrize("name", illustration_names())
def test_illustration_is_valid_plain_svg(qapp, name):
    path = resource("illustrations", name)
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid(), name
    root = ET.parse(path).getroot()
    tags = {element.tag.replace(SVG, "") for element in root.iter()}
    assert not tags & {"text", "tspan", "image", "foreignObject", "script", "style"}, tags
    for element in root.iter():
        for attribute in ("fill", "stroke"):
            value = element.get(attribute)
            if value and value.startswith("#"):
                assert re.fullmatch(r"#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?", value), (name, value)
