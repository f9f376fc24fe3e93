"""Read-aloud decisions that need no speech engine: which voice reads a language, how fast
"normal" and "slower" are, and what of a line is worth saying.

The engine (ui/speech/) hands over the voices it has as plain ``Voice`` values; the choice here
is the same for the app and for ``car-t-guide voices``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Voices for a language, best first, by region. Latin American Spanish first: most Spanish-
# speaking families at US and Latin American centers hear it as their own.
PREFERRED_REGIONS: dict[str, tuple[str, ...]] = {
    "en": ("US", "CA", "GB", "AU", "IE", "NZ"),
    "es": ("419", "MX", "US", "CO", "AR", "CL", "PE", "VE", "ES"),
}

NORMAL, SLOWER = "normal", "slower"
SPEEDS = (SLOWER, NORMAL)
SLOWER_STEP = 0.3  # "slower" reads this far below the center's normal rate (Qt's -1..1 scale)


@dataclass(frozen=True)
class Voice:
    name: str  # as the engine calls it ("Spanish (Latin America)")
    locale: str  # "es_419", "en_US"

    @property
    def language(self) -> str:
        return self.locale.replace("-", "_").split("_")[0].lower()

    @property
    def region(self) -> str:
        parts = self.locale.replace("-", "_").split("_")
        return parts[1].upper() if len(parts) > 1 else ""


def best_voice(voices: list[Voice], lang: str, wanted: str = "") -> Voice | None:
    """The voice that reads ``lang``: the center's choice (``wanted``, a voice name) when the
    engine has it for that language, else the best by region, a plain voice before its variants
    ("Spanish (Latin America)" before "Spanish (Latin America)+Adam")."""
    own = [voice for voice in voices if voice.language == lang]
    if wanted:
        for voice in own:
            if voice.name.casefold() == wanted.strip().casefold():
                return voice
    if not own:
        return None
    regions = PREFERRED_REGIONS.get(lang, ())

    def rank(voice: Voice) -> tuple:
        region = regions.index(voice.region) if voice.region in regions else len(regions)
        return (region, "+" in voice.name, voice.name.casefold())

    return min(own, key=rank)


def rate_for(speed: str, normal_rate: float) -> float:
    """The engine's rate (-1.0 to 1.0) for a speed the family picked."""
    rate = normal_rate - SLOWER_STEP if speed == SLOWER else normal_rate
    return max(-1.0, min(1.0, rate))


def speakable(text: str) -> str:
    """A line as it should be said: one line of words, without the marks that only help the
    eye (bullets, ticks, arrows). Empty when nothing is left to say."""
    words = " ".join(text.split())
    # Leading marks: "✓ Collection: …", "• …", "▶ Today …".
    while words and unicodedata.category(words[0])[0] in "SP" and words[0] not in "¿¡(\"'«":
        words = words[1:].lstrip()
    if not any(char.isalnum() for char in words):
        return ""
    return words
