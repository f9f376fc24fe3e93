"""Teach-back: the questions that check what a family will do, with the family's own dates.

Loaded from ``resources/content/<lang>/teach_back.json`` (one topic per topic id of the session
file). Each topic has the nurse's open question, the points a nurse listens for, and the kiosk's
short question whose wrong answers are the mistakes families really make. Every text may hold:

- the fever threshold, written "38 °C (100.4 °F)" and replaced by the one definition in
  ``warning_signs.py``;
- ``{emergency_number}``: the center's emergency number (center settings);
- ``{stay_near_until}``, ``{no_driving_until}``: the family's own last day ("through Friday,
  May 24, 2013"), from the infusion day and the center's number of days, in the same words as
  the journey page; without an infusion day, the same rule relative to it ("for 2 weeks after
  the infusion"). A question written for a real date has a ``*_no_date`` twin for that case.

A point that carries ``"center_setting": "fever_medicine"`` is the center's own advice on fever
medicine when it sets its own (center settings ``fever_medicine``), else the shipped default,
which the content gives word for word with its sources (a test keeps the two the same).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from car_t_guide.core.content.texts import Item, load
from car_t_guide.core.content.warning_signs import with_fever_threshold
from car_t_guide.core.i18n import translations_in
from car_t_guide.core.journey import key_dates
from car_t_guide.core.machine.settings import DEFAULT_FEVER_MEDICINE, CenterSettings
from car_t_guide.core.session.model import Session

TEACH_BACK_PLACEHOLDERS = ("emergency_number", "stay_near_until", "no_driving_until")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# The center settings a point may stand for (its content text is the default).
CENTER_SETTINGS = ("fever_medicine",)


@dataclass(frozen=True)
class FamilyFacts:
    """What teach-back fills in for one family, in one language."""

    lang: str
    dated: bool  # the infusion day is known: questions ask "until what day"
    values: dict[str, str] = field(default_factory=dict)  # placeholder name -> text
    # The center's own words for a center setting ("fever_medicine"), when it sets one.
    center_words: dict[str, str] = field(default_factory=dict)


def family_facts(
    session: Session | None, settings: CenterSettings, *, today: date, lang: str
) -> FamilyFacts:
    """The family's dates (from the infusion day and the center's days) and the center's
    numbers and wording, in ``lang``."""
    session = session if session is not None else Session()
    by_id = {key.id: key for key in key_dates(session, settings, today=today, lang=lang)}
    tr = translations_in(lang)
    emergency = settings.emergency_number.strip()
    values = {
        "emergency_number": emergency or tr.gettext("the emergency number"),
        "stay_near_until": by_id["stay_near_center"].when_text,
        "no_driving_until": by_id["no_driving"].when_text,
    }
    center_words = {}
    own = settings.fever_medicine.strip()
    if own and own != DEFAULT_FEVER_MEDICINE:  # the center's own words, shown as written
        center_words["fever_medicine"] = own
    return FamilyFacts(lang, session.plan.infusion is not None, values, center_words)


def general_facts(lang: str) -> FamilyFacts:
    """No family: the center's defaults, every date relative to the infusion."""
    return family_facts(None, CenterSettings(), today=date.today(), lang=lang)


def fill(text: str, facts: FamilyFacts) -> str:
    def value(found: re.Match[str]) -> str:
        name = found.group(1)
        if name not in facts.values:
            raise KeyError(f"teach-back text has an unknown placeholder {{{name}}}: {text!r}")
        return facts.values[name]

    return _PLACEHOLDER.sub(value, with_fever_threshold(text, facts.lang))


@dataclass(frozen=True)
class Choice:
    id: str
    text: str
    correct: bool
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class SelfCheck:
    """The kiosk's short multiple-choice question, with the explanation shown after any answer."""

    question: Item
    choices: list[Choice]
    explain: Item

    def __post_init__(self) -> None:
        if sum(choice.correct for choice in self.choices) != 1:
            raise ValueError(f"self-check {self.question.text!r} needs exactly one right answer")

    @property
    def right_choice(self) -> Choice:
        return next(choice for choice in self.choices if choice.correct)

    def is_right(self, choice_id: str) -> bool:
        return self.right_choice.id == choice_id


@dataclass(frozen=True)
class TeachBackTopic:
    id: str  # a topic id of the session file (DESIGN.md)
    title: str
    nurse_prompt: Item
    listen_for: list[Item]  # what the nurse listens for in the family's answer
    self_check: SelfCheck
    # The points that are a center's own advice (fever medicine): the kiosk shows them too.
    center_advice: list[Item] = field(default_factory=list)

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source key behind the topic, in the order first used."""
        keys: list[str] = []
        items = [
            self.nurse_prompt,
            *self.listen_for,
            self.self_check.question,
            self.self_check.explain,
        ]
        for found in [*(i.sources for i in items), *(c.sources for c in self.self_check.choices)]:
            keys += [key for key in found if key not in keys]
        return tuple(keys)


@dataclass(frozen=True)
class TeachBack:
    title: str
    topics: list[TeachBackTopic]

    def topic(self, topic_id: str) -> TeachBackTopic:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)


def _item(raw: dict[str, Any], facts: FamilyFacts) -> Item:
    return Item(fill(raw["text"], facts), raw.get("kind", "fact"), tuple(raw.get("sources", ())))


def _dated(raw: dict[str, Any], name: str, facts: FamilyFacts) -> Item:
    """The text asked with the family's date, or its ``*_no_date`` twin when there is none."""
    if not facts.dated and f"{name}_no_date" in raw:
        return _item(raw[f"{name}_no_date"], facts)
    return _item(raw[name], facts)


def _point(raw: dict[str, Any], facts: FamilyFacts) -> Item:
    setting = raw.get("center_setting")
    if setting is None:
        return _item(raw, facts)
    if setting not in CENTER_SETTINGS:
        raise KeyError(f"teach-back point stands for an unknown center setting {setting!r}")
    own = facts.center_words.get(setting)
    if own is None:
        return _item(raw, facts)  # the shipped default, in the family's language, with sources
    return Item(own, "advice", ())  # the center's own words: its policy, not a sourced fact


def teach_back(lang: str, facts: FamilyFacts | None = None) -> TeachBack:
    """The teach-back topics in ``lang``, filled in for a family (default: no family, the
    center defaults, dates relative to the infusion)."""
    facts = facts or general_facts(lang)
    raw = load(lang, "teach_back")
    topics = []
    for entry in raw["topics"]:
        check = entry["self_check"]
        points = entry.get("listen_for", [])
        topics.append(
            TeachBackTopic(
                id=entry["id"],
                title=entry["title"],
                nurse_prompt=_dated(entry, "nurse_prompt", facts),
                listen_for=[_point(point, facts) for point in points],
                self_check=SelfCheck(
                    question=_dated(check, "question", facts),
                    choices=[
                        Choice(
                            c["id"],
                            fill(c["text"], facts),
                            bool(c["correct"]),
                            tuple(c.get("sources", ())),
                        )
                        for c in check["choices"]
                    ],
                    explain=_item(check["explain"], facts),
                ),
                center_advice=[_point(p, facts) for p in points if p.get("center_setting")],
            )
        )
    return TeachBack(raw["title"], topics)
