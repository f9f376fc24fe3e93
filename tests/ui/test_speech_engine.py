"""The speech engine behind its small interface: Qt's mock engine, and a real speech-dispatcher
with espeak-ng speaking English and Spanish."""

from __future__ import annotations

import sys
import wave

import pytest

from car_t_guide.core.speech import Voice
from car_t_guide.ui.speech.engine import SpeechService
from tests.ui.speech_daemon import SpeechDaemon, missing_parts


@pytest.fixture
def service(qtbot, qapp):
    made = []

    def make(engine: str = "mock") -> SpeechService:
        speech = SpeechService(engine)
        made.append(speech)
        with qtbot.waitSignal(speech.ready, timeout=60_000):
            speech.start()
        return speech

    yield make
    for speech in made:
        speech.shutdown()


def record(speech: SpeechService) -> list[tuple]:
    events: list[tuple] = []
    for name in ("began", "ended", "paused", "resumed", "failed", "word"):
        getattr(speech, name).connect(lambda *args, n=name: events.append((n, *args)))
    return events


def test_mock_engine_says_each_word_in_order_then_ends(service, qtbot):
    speech = service()
    assert speech.availability.engine == "mock"
    voice = speech.voice_for("en")
    assert voice is not None and voice.locale == "en_US"
    events = record(speech)
    text = "Your child gets the cells back."
    with qtbot.waitSignal(speech.ended, timeout=5000):
        utterance = speech.say(text, voice)
    assert events[0] == ("began", utterance)
    assert events[-1] == ("ended", utterance)
    words = [text[start:start + length] for kind, _u, start, length in
             (e for e in events if e[0] == "word")]
    assert words == ["Your", "child", "gets", "the", "cells", "back"]


def test_the_mock_engine_has_no_spanish_voice(service):
    assert service().voice_for("es") is None


def test_a_stopped_utterance_never_says_it_ended(service, qtbot):
    speech = service()
    voice = speech.voice_for("en")
    events = record(speech)
    with qtbot.waitSignal(speech.began, timeout=5000):
        first = speech.say("one two three four five six seven eight nine ten", voice)
    speech.stop()
    with qtbot.waitSignal(speech.ended, timeout=5000):
        second = speech.say("and now this", voice)
    assert ("ended", first) not in events
    assert ("began", second) in events and events[-1] == ("ended", second)


def test_saying_something_new_replaces_what_was_being_said(service, qtbot):
    speech = service()
    voice = speech.voice_for("en")
    events = record(speech)
    with qtbot.waitSignal(speech.began, timeout=5000):
        first = speech.say("one two three four five six seven eight nine ten", voice)
    with qtbot.waitSignal(speech.ended, timeout=5000):
        second = speech.say("short", voice)
    assert [e for e in events if e[0] in ("began", "ended")] == [
        ("began", first), ("began", second), ("ended", second)
    ]


def test_pause_and_resume(service, qtbot):
    speech = service()
    voice = speech.voice_for("en")
    with qtbot.waitSignal(speech.began, timeout=5000):
        utterance = speech.say("one two three four five six seven eight", voice)
    with qtbot.waitSignal(speech.paused, timeout=5000) as paused:
        speech.pause()
    assert paused.args == [utterance]
    with qtbot.assertNotEmitted(speech.word, wait=300):
        pass  # paused: no words
    with qtbot.waitSignal(speech.resumed, timeout=5000):
        speech.resume()
    with qtbot.waitSignal(speech.ended, timeout=5000) as ended:
        pass
    assert ended.args == [utterance]


def test_an_engine_that_is_not_there_offers_no_voice(service):
    speech = service("no-such-engine")
    assert speech.availability.engine == ""
    assert "no-such-engine" in speech.availability.problem
    assert speech.voice_for("en") is None and speech.voice_for("es") is None


# --- a real engine --------------------------------------------------------------------------

@pytest.fixture
def speech_dispatcher(tmp_path, monkeypatch):
    if not sys.platform.startswith("linux"):
        pytest.skip("speech-dispatcher is the Linux engine")
    missing = missing_parts()
    if missing:
        pytest.skip(f"{missing} (Debian: speech-dispatcher speech-dispatcher-espeak-ng "
                    "espeak-ng; .ci/run installs them)")
    daemon = SpeechDaemon(tmp_path)
    daemon.start()
    monkeypatch.setenv("SPEECHD_ADDRESS", daemon.address)
    yield daemon
    daemon.stop()


def test_speech_dispatcher_speaks_english_and_spanish(service, qtbot, speech_dispatcher):
    speech = service("speechd")
    assert speech.availability.engine == "speechd", speech.availability.problem
    english, spanish = speech.voice_for("en"), speech.voice_for("es")
    assert english is not None and english.language == "en"
    assert spanish == Voice("Spanish (Latin America)", "es_419")
    for voice, text in (
        (english, "Call your care team right away if your child has a fever."),
        (spanish, "Llame a su equipo de inmediato si su hijo tiene fiebre."),
    ):
        before = speech_dispatcher.spoken_bytes()
        with qtbot.waitSignal(speech.began, timeout=20_000) as began:
            utterance = speech.say(text, voice)
        assert began.args == [utterance]
        with qtbot.waitSignal(speech.ended, timeout=20_000) as ended:
            pass
        assert ended.args == [utterance]
        qtbot.waitUntil(lambda b=before: speech_dispatcher.spoken_bytes() > b + 44_100)
    # What was written is sound: 16-bit samples, not silence. (The file is still open, so its
    # header does not count the frames yet: read past it.)
    with wave.open(str(speech_dispatcher.wav)) as spoken:
        assert spoken.getsampwidth() == 2
    frames = speech_dispatcher.wav.read_bytes()[44:]
    loudest = max(abs(int.from_bytes(frames[i:i + 2], "little", signed=True))
                  for i in range(0, len(frames) - 1, 2))
    assert loudest > 1000
