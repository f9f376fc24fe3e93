import copy
import json
import re

import pytest

from car_t_guide.core.session.fields import HISTORY_KINDS, RELAPSE_SITES, TOPICS
from car_t_guide.core.session.schema import schema_path, schema_text, session_schema

from .test_session import CONTRACT_EXAMPLE


def test_published_schema_is_the_generated_one():
    # If this fails: python -m car_t_guide.core.session.schema
    assert schema_path().read_text(encoding="utf-8") == schema_text()
    assert json.loads(schema_path().read_text(encoding="utf-8")) == session_schema()


def test_schema_lists_the_loaders_choices():
    defs = session_schema()["$defs"]
    assert defs["history_event"]["properties"]["kind"]["enum"] == list(HISTORY_KINDS)
    site = defs["history_event"]["properties"]["site"]["anyOf"][0]
    assert site["enum"] == list(RELAPSE_SITES)
    assert defs["topic_review"]["properties"]["topic"]["enum"] == list(TOPICS)
    assert defs["plan"]["required"] == ["collection"]


# A small JSON Schema checker for the keywords the schema uses (no extra dependency), so the
# tests can show the published schema accepts what the loader accepts, and refuses the shapes
# the loader refuses.
def conforms(value, schema, root):
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return conforms(value, root["$defs"][name], root)
    if "anyOf" in schema and not any(conforms(value, s, root) for s in schema["anyOf"]):
        return False
    if "oneOf" in schema and sum(conforms(value, s, root) for s in schema["oneOf"]) != 1:
        return False
    if "const" in schema and value != schema["const"]:
        return False
    if "enum" in schema and value not in schema["enum"]:
        return False
    kind = schema.get("type")
    types = {
        "object": dict,
        "array": list,
        "string": str,
        "null": type(None),
    }
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        if not schema.get("minimum", value) <= value <= schema.get("maximum", value):
            return False
    elif kind is not None and not isinstance(value, types[kind]):
        return False
    if isinstance(value, str):
        if len(value) > schema.get("maxLength", len(value)):
            return False
        if "pattern" in schema and not re.search(schema["pattern"], value):
            return False
    if isinstance(value, dict):
        if any(key not in value for key in schema.get("required", ())):
            return False
        for key, sub in schema.get("properties", {}).items():
            if key in value and not conforms(value[key], sub, root):
                return False
    if isinstance(value, list) and "items" in schema:
        return all(conforms(item, schema["items"], root) for item in value)
    return True


def test_contract_example_conforms():
    schema = session_schema()
    assert conforms(CONTRACT_EXAMPLE, schema, schema)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(version=2),
        lambda d: d.update(format="x"),
        lambda d: d.pop("plan"),
        lambda d: d["plan"].pop("collection"),
        lambda d: d["plan"].update(infusion="2013-05"),
        lambda d: d["history"].append({"kind": "relaps", "date": "2013"}),
        lambda d: d["history"].append({"kind": "relapse", "date": "2013-5"}),
        lambda d: d["patient"].update(display_name=42),
        lambda d: d["patient"].update(display_name="A" * 101),
        lambda d: d["patient"].update(display_name="Ana\x07"),
        lambda d: d["topics_reviewed"].append("cars"),
    ],
)
def test_schema_refuses_what_the_loader_refuses(change):
    schema = session_schema()
    doc = copy.deepcopy(CONTRACT_EXAMPLE)
    change(doc)
    assert not conforms(doc, schema, schema)
