"""The JSON Schemas of the session file, generated from the loader's own field rules.

Published at resources/schema/session-<version>.schema.json (one per version the app reads) for
nurses' scripts and clinic IT; a test fails when a published file and ``session_schema(n)``
differ (run ``python -m car_t_guide.core.session.schema``). A schema refuses exactly what the
loader refuses (a test runs every bad case through both), except the rules JSON Schema cannot
state, which only the app checks:

- the order of the plan dates (collection <= bridging <= lymphodepletion < infusion): a schema
  cannot compare two values;
- "not more than 3 years after today": it depends on the day the file is read;
- nesting deeper than 64 levels in an unknown field;
- a number that could not be written back as it was read (a whole number over 100 digits, or
  one written so small it reads as 0, like 1e-999): JSON Schema sees the value, not how the
  file wrote it, and cannot tell 1e300 written as a number from a 301-digit whole number.

Patterns use only what ECMA-262 and Python's ``re`` read the same way: the end of the text is
``(?![\\s\\S])`` (``$`` would also match before a final line break in Python).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from car_t_guide.core.machine.paths import resource
from car_t_guide.core.session.fields import (
    CARE_TEAM_FIELDS,
    FORMAT,
    HISTORY_EVENT_FIELDS,
    LANGUAGE_TAG_PATTERN,
    MAX_ITEMS,
    MEDICINE_FIELDS,
    MIN_YEAR,
    PATIENT_FIELDS,
    READABLE_VERSIONS,
    RULES,
    VERSION,
    Choice,
    Field,
    FullDate,
    HistoryDate,
    LanguageTag,
    Text,
    WholeNumber,
)

_END = "(?![\\s\\S])"
# Lone surrogates cannot be written back as UTF-8: refused in every text and field name.
_SURROGATES = "\\ud800-\\udfff"
# Control characters: none in one-line text; notes may keep tab, line feed, carriage return.
_NOT_ONE_LINE = f"[\\u0000-\\u001f\\u007f-\\u009f{_SURROGATES}]"
_NOT_MULTILINE = f"[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f{_SURROGATES}]"

# Dates the calendar has, from MIN_YEAR on (the loader also refuses a year more than 3 years
# after today, which a fixed pattern cannot know).
assert MIN_YEAR == 1900  # the year pattern below is written for it
_YEAR = "(?:19[0-9]{2}|[2-9][0-9]{3})"
_MONTH = "(?:0[1-9]|1[0-2])"
_MONTH_DAY = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
# Leap years from 1900: divisible by 4, except whole centuries not divisible by 400.
_LEAP_YEAR = "(?:(?:19|[2-9][0-9])(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[3579][26])00)"
_FULL_DATE = f"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
FULL_DATE_PATTERN = f"^{_FULL_DATE}{_END}"
HISTORY_DATE_PATTERN = f"^(?:{_FULL_DATE}|{_YEAR}(?:-{_MONTH})?){_END}"
# The loader's pattern with the end of the text written as above.
_LANGUAGE_PATTERN = LANGUAGE_TAG_PATTERN.removesuffix("$") + _END


_FULL_DATE_SCHEMA = {
    "type": "string",
    "pattern": FULL_DATE_PATTERN,
    "description": "YYYY-MM-DD, a day the calendar has, from 1900",
}
_HISTORY_DATE_SCHEMA = {
    "type": "string",
    "pattern": HISTORY_DATE_PATTERN,
    "description": "YYYY, YYYY-MM or YYYY-MM-DD, from 1900",
}
# Written out where used rather than referred to: validators resolve each "$ref" every time.
_FIELD_NAME = {"not": {"pattern": f"[{_SURROGATES}]"}}


def schema_path(version: int = VERSION) -> Path:
    return resource("schema", f"session-{version}.schema.json")


def _text_schema(max_chars: int, *, multiline: bool = False) -> dict[str, Any]:
    return {
        "type": "string",
        "maxLength": max_chars,
        "not": {"pattern": _NOT_MULTILINE if multiline else _NOT_ONE_LINE},
    }


def _rule_schema(rule: Any) -> dict[str, Any]:
    if isinstance(rule, Text):
        return _text_schema(rule.max_chars, multiline=rule.multiline)
    if isinstance(rule, Choice):
        return {"type": "string", "enum": list(rule.options)}
    if isinstance(rule, FullDate):
        return _FULL_DATE_SCHEMA
    if isinstance(rule, HistoryDate):
        return _HISTORY_DATE_SCHEMA
    if isinstance(rule, WholeNumber):
        return {"type": "integer", "minimum": rule.minimum, "maximum": rule.maximum}
    if isinstance(rule, LanguageTag):
        return {"type": "string", "pattern": _LANGUAGE_PATTERN}
    raise TypeError(f"no schema for rule {rule!r}")


def _object_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {
            # null means "not known", as the loader reads it.
            f.name: _rule_schema(f.rule) if f.required else _nullable(_rule_schema(f.rule))
            for f in fields
        },
        # Unknown fields are kept, not refused (if they can be written back).
        "propertyNames": _FIELD_NAME,
        "additionalProperties": {"$ref": "#/$defs/kept"},
    }
    required = [f.name for f in fields if f.required]
    if required:
        schema["required"] = required
    return schema


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def session_schema(version: int = VERSION) -> dict[str, Any]:
    """The schema of one version of the file (``READABLE_VERSIONS``)."""
    rules = RULES[version]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"CAR T Family Guide session file, version {version}",
        "type": "object",
        "required": ["format", "version", "plan"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"type": "integer", "const": version},
            "language": _nullable(_rule_schema(LanguageTag())),
            "patient": _nullable({"$ref": "#/$defs/patient"}),
            "care_team": _nullable({"$ref": "#/$defs/care_team"}),
            "history": _nullable(
                {
                    "type": "array",
                    "maxItems": MAX_ITEMS["history"],
                    "items": {"$ref": "#/$defs/history_event"},
                }
            ),
            "plan": {"$ref": "#/$defs/plan"},
            "topics_reviewed": _nullable(
                {
                    "type": "array",
                    "maxItems": MAX_ITEMS["topics_reviewed"],
                    "items": {
                        "oneOf": [
                            {"type": "string", "enum": list(rules.topics)},
                            {"$ref": "#/$defs/topic_review"},
                        ]
                    },
                }
            ),
            "medicines": _nullable(
                {
                    "type": "array",
                    "maxItems": MAX_ITEMS["medicines"],
                    "items": {"$ref": "#/$defs/medicine"},
                }
            ),
        },
        "propertyNames": _FIELD_NAME,
        "additionalProperties": {"$ref": "#/$defs/kept"},
        "$defs": {
            "kept": {
                "description": "An unknown field: any JSON value, kept as it is",
                "anyOf": [
                    {"type": ["null", "boolean", "number"]},
                    {"type": "string", "not": {"pattern": f"[{_SURROGATES}]"}},
                    {"type": "array", "items": {"$ref": "#/$defs/kept"}},
                    {
                        "type": "object",
                        "propertyNames": _FIELD_NAME,
                        "additionalProperties": {"$ref": "#/$defs/kept"},
                    },
                ],
            },
            "patient": _object_schema(PATIENT_FIELDS),
            "care_team": _object_schema(CARE_TEAM_FIELDS),
            "history_event": _object_schema(HISTORY_EVENT_FIELDS),
            "plan": _object_schema(rules.plan_fields),
            "topic_review": _object_schema(rules.topic_review_fields),
            "medicine": _object_schema(MEDICINE_FIELDS),
        },
    }


def schema_text(version: int = VERSION) -> str:
    return json.dumps(session_schema(version), indent=2, ensure_ascii=False) + "\n"


def write_session_schemas(folder: Path | None = None) -> list[Path]:
    """Regenerate the published schema files (``python -m car_t_guide.core.session.schema``)."""
    written = []
    for version in READABLE_VERSIONS:
        target = folder / schema_path(version).name if folder else schema_path(version)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(schema_text(version), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in write_session_schemas():
        print(path)
