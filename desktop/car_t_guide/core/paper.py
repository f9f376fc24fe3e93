"""Which paper the summary is printed on: Letter or A4 (a locale rule: no reportlab here, so
the screens can ask it without loading the PDF library).

DESIGN.md: ``--paper`` wins, then the center setting, then the system locale's *region* (Letter
for the US, Canada, Mexico and a few more; A4 elsewhere) — never the language: a Spanish-speaking
family in Chicago prints on Letter, an English-speaking one in London on A4.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Mapping

from car_t_guide.core.machine.settings import CenterSettings

PAPERS = ("letter", "a4")

# CLDR supplemental data, measurementData/paperSize "US-Letter"; everywhere else uses A4.
LETTER_REGIONS = frozenset(
    {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}
)

# "es_MX.UTF-8", "en-US", "fr_CA@euro" -> the region.
_REGION = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z]{4})?[_-]([A-Za-z]{2}|\d{3})(?=$|[.@_-])")


def region_of(locale_name: str | None) -> str | None:
    """The region part of a locale name ("MX" from "es_MX.UTF-8"), or None ("C", "POSIX", "en")."""
    if not locale_name:
        return None
    found = _REGION.match(locale_name.strip())
    return found[1].upper() if found else None


def system_region(environ: Mapping[str, str] | None = None) -> str | None:
    """The region of the system locale that governs paper: LC_ALL, then LC_PAPER (the POSIX
    category for exactly this), then LANG, then what the platform reports."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        found = region_of(environ.get(variable))
        if found:
            return found
    if environ is os.environ:
        try:
            return region_of(locale.getlocale()[0])
        except ValueError:
            return None
    return None


def paper_of_region(region: str | None) -> str:
    """ "letter" for the regions that use US Letter, else "a4" (also when the region is unknown)."""
    return "letter" if region and region.upper() in LETTER_REGIONS else "a4"


def normalize_paper(value: str | None) -> str | None:
    """ "Letter", "US-Letter", "A4" -> "letter" / "a4"; None for anything else (or nothing)."""
    if not value:
        return None
    key = value.strip().lower().replace("us-", "").replace("us ", "")
    return key if key in PAPERS else None


def paper_for_region(
    requested: str | None = None,
    settings: CenterSettings | None = None,
    *,
    region: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The paper to print on, "letter" or "a4": ``requested`` (``--paper``), else the center's
    ``paper_size`` setting, else the paper of ``region`` (the system locale's region when not
    given). Never the language."""
    for choice in (requested, settings.paper_size if settings else None):
        found = normalize_paper(choice)
        if found:
            return found
    return paper_of_region(region if region is not None else system_region(environ))
