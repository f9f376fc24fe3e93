"""The content files keep their promises (resources/content/README.md).

- Every ITEM ({"text", "kind", "sources"}) has a known kind; a "fact" names at least one source;
  every source key is in resources/content/sources.json.
- Every language has the same files as English, the same ids, the same list lengths and the same
  kinds and source keys item by item: a translation never adds or drops a fact.
- The steps are the six of Fig. 1, in order, each with its illustration; the warning signs are
  the Medication Guide's list, in order; placeholders appear only in the fever sign.
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

WARNING_SIGN_IDS = [
    "fever",
    "breathing",
    "chills",
    "confusion",
    "stomach",
    "pain",
    "low_blood_pressure",
    "dizziness",
    "less_alert",
    "delirium_agitation",
    "seizure",
    "speaking",
    "balance",
]
FEVER_PLACEHOLDERS = {"{fever_c}", "{fever_f}"}
# Teach-back answers use the family's own dates and the center's emergency number.
TEACH_BACK_PLACEHOLDERS = {"{" + name + "}" for name in teach_back_module.TEACH_BACK_PLACEHOLDERS}

# Keys whose string values are translated text; every other scalar must match English.
TRANSLATED_KEYS = {"text", "title"}
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


def _source_keys() -> set[str]:
    data = json.loads(SOURCES_FILE.read_text(encoding="utf-8"))
    return set(data["sources"])


def _walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(path, node) for every node, paths like ``steps[2].what_happens[1]``."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
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
    name = rd.relative_name(path)
    terms = _load(path).get("technical_terms")
    assert isinstance(terms, list) and all(isinstance(t, str) and t.strip() for t in terms), (
        f"{name}: 'technical_terms' must be a list of the drug and procedure names it uses"
    )


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
        for index, sign in enumerate(document.get("signs", [])):
            if isinstance(sign, dict) and sign.get("id") == "fever":
                fever_paths.add(f"signs[{index}].text")
    for where, node in _walk(document):
        if not isinstance(node, str):
            continue
        found = set(_PLACEHOLDER.findall(node))
        stray = ("{" in _PLACEHOLDER.sub("", node)) or ("}" in _PLACEHOLDER.sub("", node))
        if where in fever_paths:
            if found != FEVER_PLACEHOLDERS or stray:
                errors.append(
                    f"{name} {where}: the fever sign must use exactly "
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


@pytest.mark.parametrize("lang", _languages())
def test_warning_signs_follow_the_medication_guide(lang):
    name = f"{lang}/warning_signs.json"
    path = CONTENT_DIR / lang / "warning_signs.json"
    if not path.is_file():
        pytest.fail(f"{name}: file is missing")
    document = _load(path)
    errors = []
    signs = document.get("signs", [])
    ids = [sign.get("id") for sign in signs]
    if ids != WARNING_SIGN_IDS:
        errors.append(f"{name}: signs must be {WARNING_SIGN_IDS} in this order, found {ids}")
    for index, sign in enumerate(signs):
        if sign.get("kind") != "fact":
            errors.append(f"{name} signs[{index}]: kind must be 'fact'")
        if "kymriah-medguide-2024" not in sign.get("sources", []):
            errors.append(f"{name} signs[{index}]: must cite 'kymriah-medguide-2024'")
    for key in ("intro", "after"):
        if not isinstance(document.get(key), list) or not all(_is_item(v) for v in document[key]):
            errors.append(f"{name}.{key}: must be a list of ITEMs")
    if not isinstance(document.get("title"), str):
        errors.append(f"{name}: needs a title")
    _fail_on(errors)


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
