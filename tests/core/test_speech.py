"""Which voice reads a language, how fast, and what of a line is said."""

from __future__ import annotations

from car_t_guide.core.speech import NORMAL, SLOWER, Voice, best_voice, rate_for, speakable

ESPEAK = [
    Voice("Spanish (Spain)", "es_ES"),
    Voice("Spanish (Latin America)+Adam", "es_419"),
    Voice("Spanish (Latin America)", "es_419"),
    Voice("English (Great Britain)", "en_GB"),
    Voice("English (America)+Annie", "en_US"),
    Voice("English (America)", "en_US"),
    Voice("French (France)", "fr_FR"),
]


def test_latin_american_spanish_is_preferred_and_plain_voices_before_variants():
    assert best_voice(ESPEAK, "es") == Voice("Spanish (Latin America)", "es_419")
    assert best_voice(ESPEAK, "en") == Voice("English (America)", "en_US")


def test_without_latin_american_spanish_another_spanish_voice_reads():
    voices = [v for v in ESPEAK if v.locale != "es_419"]
    assert best_voice(voices, "es") == Voice("Spanish (Spain)", "es_ES")


def test_no_voice_for_the_language_means_none():
    assert best_voice([v for v in ESPEAK if v.language != "es"], "es") is None
    assert best_voice([], "en") is None


def test_the_centers_voice_wins_when_the_engine_has_it_for_that_language():
    assert best_voice(ESPEAK, "es", "spanish (spain)") == Voice("Spanish (Spain)", "es_ES")
    # Not a Spanish voice, or not there at all: the best one instead.
    assert best_voice(ESPEAK, "es", "English (America)").locale == "es_419"
    assert best_voice(ESPEAK, "es", "Nobody").locale == "es_419"


def test_slower_is_a_step_below_the_centers_normal_and_stays_on_the_scale():
    assert rate_for(NORMAL, 0.2) == 0.2
    assert round(rate_for(SLOWER, 0.2), 2) == -0.1
    assert rate_for(SLOWER, -0.9) == -1.0
    assert rate_for(NORMAL, 1.0) == 1.0


def test_marks_for_the_eye_are_not_said():
    assert speakable("✓ T cells collected on Wednesday, March 20, 2013") == (
        "T cells collected on Wednesday, March 20, 2013"
    )
    assert speakable("•") == ""
    assert speakable("  ▶  Today:\n the infusion ") == "Today: the infusion"
    assert speakable("¿Tiene fiebre?") == "¿Tiene fiebre?"
    assert speakable("— · —") == ""
