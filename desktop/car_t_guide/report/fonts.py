"""The bundled fonts, registered with reportlab, and text split into runs each font can print.

reportlab has no font fallback: a Paragraph in Noto Sans prints "李小龍" as empty boxes (or not at
all). So every piece of text goes through ``split_runs`` first: each character is given the first
bundled font whose character map has it:

- Noto Sans: Latin (Vietnamese too), Greek, Cyrillic;
- NanumSquare: Korean (all 11,172 Hangul syllables and the jamo; Hangul goes here first, as
  Droid Sans Fallback has only 3 of the syllables);
- Droid Sans Fallback: Chinese and Japanese (Han, kana).

What prints as placeholders, plainly: the scripts no bundled font has — Hebrew, Arabic (and
Persian, Urdu), Thai, Lao, Khmer, Myanmar, Devanagari and the other Indic scripts (Bengali,
Tamil, Telugu…), Sinhala, Tibetan, Armenian, Georgian, Ethiopic — and emoji. reportlab cannot
shape Arabic or Indic text nor order right-to-left text, so a font alone would not print them
correctly either. Each such character prints as a visible placeholder and is reported, so the
caller says so in a ``warning:``.

Text from people is data, never markup: ``rich`` escapes every run before wrapping it in
``<font name=...>`` for a Paragraph.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from car_t_guide.core.machine.paths import resource

# Names the PDF uses for the bundled files.
REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"
CJK = "DroidSansFallback"
KOREAN = "NanumSquare"

_FILES = {
    REGULAR: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ITALIC: "NotoSans-Italic.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    KOREAN: "NanumSquareR.ttf",
}
# The fonts a run may fall back to, in order, after the font the text is set in.
_FALLBACKS = (REGULAR, CJK, KOREAN)
# Hangul goes to the Korean font first: one name, one face (NanumSquare also has some Han
# characters, which stay with Droid Sans Fallback, for the same reason).
_HANGUL_FALLBACKS = (KOREAN, REGULAR, CJK)
_HANGUL_RANGES = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7AF),
                  (0xD7B0, 0xD7FF))


def _is_hangul(code: int) -> bool:
    return any(low <= code <= high for low, high in _HANGUL_RANGES)

# What prints where no bundled font has the character: U+FFFD, the usual sign for "a character
# that cannot be shown" (Noto Sans has it; it has no U+25A1 white square).
PLACEHOLDER = "\ufffd"
PLACEHOLDER_FALLBACK = "?"

# Line breaks a person may type in a note: \n, \r\n, \r, and the Unicode line and paragraph
# separators.
_LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029", "\x85")

_ZWJ = "\u200d"

_lock = threading.Lock()
_registered = False
_cmaps: dict[str, frozenset[int]] = {}
# Per font, the characters it prints as they are (in its map, not right-to-left), made when the
# font is first used as a base font: text made only of them is one run, checked with one set
# operation (most of the summary's text is).
_plain: dict[str, frozenset[str]] = {}


def _plain_characters(font_name: str) -> frozenset[str]:
    found = _plain.get(font_name)
    if found is None:
        found = frozenset(c for c in map(chr, _cmaps[font_name]) if not _is_right_to_left(c))
        _plain[font_name] = found  # the same set whichever thread makes it first
    return found


def register_fonts() -> None:
    """Register the bundled TrueType fonts with reportlab once per process (thread-safe: the app
    builds the PDF in a worker thread). Every one is embedded (subset) in the PDFs that use it."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, file_name in _FILES.items():
            font = TTFont(name, str(resource("fonts", file_name)))
            pdfmetrics.registerFont(font)
            _cmaps[name] = frozenset(font.face.charToGlyph)
        # No bold italic file: bold stands in for it.
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
        )
        # Droid Sans Fallback and the Korean font ship one weight: <b> inside their runs keeps
        # the same face.
        for one_weight in (CJK, KOREAN):
            pdfmetrics.registerFontFamily(
                one_weight, normal=one_weight, bold=one_weight, italic=one_weight,
                boldItalic=one_weight,
            )
        _registered = True


def has_glyph(font_name: str, char: str) -> bool:
    register_fonts()
    return ord(char) in _cmaps[font_name]


def placeholder_for(font_name: str) -> str:
    return PLACEHOLDER if has_glyph(font_name, PLACEHOLDER) else PLACEHOLDER_FALLBACK


# --- Splitting text into runs --------------------------------------------------------------------


class Run(NamedTuple):
    font: str
    text: str


@dataclass(frozen=True)
class SplitText:
    """Text ready to print: its runs, and what could not be printed as typed."""

    runs: tuple[Run, ...]
    missing: tuple[str, ...]  # characters no bundled font has, each once, in order of appearance
    right_to_left: bool  # has Hebrew, Arabic or other right-to-left letters

    @property
    def text(self) -> str:
        """The text as it prints (placeholders in place of missing characters)."""
        return "".join(run.text for run in self.runs)


def _is_right_to_left(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def _is_invisible(char: str) -> bool:
    """Format characters (zero-width joiners, direction marks, soft hyphens) and variation
    selectors print nothing; where no font has them they are left out, not replaced."""
    code = ord(char)
    return (
        unicodedata.category(char) == "Cf" or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
    )


def _is_emoji_modifier(char: str) -> bool:
    return 0x1F3FB <= ord(char) <= 0x1F3FF


def _is_regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


@lru_cache(maxsize=8192)
def split_text(text: str, base_font: str = REGULAR) -> SplitText:
    """Split one line of text into runs, each in a font that has all its glyphs.

    The text is NFC-normalised first (Vietnamese typed with combining marks becomes the
    precomposed letters the fonts have). Each character goes to ``base_font`` if it has it, else
    to the first fallback that has it; a combining mark stays with the letter before it when that
    font has the mark. A character no font has becomes one placeholder (an emoji sequence joined
    with U+200D, a flag or an emoji with a skin tone is one placeholder, not several).
    A tab prints as a space. Control characters are refused before text gets here; should one
    get through, it prints as a placeholder too.
    """
    register_fonts()
    text = unicodedata.normalize("NFC", text).replace("\t", " ")
    if _plain_characters(base_font).issuperset(text):
        return SplitText((Run(base_font, text),) if text else (), (), False)  # the usual case
    placeholder = placeholder_for(base_font)
    runs: list[tuple[str, list[str]]] = []
    missing: list[str] = []
    right_to_left = False
    last_was_placeholder = False
    joining = False  # the character before was a ZWJ after a placeholder
    pending_regional = False  # an odd regional indicator was just replaced

    def put(font: str, char: str) -> None:
        if runs and runs[-1][0] == font:
            runs[-1][1].append(char)
        else:
            runs.append((font, [char]))

    def miss(char: str) -> None:
        nonlocal last_was_placeholder
        if char not in missing:
            missing.append(char)
        put(base_font, placeholder)
        last_was_placeholder = True

    for char in text:
        if _is_right_to_left(char):
            right_to_left = True
        current = runs[-1][0] if runs else base_font
        code = ord(char)
        if last_was_placeholder and (_is_invisible(char) or _is_emoji_modifier(char) or joining):
            # Part of the emoji sequence already shown as one placeholder.
            joining = char == _ZWJ
            if not _is_invisible(char) and char not in missing:
                missing.append(char)
            continue
        joining = False
        if _is_regional_indicator(char):
            if pending_regional:  # the second half of a flag
                pending_regional = False
                if char not in missing:
                    missing.append(char)
                continue
            pending_regional = True
        else:
            pending_regional = False
        if char == " " or unicodedata.category(char).startswith("M"):
            # Spaces and combining marks stay in the run they follow, when its font has them.
            if code in _cmaps[current]:
                put(current, char)
                last_was_placeholder = False
                continue
        fallbacks = _HANGUL_FALLBACKS if _is_hangul(code) else _FALLBACKS
        for font in (base_font, *(f for f in fallbacks if f != base_font)):
            if code in _cmaps[font]:
                put(font, char)
                last_was_placeholder = False
                break
        else:
            if _is_invisible(char):
                continue
            miss(char)
    return SplitText(
        tuple(Run(font, "".join(chars)) for font, chars in runs), tuple(missing), right_to_left
    )


def split_runs(text: str, base_font: str = REGULAR) -> list[Run]:
    """``[(font_name, text), ...]`` for one line of text (see ``split_text``)."""
    return list(split_text(text, base_font).runs)


def lines_of(text: str) -> list[str]:
    """A note's lines, whatever line breaks it was typed with."""
    for separator in _LINE_BREAKS:
        text = text.replace(separator, "\n")
    return text.split("\n")


def one_line(text: str) -> str:
    """Names and other one-line fields: any line break becomes a space."""
    return " ".join(lines_of(text))


def unbroken(text: str) -> str:
    """A phone number or an emergency number, kept on one line (no-break spaces)."""
    return text.replace(" ", "\u00a0")


def printed_text(text: str, *, multiline: bool = False) -> str:
    """What a piece of text reads back as from the PDF (tests; line breaks become spaces)."""
    parts = lines_of(text) if multiline else [one_line(text)]
    return " ".join(split_text(part).text for part in parts)


def rich(text: str, base_font: str = REGULAR, *, multiline: bool = False) -> str:
    """Paragraph markup for text someone typed: each run escaped (quotes too) and set in its font.

    One-line text (names, phone numbers) has its line breaks turned into spaces; ``multiline``
    text (notes) keeps them as ``<br/>``.
    """
    parts = lines_of(text) if multiline else [one_line(text)]
    return "<br/>".join(_rich_line(part, base_font) for part in parts)


_QUOTES = {'"': "&quot;", "'": "&#39;"}


def _rich_line(text: str, base_font: str) -> str:
    return "".join(
        f'<font name="{run.font}">{escape(run.text, _QUOTES)}</font>'
        for run in split_runs(text, base_font)
    )


@lru_cache(maxsize=8192)
def string_width(text: str, font_name: str, size: float) -> float:
    """The printed width of text in points, each run measured in the font it prints in."""
    return sum(
        pdfmetrics.stringWidth(run.text, run.font, size) for run in split_runs(text, font_name)
    )


def forget_text() -> None:
    """Empty the caches of split and measured text: they hold names and notes, which must not
    outlive the summary that printed them (a kiosk wipes a family's data when they walk away)."""
    split_text.cache_clear()
    string_width.cache_clear()
