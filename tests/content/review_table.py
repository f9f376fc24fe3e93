"""The review table of resources/content/README.md: every fact a family reads, its source keys,
and the document and revision behind each key, so a clinician can audit the content in one
sitting.

Made from the English content files, sources.json and the few sourced sentences that live in the
code (the wallet card, the default fever-medicine advice). Write it with

    uv run python -m tests.content.review_table

and a test (test_review_table.py) fails when the README's table is not the one this makes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = REPO_ROOT / "resources" / "content"
README = CONTENT_DIR / "README.md"
START = "<!-- review-table:start (made by: uv run python -m tests.content.review_table) -->"
END = "<!-- review-table:end -->"

# The files in the order a family meets them, and how each names its topics.
FILES = ["welcome", "steps", "warning_signs", "side_effects", "grades", "medicines", "teach_back"]


def _load(name: str) -> Any:
    with (CONTENT_DIR / "en" / f"{name}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _items(node: Any) -> list[dict]:
    """Every ITEM under ``node`` that states something (questions and feelings cite nothing)."""
    found: list[dict] = []
    if isinstance(node, dict):
        if isinstance(node.get("text"), str) and "kind" in node:
            if node["kind"] in ("fact", "advice"):
                found.append(node)
            return found
        for key, value in node.items():
            if key != "technical_terms":
                found += _items(value)
    elif isinstance(node, list):
        for value in node:
            found += _items(value)
    return found


def topics() -> list[tuple[str, list[dict]]]:
    """(topic, its stated items) in reading order."""
    found: list[tuple[str, list[dict]]] = []
    welcome = _load("welcome")
    found.append(("Welcome", _items(welcome)))
    for step in _load("steps")["steps"]:
        found.append((f"Step {step['number']}: {step['title']}", _items(step)))
    signs = _load("warning_signs")
    for key, title in (
        ("intro", "Call plan"),
        ("emergency_signs", "Call plan: call the emergency number now"),
        ("team_signs", "Call plan: call the CAR T team now"),
        ("any_sign", "Call plan"),
        ("seizure_first_aid", "Call plan: seizure first aid"),
        ("when_you_call", "Call plan: when you call"),
        ("fever_medicine_why", "Call plan: fever medicine"),
        ("after", "Call plan"),
    ):
        found.append((title, _items(signs.get(key))))
    side = _load("side_effects")
    found.append(("Side effects (overview)", _items(side.get("intro"))))
    for effect in side["effects"]:
        found.append((f"Side effect: {effect['title']}", _items(effect)))
        window = effect.get("when_days")
        if window:
            usual = f", half by day {window['usual']}" if window.get("usual") else ""
            chart = {
                "text": f"Chart: began day {window['from']} to day {window['to']}{usual}.",
                "sources": [window["source"]],
            }
            found.append((f"Side effect: {effect['title']}", [chart]))
    grades = _load("grades")
    found.append(("Grades", _items(grades)))
    medicines = _load("medicines")
    found.append(("Medicines", _items(medicines.get("intro"))))
    for medicine in medicines["medicines"]:
        found.append((f"Medicines: {medicine['title']}", _items(medicine)))
    # Teach-back: what the nurse listens for and the right answers (a wrong answer is a mistake
    # families make, not a claim: it is not listed).
    for topic in _load("teach_back")["topics"]:
        found.append((f"Check understanding: {topic['title']}", _items(topic)))
    return [(title, items) for title, items in found if items]


def code_facts() -> list[tuple[str, str, list[str]]]:
    """The sourced sentences that live in the code, in English."""
    sys.path.insert(0, str(REPO_ROOT / "desktop"))
    from car_t_guide.core.content.call_plan import DEFAULT_FEVER_MEDICINE_SOURCES
    from car_t_guide.core.machine.settings import DEFAULT_FEVER_MEDICINE
    from car_t_guide.report import wallet_card

    card = [
        wallet_card.RISK,
        wallet_card.CALL_FIRST,
        wallet_card.ANTIBODIES,
        wallet_card.HIV_TEST,
        wallet_card.NO_DONATION,
    ]
    return [
        (
            "Center setting fever_medicine (default)",
            DEFAULT_FEVER_MEDICINE,
            list(DEFAULT_FEVER_MEDICINE_SOURCES),
        ),
        *(("Wallet card (doctor's side)", line, list(wallet_card.CARD_SOURCES)) for line in card),
    ]


def table() -> str:
    sources = json.loads((CONTENT_DIR / "sources.json").read_text(encoding="utf-8"))["sources"]

    def short(entry: dict) -> str:
        """The document in a few words and its revision; the full entry is in the table below."""
        title = entry["title"].split(". ")[0].rstrip(".")
        if len(title) > 70:
            title = title[:69].rsplit(" ", 1)[0] + "…"
        return f"{_cell(title)} ({_cell(entry['revised'].split(' (')[0])})"

    def documents(keys: list[str]) -> str:
        return "<br>".join(f"`{key}`: {short(sources[key])}" for key in keys if key in sources)

    lines = [
        START,
        "",
        "### Facts and their sources",
        "",
        "| Topic | Fact (English; Spanish says the same) | Source keys "
        "| Document (revision read) |",
        "| --- | --- | --- | --- |",
    ]
    for title, items in topics():
        for item in items:
            keys = list(item.get("sources") or [])
            lines.append(
                f"| {_cell(title)} | {_cell(item['text'])} | "
                f"{', '.join(f'`{k}`' for k in keys) or 'none (not medical advice)'} | "
                f"{documents(keys)} |"
            )
    for title, text, keys in code_facts():
        lines.append(
            f"| {_cell(title)} | {_cell(text)} | {', '.join(f'`{k}`' for k in keys)} | "
            f"{documents(keys)} |"
        )
    lines += [
        "",
        "### The sources: what was read, and which revision",
        "",
        "| Key | Document | Section read | Revision read | Where | Note |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for key, entry in sources.items():
        lines.append(
            f"| `{key}` | {_cell(entry['title'])} | {_cell(entry['section'])} | "
            f"{_cell(entry['revised'])} | {_cell(entry.get('address', ''))} | "
            f"{_cell(entry.get('note', ''))} |"
        )
    lines += ["", END]
    return "\n".join(lines)


def readme_with_table(readme: str) -> str:
    if START in readme and END in readme:
        before = readme.split(START)[0]
        after = readme.split(END, 1)[1]
        return before + table() + after
    return readme.rstrip("\n") + "\n\n" + table() + "\n"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    README.write_text(readme_with_table(text), encoding="utf-8")
    print(f"wrote the review table to {README}")


if __name__ == "__main__":
    main()
