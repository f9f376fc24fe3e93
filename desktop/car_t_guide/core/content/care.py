"""Side effects, grades, medicines and teach-back, loaded from ``resources/content/<lang>/``.

Teach-back lives in ``teach_back.py`` (it fills in the family's own dates); its names are
re-exported here.

The same shape as ``content.py``: typed, read-only data, one function per file, each taking the
language. Items keep their kind and source keys (resources/content/README.md), so screens can set
questions apart and the summary can list sources. The fever threshold is written in the content
as "38 °C (100.4 °F)"; it is replaced here by the one definition in ``warning_signs.py``, written
the way the language writes numbers, so this text always agrees with the call plan. Which signs
to call for, and whom to call, is the call plan's (``call_plan.py``): a topic only names its signs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from car_t_guide.core.content.teach_back import (  # noqa: F401  (teach-back, re-exported)
    Choice,
    FamilyFacts,
    SelfCheck,
    TeachBack,
    TeachBackTopic,
    family_facts,
    teach_back,
)
from car_t_guide.core.content.texts import Item, load
from car_t_guide.core.content.warning_signs import with_fever_threshold as _with_fever_threshold


def _item(raw: dict[str, Any], lang: str) -> Item:
    return Item(
        _with_fever_threshold(raw["text"], lang),
        raw.get("kind", "fact"),
        tuple(raw.get("sources", ())),
    )


def _items(raw_list: list[dict[str, Any]] | None, lang: str) -> list[Item]:
    return [_item(entry, lang) for entry in raw_list or ()]


# --- side effects ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayWindow:
    """When a side effect usually begins, in days after the infusion (day 0), from one source.

    ``first_day`` to ``last_day`` is the window in the source (the range, or the days by which
    most had begun); ``usual_day`` is the day by which half of the patients had it (a median),
    when the same source gives one. One source per window, and one per strip chart: a trial's
    median is never drawn beside a real-world median as if they were one study.
    """

    first_day: int
    last_day: int
    usual_day: int | None
    source: str

    def __post_init__(self) -> None:
        if not 0 <= self.first_day <= self.last_day:
            raise ValueError(f"when_days: from {self.first_day} to {self.last_day} is not a range")
        if self.usual_day is not None and not self.first_day <= self.usual_day <= self.last_day:
            raise ValueError(f"when_days: usual day {self.usual_day} is outside the range")

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.source,)


def _day_window(raw: dict[str, Any] | None) -> DayWindow | None:
    if raw is None:
        return None
    return DayWindow(
        first_day=int(raw["from"]),
        last_day=int(raw["to"]),
        usual_day=None if raw.get("usual") is None else int(raw["usual"]),
        source=raw["source"],
    )


@dataclass(frozen=True)
class MoreSection:
    """A section a topic adds after the usual ones ("How to prevent infections")."""

    title: str
    items: list[Item]


SECTIONS = ("what_it_is", "when", "what_you_may_see", "what_the_team_does")


@dataclass(frozen=True)
class SideEffect:
    """One topic, in the same shape for every topic: what it is, when, what the family may
    see, what the team does, and the signs to call for (ids of the call plan's signs)."""

    id: str
    title: str
    what_it_is: list[Item]
    when: list[Item]
    when_days: DayWindow | None
    what_you_may_see: list[Item]
    what_the_team_does: list[Item]
    call_for: tuple[str, ...]
    more_sections: tuple[MoreSection, ...] = ()
    # A topic that is not an illness ("Things to avoid") names its sections in its own words.
    section_titles: tuple[tuple[str, str], ...] = ()
    chart_title: str = ""  # the short name on the "when it usually begins" chart

    @property
    def short_title(self) -> str:
        return self.chart_title or self.title

    def section(self, name: str) -> list[Item]:
        if name not in SECTIONS:
            raise KeyError(name)
        return getattr(self, name)

    def section_title(self, name: str, default: str) -> str:
        return dict(self.section_titles).get(name) or default


@dataclass(frozen=True)
class SideEffects:
    title: str
    intro: list[Item]
    effects: list[SideEffect]

    def effect(self, effect_id: str) -> SideEffect:
        for effect in self.effects:
            if effect.id == effect_id:
                return effect
        raise KeyError(effect_id)


def side_effects(lang: str) -> SideEffects:
    raw = load(lang, "side_effects")
    effects = [
        SideEffect(
            id=entry["id"],
            title=entry["title"],
            what_it_is=_items(entry.get("what_it_is"), lang),
            when=_items(entry.get("when"), lang),
            when_days=_day_window(entry.get("when_days")),
            what_you_may_see=_items(entry.get("what_you_may_see"), lang),
            what_the_team_does=_items(entry.get("what_the_team_does"), lang),
            call_for=tuple(entry.get("call_for", ())),
            more_sections=tuple(
                MoreSection(more["title"], _items(more.get("items"), lang))
                for more in entry.get("more_sections", ())
            ),
            section_titles=tuple((entry.get("section_titles") or {}).items()),
            chart_title=entry.get("chart_title", ""),
        )
        for entry in raw["effects"]
    ]
    return SideEffects(raw["title"], _items(raw.get("intro"), lang), effects)


# --- grades ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Grade:
    grade: int
    text: Item


@dataclass(frozen=True)
class GradeScale:
    id: str
    title: str
    grades: list[Grade]


@dataclass(frozen=True)
class Grades:
    title: str
    intro: list[Item]
    scales: list[GradeScale]
    note: list[Item]

    @property
    def highest(self) -> int:
        return max((g.grade for scale in self.scales for g in scale.grades), default=0)


def grades(lang: str) -> Grades:
    raw = load(lang, "grades")
    scales = [
        GradeScale(
            id=scale["id"],
            title=scale["title"],
            grades=[Grade(int(g["grade"]), _item(g["text"], lang)) for g in scale["grades"]],
        )
        for scale in raw["scales"]
    ]
    return Grades(
        raw["title"], _items(raw.get("intro"), lang), scales, _items(raw.get("note"), lang)
    )


# --- medicines ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MedicineInfo:
    """General, sourced facts about a kind of medicine (not the family's own list)."""

    id: str
    title: str
    items: list[Item]


@dataclass(frozen=True)
class Medicines:
    title: str
    intro: list[Item]
    medicines: list[MedicineInfo]


def medicines(lang: str) -> Medicines:
    raw = load(lang, "medicines")
    return Medicines(
        raw["title"],
        _items(raw.get("intro"), lang),
        [MedicineInfo(m["id"], m["title"], _items(m.get("items"), lang)) for m in raw["medicines"]],
    )

