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


# Characters that reorder the text around them on screen (embeddings, overrides, isolates).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def terminal_line(text: str) -> str:
    """A message made safe for one terminal line: line breaks, escape sequences and other
    control characters, and direction controls, written as visible escapes (``\\n``,
    ``\\x1b``, ``\\u202e``); a byte of a file name that is not UTF-8 as ``\\xNN``. A file name
    someone chose can then neither split an ``error:`` line nor drive the terminal."""
    out = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
            out.append(f"\\x{code - 0xDC00:02x}")
        elif char in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char])
        elif code < 0x100 and unicodedata.category(char) == "Cc":
            out.append(f"\\x{code:02x}")
        elif char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp"):
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def without_direction_controls(text: str) -> str:
    """The text with direction controls left out: how a name the checks refuse (still being
    fixed in the nurse's form) is shown meanwhile, so it never shows backwards."""
    return "".join(char for char in text if char not in BIDI_CONTROLS)
