"""Numbers the call-now list depends on, defined once (kymriah-medguide-2024, astct-2019)."""

from __future__ import annotations

from babel.numbers import format_decimal

# A fever of 38 °C or higher is the first call-now sign, and the fever that defines CRS.
FEVER_THRESHOLD_C = 38.0


def celsius_to_fahrenheit(celsius: float) -> float:
    return round(celsius * 9 / 5 + 32, 1)


FEVER_THRESHOLD_F = celsius_to_fahrenheit(FEVER_THRESHOLD_C)  # 100.4


def fever_threshold_texts(lang: str) -> tuple[str, str]:
    """("38 °C", "100.4 °F") written the way the language writes numbers ("100,4 °F" in es)."""
    celsius = format_decimal(FEVER_THRESHOLD_C, format="#,##0.#", locale=lang)
    fahrenheit = format_decimal(FEVER_THRESHOLD_F, format="#,##0.#", locale=lang)
    # A no-break space keeps the number and its unit on one line.
    return f"{celsius}\u00a0°C", f"{fahrenheit}\u00a0°F"
