"""Paper: --paper, then the center setting, then the system region — never the language."""

from __future__ import annotations

import pytest

from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.paper import paper_for_region, region_of, system_region


@pytest.mark.parametrize(
    "region, paper",
    [
        ("US", "letter"),
        ("CA", "letter"),
        ("MX", "letter"),
        ("PH", "letter"),
        ("CL", "letter"),
        ("CO", "letter"),
        ("VE", "letter"),
        ("PR", "letter"),
        ("GT", "letter"),
        ("CR", "letter"),
        ("ES", "a4"),
        ("GB", "a4"),
        ("AR", "a4"),
        ("DE", "a4"),
        ("CN", "a4"),
        ("", "a4"),
    ],
)
def test_the_region_decides_when_nothing_else_does(region, paper):
    assert paper_for_region(region=region) == paper


def test_command_line_wins_then_the_center_setting():
    center = CenterSettings(paper_size="a4")
    assert paper_for_region("letter", center, region="ES") == "letter"
    assert paper_for_region(None, center, region="US") == "a4"
    assert paper_for_region(None, CenterSettings(), region="US") == "letter"


@pytest.mark.parametrize(
    "environ, paper",
    [
        ({"LANG": "es_MX.UTF-8"}, "letter"),  # Spanish, in Mexico
        ({"LANG": "es_ES.UTF-8"}, "a4"),  # Spanish, in Spain
        ({"LANG": "en_GB.UTF-8"}, "a4"),  # English, in the UK
        ({"LANG": "en_GB.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "letter"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "de_DE.UTF-8"}, "a4"),
        ({"LANG": "C.UTF-8"}, "a4"),
        ({}, "a4"),
    ],
)
def test_the_language_never_decides_only_the_region(environ, paper):
    assert paper_for_region(environ=environ) == paper


def test_region_of_locale_names():
    assert region_of("es_MX.UTF-8") == "MX"
    assert region_of("en-US") == "US"
    assert region_of("sr_RS@latin") == "RS"
    assert region_of("zh_Hant_TW.UTF-8") == "TW"
    assert region_of("es_419") == "419"
    assert region_of("C") is None
    assert region_of("en") is None
    assert system_region({"LC_PAPER": "fr_CA.UTF-8"}) == "CA"
