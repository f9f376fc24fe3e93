"""The JSON Schema of the session file, generated from the loader's own field rules.

Published at resources/schema/session-1.schema.json for nurses' scripts and clinic IT; a test
fails when the published file and ``session_schema()`` differ (run ``write_session_schema()``).
The schema describes the shape; the order rules between plan dates and "not more than 3 years
after today" depend on each other and on the day, so only the app checks those.
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
    MEDICINE_FIELDS,
    PATIENT_FIELDS,
    PLAN_FIELDS,
    TOPIC_REVIEW_FIELDS,
    TOPICS,
    VERSION,
    Choice,
    Field,
    FullDate,
    HistoryDate,
    LanguageTag,
    Text,
    WholeNumber,
)

# Control characters: none in one-line text; notes may keep tab, line feed, carriage return.
_ONE_LINE = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
_MULTILINE = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"


def schema_path() -> Path:
    return resource("schema", f"session-{VERSION}.schema.json")


def _rule_schema(rule: Any) -> dict[str, Any]:
    if isinstance(rule, Text):
        return {
            "type": "string",
            "maxLength": rule.max_chars,
            "pattern": _MULTILINE if rule.multiline else _ONE_LINE,
        }
    if isinstance(rule, Choice):
        return {"type": "string", "enum": list(rule.options)}
    if isinstance(rule, FullDate):
        return {"$ref": "#/$defs/full_date"}
    if isinstance(rule, HistoryDate):
        return {"$ref": "#/$defs/history_date"}
    if isinstance(rule, WholeNumber):
        return {"type": "integer", "minimum": rule.minimum, "maximum": rule.maximum}
    if isinstance(rule, LanguageTag):
        return {"type": "string", "pattern": LANGUAGE_TAG_PATTERN}
    raise TypeError(f"no schema for rule {rule!r}")


def _object_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {
            # null means "not known", as the loader reads it.
            f.name: _rule_schema(f.rule) if f.required else _nullable(_rule_schema(f.rule))
            for f in fields
        },
        "additionalProperties": True,  # unknown fields are kept, not refused
    }
    required = [f.name for f in fields if f.required]
    if required:
        schema["required"] = required
    return schema


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def session_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "CAR T Family Guide session file, version 1",
        "type": "object",
        "required": ["format", "version", "plan"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "language": _nullable(_rule_schema(LanguageTag())),
            "patient": _nullable({"$ref": "#/$defs/patient"}),
            "care_team": _nullable({"$ref": "#/$defs/care_team"}),
            "history": _nullable({"type": "array", "items": {"$ref": "#/$defs/history_event"}}),
            "plan": {"$ref": "#/$defs/plan"},
            "topics_reviewed": _nullable(
                {
                    "type": "array",
                    "items": {
                        "oneOf": [
                            {"type": "string", "enum": list(TOPICS)},
                            {"$ref": "#/$defs/topic_review"},
                        ]
                    },
                }
            ),
            "medicines": _nullable({"type": "array", "items": {"$ref": "#/$defs/medicine"}}),
        },
        "additionalProperties": True,
        "$defs": {
            "full_date": {
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                "description": "YYYY-MM-DD",
            },
            "history_date": {
                "type": "string",
                "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
                "description": "YYYY, YYYY-MM or YYYY-MM-DD",
            },
            "patient": _object_schema(PATIENT_FIELDS),
            "care_team": _object_schema(CARE_TEAM_FIELDS),
            "history_event": _object_schema(HISTORY_EVENT_FIELDS),
            "plan": _object_schema(PLAN_FIELDS),
            "topic_review": _object_schema(TOPIC_REVIEW_FIELDS),
            "medicine": _object_schema(MEDICINE_FIELDS),
        },
    }


def schema_text() -> str:
    return json.dumps(session_schema(), indent=2, ensure_ascii=False) + "\n"


def write_session_schema(path: Path | None = None) -> Path:
    """Regenerate the published schema file (``python -m car_t_guide.core.session.schema``)."""
    target = path or schema_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(), encoding="utf-8")
    return target


if __name__ == "__main__":
    print(write_session_schema())
