"""The texts a family reads at length, loaded from ``resources/content/<lang>/``.

Content is data: each item is ``{"text", "kind", "sources"}`` (see resources/content/README.md).
This module only reads it. The warning signs are read by ``call_plan.py`` (who to call for each),
the side effects, grades and medicines by ``care.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from car_t_guide.core.machine.paths import resource

STEP_COUNT = 6


@dataclass(frozen=True)
class Item:
    text: str
    kind: str
    sources: tuple[str, ...]


def item(raw: dict[str, Any]) -> Item:
    return Item(raw["text"], raw.get("kind", "fact"), tuple(raw.get("sources", ())))


def items(raw_list: list[dict[str, Any]] | None) -> list[Item]:
    return [item(entry) for entry in raw_list or ()]


@cache
def load(lang: str, name: str) -> dict[str, Any]:
    """The parsed content file ``name`` (without .json) in ``lang``."""
    path = resource("content", lang, f"{name}.json")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@dataclass(frozen=True)
class Source:
    """A document a clinician can find: what it is, the part read, the revision read."""

    key: str
    title: str
    section: str
    revised: str
    address: str = ""
    note: str = ""

    @property
    def citation(self) -> str:
        """One line for the printed sources list: the document and the revision read (the
        sections read are in resources/content/README.md, for a clinician's audit)."""
        revision = self.revised.split(" (")[0]  # "2019", "April 2024", "12/2025", "undated"
        return f"{self.title.rstrip('.')} ({revision})."


@cache
def sources() -> dict[str, Source]:
    """Every source key of ``resources/content/sources.json``."""
    with resource("content", "sources.json").open(encoding="utf-8") as handle:
        raw = json.load(handle)["sources"]
    return {
        key: Source(
            key,
            entry["title"],
            entry["section"],
            entry["revised"],
            entry.get("address", ""),
            entry.get("note", ""),
        )
        for key, entry in raw.items()
    }


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    title: str
    illustration: str
    summary: Item
    what_happens: list[Item]
    how_long: list[Item]
    what_you_do: list[Item]
    how_you_may_feel: list[Item]
    waiting_title: str
    waiting_time: list[Item]
    questions: list[Item]


def steps(lang: str) -> list[Step]:
    result = []
    for raw in load(lang, "steps")["steps"]:
        waiting = raw.get("waiting_time") or {}
        result.append(
            Step(
                id=raw["id"],
                number=raw["number"],
                title=raw["title"],
                illustration=raw["illustration"],
                summary=item(raw["summary"]),
                what_happens=items(raw.get("what_happens")),
                how_long=items(raw.get("how_long")),
                what_you_do=items(raw.get("what_you_do")),
                how_you_may_feel=items(raw.get("how_you_may_feel")),
                waiting_title=waiting.get("title", ""),
                waiting_time=items(waiting.get("items")),
                questions=items(raw.get("questions")),
            )
        )
    return result


@dataclass(frozen=True)
class Welcome:
    title: str
    intro: list[Item]
    how_to_use: list[Item]


def welcome(lang: str) -> Welcome:
    raw = load(lang, "welcome")
    return Welcome(raw["title"], items(raw.get("intro")), items(raw.get("how_to_use")))
