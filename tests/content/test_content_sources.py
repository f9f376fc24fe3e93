"""The content files keep their promises (resources/content/README.md).

- Every ITEM ({"text", "kind", "sources"}) has a known kind; a "fact" names at least one source;
  every source key is in resources/content/sources.json, and every source there names its
  document, the section read and the revision read.
- Every language has the same files as English, the same ids, the same list lengths and the same
  kinds and source keys item by item: a translation never adds or drops a fact.
- The steps are the six of Fig. 1, in order, each with its illustration; the call plan splits the
  signs into "emergency number now" (seizure, cannot be woken, very hard breathing first) and
  "CAR T team now" (fever, ...), and covers every sign of the Medication Guide; every side effect
  names signs of that plan; placeholders appear only in the fever sign.
- Numbers that are center settings (days near the center, days without driving) are not in the
  content.

Generic over every *.json file under resources/content/<lang>/, so files other helpers add
(side_effects.json, medicines.json, ...) are checked the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from car_t_guide.core.content import teach_back as teach_back_module

REPO_ROOT = Path(__file__).resolve().parents[2]


# The helpers live beside the tests (tests/ is a package, see tests/__init__.py).
from tests.content import readability as rd  # noqa: E402

CONTENT_DIR = REPO_ROOT / "resources" / "content"
SOURCES_FILE = CONTENT_DIR / "sources.json"
REFERENCE = "en"
KINDS = {"fact", "advice", "feeling", "question"}

STEP_IDS = ["collection", "activation", "car_gene", "growing", "final_product", "infusion"]
STEP_ILLUSTRATIONS = {
    "collection": "step-1-collection.svg",
    "activation": "step-2-activation.svg",
    "car_gene": "step-3-car-gene.svg",
    "growing": "step-4-growing.svg",
    "final_product": "step-5-final-product.svg",
    "infusion": "step-6-infusion.svg",
}
STEP_SECTIONS = [
    "summary",
    "what_happens",
    "how_long",
    "what_you_do",
    "how_you_may_feel",
    "questions",
]

# The call plan: these come first, under the emergency number (msk-er, cdc-seizure).
EMERGENCY_FIRST = ["seizure", "cannot_wake", "breathing_hard"]
# Every sign of the Kymriah Medication Guide (April 2024) and the call-plan sign that covers it,
# in the family's words. Low blood pressure cannot be seen at home: the signs a parent can see
# stand for it (shock under the emergency number, dizziness under the team).
MEDICATION_GUIDE_SIGNS = {
    "difficulty breathing": "breathing",
    "fever (100.4 °F / 38 °C or higher)": "fever",
    "chills / shaking chills": "fever",
    "confusion": "confused",
    "severe nausea, vomiting, diarrhea": "stomach",
    "severe muscle or joint pain": "stomach",
    "very low blood pressure": "dizzy",
    "dizziness / lightheadedness": "dizzy",
    "less alert": "confused",
    "delirium, agitation": "confused",
    "seizures": "seizure",
    "trouble speaking or understanding": "speaking",
    "loss of balance": "speaking",
}
FEVER_PLACEHOLDERS = {"{fever_c}", "{fever_f}"}
# Teach-back answers use the family's own dates and the center's emergency number.
TEACH_BACK_PLACEHOLDERS = {"{" + name + "}" for name in teach_back_module.TEACH_BACK_PLACEHOLDERS}

# Keys whose string values are translated text; every other scalar must match English.
TRANSLATED_KEYS = {"text", "title", "short", "chart_title"}
# Objects whose every string value is translated text.
TRANSLATED_OBJECTS = {"section_titles"}
SOURCE_FIELDS = {"title", "section", "revised"}
SOURCE_OPTIONAL_FIELDS = {"address", "note"}
# Lists that may differ in length between languages.
FREE_LISTS = {"technical_terms"}
# Source keys whose facts are center settings: no number in the text.
CENTER_SETTING_SOURCES = {"fda-2025-rems"}

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _languages() -> list[str]:
    if not CONTENT_DIR.is_dir():
        return []
    return rd.content_languages()


def _all_files() -> list[Path]:
    return [path for lang in _languages() for path in rd.content_files(lang)]


def _translated_files() -> list[Path]:
    return [p for p in _all_files() if p.parent.name != REFERENCE]


def _file_param(path: Path):
    return pytest.param(path, id=rd.relative_name(path))


ALL_FILES = [_file_param(p) for p in _all_files()]
TRANSLATED_FILES = [_file_param(p) for p in _translated_files()]


def _sources() -> dict[str, Any]:
    return json.loads(SOURCES_FILE.read_text(encoding="utf-8"))["sources"]


def _source_keys() -> set[str]:
    return set(_sources())


def _walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(path, node) for every node, paths like ``steps[2].what_happens[1]`` (the words left out
    of the readability score, ``technical_terms``, are not content)."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "technical_terms":
                continue
            yield from _walk(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}[{index}]")


def _is_item(node: Any) -> bool:
    return isinstance(node, dict) and isinstance(node.get("text"), str)


def _items(document: Any) -> Iterator[tuple[str, dict]]:
    for path, node in _walk(document):
        if _is_item(node):
            yield path, node


def _load(path: Path) -> Any:
    try:
        return rd.load_content(path)
    except json.JSONDecodeError as error:  # pragma: no cover - message only
        pytest.fail(f"{rd.relative_name(path)}: not valid JSON: {error}")


def _fail_on(errors: list[str]) -> None:
    if errors:
        pytest.fail("\n".join(errors), pytrace=False)


# --- the files exist ------------------------------------------------------------------------


def test_sources_file_lists_keys():
    keys = _source_keys()
    assert "seed" in keys, "resources/content/sources.json: the seed article key 'seed' is missing"


def source_problems(sources: dict[str, Any]) -> list[str]:
    """Why a sources.json entry cannot be audited: each names its document (title), the part
    read (section) and the revision read (revised); address and note are optional."""
    problems = []
    for key, entry in sources.items():
        where = f"sources.json {key}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be an object {{title, section, revised, ...}}")
            continue
        for field in sorted(SOURCE_FIELDS - set(entry)):
            problems.append(f"{where}: missing {field!r}")
        for field in sorted(set(entry) - SOURCE_FIELDS - SOURCE_OPTIONAL_FIELDS):
            problems.append(f"{where}: unknown field {field!r}")
        for field, value in entry.items():
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{where}: {field!r} must be non-empty text")
    return problems


def test_every_source_names_its_document_section_and_revision():
    assert source_problems(_sources()) == []


def test_the_source_check_catches_a_missing_revision_and_an_unknown_field():
    problems = source_problems(
        {"x": {"title": "Label", "section": "5.1", "year": "2025"}, "y": "Label, 2025"}
    )
    assert "sources.json x: missing 'revised'" in problems
    assert "sources.json x: unknown field 'year'" in problems
    assert any(p.startswith("sources.json y: must be an object") for p in problems)


def test_the_medication_guide_source_is_the_newest_found():
    """The Medication Guide read is April 2024; the label record read is 12/2025. If a newer
    guide is found, this says to update the key and the date together."""
    sources = _sources()
    assert sources["kymriah-medguide-2024"]["revised"] == "April 2024"
    assert "12/2025" in sources["kymriah-label-2025"]["revised"]


def test_english_and_spanish_content_exist():
    for lang in ("en", "es"):
        for name in ("steps.json", "welcome.json", "warning_signs.json"):
            assert (CONTENT_DIR / lang / name).is_file(), f"{lang}/{name}: file is missing"


def test_every_language_has_the_same_files():
    reference = {p.name for p in rd.content_files(REFERENCE)}
    errors = []
    for lang in _languages():
        names = {p.name for p in rd.content_files(lang)}
        for missing in sorted(reference - names):
            errors.append(f"{lang}/{missing}: missing (it exists in {REFERENCE}/)")
        for extra in sorted(names - reference):
            errors.append(f"{lang}/{extra}: has no {REFERENCE}/{extra} to match")
    _fail_on(errors)


# --- every item ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_FILES)
def test_items_have_kind_and_known_sources(path):
    keys = _source_keys()
    name = rd.relative_name(path)
    document = _load(path)
    errors = []
    assert isinstance(document, dict), f"{name}: the top level must be an object"
    for where, node in _walk(document):
        if not isinstance(node, dict):
            continue
        label = f"{name} {where}" if where else name
        if _is_item(node):
            if not node["text"].strip():
                errors.append(f"{label}: empty text")
            missing = [key for key in ("kind", "sources") if key not in node]
            if missing:
                errors.append(
                    f"{label}: has a 'text' but no {' or '.join(repr(k) for k in missing)}; every "
                    "ITEM is {text, kind, sources} (resources/content/README.md)"
                )
                continue
            kind = node.get("kind")
            if kind not in KINDS:
                errors.append(f"{label}: kind {kind!r} is not one of {sorted(KINDS)}")
            sources = node.get("sources")
            if not isinstance(sources, list) or not all(isinstance(k, str) for k in sources):
                errors.append(f"{label}: 'sources' must be a list of source keys, got {sources!r}")
                continue
            if kind == "fact" and not sources:
                errors.append(f"{label}: a fact needs at least one source key")
            for key in sources:
                if key not in keys:
                    errors.append(f"{label}: unknown source key {key!r}")
            if len(set(sources)) != len(sources):
                errors.append(f"{label}: a source key is listed twice")
        elif "kind" in node or "sources" in node:
            errors.append(f"{label}: has 'kind'/'sources' but no 'text' string (not an ITEM)")
    _fail_on(errors)


@pytest.mark.parametrize("path", ALL_FILES)
def test_technical_terms_is_a_list_of_names(path):
    """Each screen's words left out of the readability score are a list of names (the kinds
    and where they appear are checked in test_readability.py)."""
    name = rd.relative_name(path)
    document = _load(path)
    lists = [document.get("technical_terms")]
    lists += [
        node["technical_terms"]
        for _where, node in _walk(document)
        if isinstance(node, dict) and "technical_terms" in node and node is not document
    ]
    for terms in lists:
        assert isinstance(terms, list) and all(
            rd.term_name(t).strip() for t in terms
        ), f"{name}: 'technical_terms' must be a list of the medicine and condition names it uses"


@pytest.mark.parametrize("path", ALL_FILES)
def test_center_setting_numbers_are_not_in_the_content(path):
    """Days near the center and without driving are center settings, shown elsewhere."""
    name = rd.relative_name(path)
    errors = []
    for where, item in _items(_load(path)):
        if CENTER_SETTING_SOURCES & set(item.get("sources", [])) and re.search(r"\d", item["text"]):
            errors.append(
                f"{name} {where}: states a number in a fact sourced to "
                f"{sorted(CENTER_SETTING_SOURCES)}; say 'your team will tell you how long'"
            )
    _fail_on(errors)


# --- translations match English -------------------------------------------------------------


def _compare(reference: Any, other: Any, path: str, name: str, errors: list[str]) -> None:
    label = f"{name} {path}" if path else name
    if isinstance(reference, dict):
        if not isinstance(other, dict):
            errors.append(f"{label}: should be an object, as in English")
            return
        for key in sorted(set(reference) - set(other)):
            errors.append(f"{label}: missing key {key!r} (English has it)")
        for key in sorted(set(other) - set(reference)):
            errors.append(f"{label}: extra key {key!r} (English does not have it)")
        for key in reference:
            if key not in other:
                continue
            child = f"{path}.{key}" if path else key
            if key == "sources" and _is_item(reference):
                if reference[key] != other[key]:
                    errors.append(
                        f"{name} {child}: source keys {other[key]!r} differ from English "
                        f"{reference[key]!r}"
                    )
            elif key in FREE_LISTS:
                continue
            elif key in TRANSLATED_OBJECTS and isinstance(reference[key], dict):
                if not isinstance(other[key], dict) or set(other[key]) != set(reference[key]):
                    errors.append(f"{name} {child}: must have the keys {sorted(reference[key])}")
                elif not all(isinstance(v, str) and v.strip() for v in other[key].values()):
                    errors.append(f"{name} {child}: translated text is missing or empty")
            elif key in TRANSLATED_KEYS and isinstance(reference[key], str):
                if not isinstance(other[key], str) or not other[key].strip():
                    errors.append(f"{name} {child}: translated text is missing or empty")
            else:
                _compare(reference[key], other[key], child, name, errors)
    elif isinstance(reference, list):
        if not isinstance(other, list):
            errors.append(f"{label}: should be a list, as in English")
            return
        if len(reference) != len(other):
            errors.append(f"{label}: {len(other)} entries, English has {len(reference)}")
        for index, (ref_value, other_value) in enumerate(zip(reference, other, strict=False)):
            _compare(ref_value, other_value, f"{path}[{index}]", name, errors)
    elif reference != other:
        errors.append(f"{label}: {other!r} differs from English {reference!r}")


@pytest.mark.parametrize("path", TRANSLATED_FILES)
def test_translation_has_same_ids_lengths_kinds_and_sources(path):
    name = rd.relative_name(path)
    english = CONTENT_DIR / REFERENCE / path.name
    if not english.is_file():
        pytest.fail(f"{name}: there is no {REFERENCE}/{path.name} to compare with")
    errors: list[str] = []
    _compare(_load(english), _load(path), "", name, errors)
    _fail_on(errors)


# --- placeholders -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_FILES)
def test_placeholders_only_in_the_fever_sign(path):
    name = rd.relative_name(path)
    document = _load(path)
    errors = []
    fever_paths = set()
    if path.name == "warning_signs.json":
        for index, sign in enumerate(document.get("team_signs", [])):
            if isinstance(sign, dict) and sign.get("id") == "fever":
                fever_paths.add(f"team_signs[{index}].text")
                fever_paths.add(f"team_signs[{index}].short")
    for where, node in _walk(document):
        if not isinstance(node, str):
            continue
        found = set(_PLACEHOLDER.findall(node))
        stray = ("{" in _PLACEHOLDER.sub("", node)) or ("}" in _PLACEHOLDER.sub("", node))
        if where in fever_paths:
            if not found or not found <= FEVER_PLACEHOLDERS or stray:
                errors.append(
                    f"{name} {where}: the fever sign may use only "
                    f"{sorted(FEVER_PLACEHOLDERS)}, found {sorted(found)}"
                )
            else:
                node.format(fever_c="38 °C", fever_f="100.4 °F")
        elif path.name == "teach_back.json" and found <= TEACH_BACK_PLACEHOLDERS and not stray:
            continue  # the family's own dates and the center's number, filled in by the app
        elif found or stray:
            errors.append(
                f"{name} {where}: placeholders or braces are allowed only in the fever sign, "
                f"found {sorted(found) or 'a brace'}"
            )
    if path.name == "warning_signs.json" and not fever_paths:
        errors.append(f"{name}: the CAR T team's signs have no 'fever' sign")
    _fail_on(errors)


# --- the steps ----------------------------------------------------------------------------


def _has_steps(path: Path) -> bool:
    try:
        return "steps" in rd.load_content(path)
    except (OSError, ValueError):
        return False


@pytest.mark.parametrize("path", [p for p in ALL_FILES if _has_steps(p.values[0])])
def test_every_step_has_an_illustration(path):
    name = rd.relative_name(path)
    steps = _load(path)["steps"]
    errors = []
    for index, step in enumerate(steps):
        illustration = step.get("illustration") if isinstance(step, dict) else None
        if not isinstance(illustration, str) or not re.fullmatch(r"[a-z0-9-]+\.svg", illustration):
            errors.append(
                f"{name} steps[{index}]: illustration {illustration!r} is not an .svg name"
            )
    _fail_on(errors)


@pytest.mark.parametrize("lang", _languages())
def test_steps_are_the_six_of_figure_1(lang):
    name = f"{lang}/steps.json"
    path = CONTENT_DIR / lang / "steps.json"
    if not path.is_file():
        pytest.fail(f"{name}: file is missing")
    steps = _load(path)["steps"]
    errors = []
    ids = [step.get("id") for step in steps]
    if ids[: len(STEP_IDS)] != STEP_IDS:
        errors.append(f"{name}: the first steps must be {STEP_IDS}, found {ids}")
    for index, step in enumerate(steps):
        label = f"{name} steps[{index}]"
        if step.get("number") != index + 1:
            errors.append(f"{label}: number {step.get('number')!r}, expected {index + 1}")
        expected = STEP_ILLUSTRATIONS.get(step.get("id"))
        if expected and step.get("illustration") != expected:
            errors.append(
                f"{label}: illustration {step.get('illustration')!r}, expected {expected!r}"
            )
        if not isinstance(step.get("title"), str) or not step["title"].strip():
            errors.append(f"{label}: needs a short title")
        if not _is_item(step.get("summary")):
            errors.append(f"{label}.summary: must be one ITEM")
        for section in STEP_SECTIONS[1:]:
            value = step.get(section)
            if not isinstance(value, list) or not value or not all(_is_item(v) for v in value):
                errors.append(f"{label}.{section}: must be a non-empty list of ITEMs")
        questions = step.get("questions", [])
        if not 1 <= len(questions) <= 2:
            errors.append(f"{label}.questions: one or two questions, found {len(questions)}")
        for q_index, question in enumerate(questions):
            if question.get("kind") != "question":
                errors.append(f"{label}.questions[{q_index}]: kind must be 'question'")
        waiting = step.get("waiting_time")
        if waiting is not None:
            if not (
                isinstance(waiting, dict)
                and isinstance(waiting.get("title"), str)
                and isinstance(waiting.get("items"), list)
                and waiting["items"]
                and all(_is_item(v) for v in waiting["items"])
            ):
                errors.append(
                    f"{label}.waiting_time: needs a 'title' and a non-empty list of ITEM 'items'"
                )
    waiting_steps = [step.get("id") for step in steps if step.get("waiting_time")]
    if not any(s in waiting_steps for s in ("activation", "car_gene", "growing")):
        errors.append(
            f"{name}: the bridging wait belongs in step 2, 3 or 4 (a 'waiting_time' block)"
        )
    if not any(s in waiting_steps for s in ("final_product", "infusion")):
        errors.append(
            f"{name}: getting the body ready belongs in step 5 or 6 (a 'waiting_time' block)"
        )
    _fail_on(errors)


# --- the warning signs and the welcome ------------------------------------------------------


def call_plan_problems(document: dict, side_effects: dict | None, name: str) -> list[str]:
    """Why a warning_signs.json is not the call plan: emergency signs first (seizure, cannot be
    woken, very hard breathing), the team's signs with the fever, every Medication Guide sign
    covered, each sign a sourced fact with a short form, and every side effect's ``call_for``
    naming signs of the plan."""
    errors = []
    emergency = document.get("emergency_signs")
    team = document.get("team_signs")
    if not isinstance(emergency, list) or not isinstance(team, list):
        return [f"{name}: needs 'emergency_signs' and 'team_signs' lists (the call plan)"]
    emergency_ids = [sign.get("id") for sign in emergency]
    team_ids = [sign.get("id") for sign in team]
    if emergency_ids[: len(EMERGENCY_FIRST)] != EMERGENCY_FIRST:
        errors.append(
            f"{name}: the emergency signs must start with {EMERGENCY_FIRST}, found {emergency_ids}"
        )
    if "fever" not in team_ids:
        errors.append(f"{name}: a fever is a sign for the CAR T team")
    both = set(emergency_ids) & set(team_ids)
    if both:
        errors.append(f"{name}: {sorted(both)} are in both lists; a sign has one number to call")
    if len(set(emergency_ids + team_ids)) != len(emergency_ids + team_ids):
        errors.append(f"{name}: a sign id is used twice")
    for medication_guide_sign, sign_id in MEDICATION_GUIDE_SIGNS.items():
        if sign_id not in emergency_ids + team_ids:
            errors.append(
                f"{name}: nothing covers the Medication Guide's {medication_guide_sign!r}"
            )
    for where, signs in (("emergency_signs", emergency), ("team_signs", team)):
        for index, sign in enumerate(signs):
            label = f"{name} {where}[{index}]"
            if sign.get("kind") != "fact":
                errors.append(f"{label}: kind must be 'fact'")
            if not sign.get("sources"):
                errors.append(f"{label}: needs a source")
            if not isinstance(sign.get("short"), str) or not sign["short"].strip():
                errors.append(f"{label}: needs a 'short' form for the wallet card")
    covering = {sign_id for sign_id in MEDICATION_GUIDE_SIGNS.values()}
    for sign in team + emergency:
        if sign.get("id") in covering - {"seizure"} and "kymriah-medguide-2024" not in sign.get(
            "sources", []
        ):
            errors.append(f"{name} {sign.get('id')}: covers a Medication Guide sign, cite it")
    for key in ("intro", "any_sign", "seizure_first_aid", "when_you_call", "fever_medicine_why"):
        if not isinstance(document.get(key), list) or not all(_is_item(v) for v in document[key]):
            errors.append(f"{name}.{key}: must be a list of ITEMs")
    if side_effects is not None:
        known = set(emergency_ids + team_ids)
        for effect in side_effects.get("effects", []):
            call_for = effect.get("call_for")
            if not call_for:
                errors.append(f"side_effects {effect.get('id')}: 'call_for' names no sign")
                continue
            for sign_id in call_for:
                if sign_id not in known:
                    errors.append(
                        f"side_effects {effect.get('id')}: calls for {sign_id!r}, which the call "
                        "plan does not have"
                    )
    return errors


@pytest.mark.parametrize("lang", _languages())
def test_the_call_plan_splits_emergency_from_team_signs(lang):
    name = f"{lang}/warning_signs.json"
    path = CONTENT_DIR / lang / "warning_signs.json"
    if not path.is_file():
        pytest.fail(f"{name}: file is missing")
    side_effects = CONTENT_DIR / lang / "side_effects.json"
    _fail_on(
        call_plan_problems(
            _load(path), _load(side_effects) if side_effects.is_file() else None, name
        )
    )


def test_the_call_plan_check_catches_a_seizure_under_the_team_and_an_unknown_sign():
    document = _load(CONTENT_DIR / REFERENCE / "warning_signs.json")
    side_effects = _load(CONTENT_DIR / REFERENCE / "side_effects.json")
    moved = json.loads(json.dumps(document))
    seizure = moved["emergency_signs"].pop(0)
    moved["team_signs"].insert(0, seizure)
    side_effects["effects"][0]["call_for"].append("sneezing")
    errors = call_plan_problems(moved, side_effects, "en/warning_signs.json")
    assert any("must start with" in e for e in errors)
    assert any("'sneezing'" in e for e in errors)


@pytest.mark.parametrize("lang", _languages())
def test_welcome_has_title_intro_and_how_to_use(lang):
    name = f"{lang}/welcome.json"
    path = CONTENT_DIR / lang / "welcome.json"
    if not path.is_file():
        pytest.fail(f"{name}: file is missing")
    document = _load(path)
    errors = []
    if not isinstance(document.get("title"), str) or not document["title"].strip():
        errors.append(f"{name}: needs a title")
    for key in ("intro", "how_to_use"):
        value = document.get(key)
        if not isinstance(value, list) or not value or not all(_is_item(v) for v in value):
            errors.append(f"{name}.{key}: must be a non-empty list of ITEMs")
    _fail_on(errors)


# --- the checks above can fail -------------------------------------------------------------


def test_the_comparison_catches_a_changed_source_and_a_dropped_item():
    english = {
        "steps": [
            {
                "id": "a",
                "what": [
                    {"text": "x", "kind": "fact", "sources": ["seed"]},
                    {"text": "y", "kind": "fact", "sources": ["seed"]},
                ],
            }
        ]
    }
    spanish = {
        "steps": [
            {
                "id": "a",
                "what": [
                    {"text": "x", "kind": "fact", "sources": ["foo"]},
                ],
            }
        ]
    }
    errors: list[str] = []
    _compare(english, spanish, "", "es/steps.json", errors)
    assert "es/steps.json steps[0].what: 1 entries, English has 2" in errors
    assert any(e.startswith("es/steps.json steps[0].what[0].sources:") for e in errors)
