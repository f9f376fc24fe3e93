"""Showing a value someone typed inside a one-line message, safely."""

from __future__ import annotations

import unicodedata


def shown(value: str, limit: int = 40) -> str:
    """The value cut to ``limit`` characters, with line breaks and other invisible control
    characters written as \\uXXXX, so a message stays one readable line."""
    cut = value if len(value) <= limit else value[: limit - 1] + "…"
    return "".join(
        f"\\u{ord(char):04x}"
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp")
        else char
        for char in cut
    )
