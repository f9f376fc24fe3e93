"""Numbers the call-now list depends on, defined once (kymriah-medguide-2024, astct-2019)."""

from __future__ import annotations

import re
from functools import cache

from babel.numbers import format_decimal

# A fever of 38 °C or higher is the first call-now sign, and the fever that defines CRS.
FEVER_THRESHOLD_C = 38.0


def celsius_to_fahrenheit(celsius: float) -> float:
    return round(celsius * 9 / 5 + 32, 1)


FEVER_THRESHOLD_F = celsius_to_fahrenheit(FEVER_THRESHOLD_C)  # 100.4


def fever_threshold_texts(lang: str) -> tuple[str, str]:
    """("38 °C", "100.4 °F") written the way the language writes numbers ("100,4 °F" in es)."""
    return _threshold_texts(lang, FEVER_THRESHOLD_C, FEVER_THRESHOLD_F)


@cache  # content items ask for it for every sentence they load
def _threshold_texts(lang: str, celsius_value: float, fahrenheit_value: float) -> tuple[str, str]:
    celsius = format_decimal(celsius_value, format="#,##0.#", locale=lang)
    fahrenheit = format_decimal(fahrenheit_value, format="#,##0.#", locale=lang)
    # A no-break space keeps the number and its unit on one line.
    return f"{celsius}\u00a0°C", f"{fahrenheit}\u00a0°F"


# "38 °C", "100.4 °F", "100,4 °F", with a plain or a no-break space (or none).
_FEVER_C = re.compile(r"38(?:[.,]0)?[ \u00a0]?°C")
_FEVER_F = re.compile(r"100[.,]4[ \u00a0]?°F")


def with_fever_threshold(text: str, lang: str) -> str:
    """Content writes the threshold as "38 °C (100.4 °F)": the one definition above replaces
    it, written the way ``lang`` writes numbers."""
    celsius, fahrenheit = fever_threshold_texts(lang)
    return _FEVER_F.sub(fahrenheit, _FEVER_C.sub(celsius, text))
