"""Write the small TOML files the app owns (center settings).

Python reads TOML (tomllib) but does not write it; these files hold only plain keys, so a few
lines do. Anything tomllib can read back at the top level is written: text, numbers, true/false,
dates, lists, and tables (as inline tables). ``set_top_level_key`` changes one key of a file a
person wrote and keeps the rest as they wrote it, comments included.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else _string(name)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):  # before int: True is an int in Python
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(k)} = {toml_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def dumps(values: Mapping[str, Any], header: str = "") -> str:
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines += [f"{_key(key)} = {toml_value(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


_TABLE_HEADER = re.compile(r"\s*\[")


def set_top_level_key(text: str, key: str, value: Any) -> str:
    """``text`` with one top-level key set to ``value``, everything else as written (comments,
    blank lines, other keys, tables).

    The key's old line (or lines, for a value written over several) is replaced where it is; a
    new key goes after the last top-level line, before the first table. A file this cannot edit
    in place (the key written in a form it does not recognise) is written whole instead, losing
    its comments rather than a value.
    """
    import tomllib  # (stdlib, loaded when a settings file is edited)

    before = tomllib.loads(text)
    expected = dict(before)
    expected[key] = value
    lines = text.splitlines(keepends=True)
    new_line = f"{_key(key)} = {toml_value(value)}\n"
    edited = _replace_in_place(lines, key, before, new_line)
    if edited is None:
        edited = _insert_top_level(lines, new_line)
    result = "".join(edited)
    try:
        if tomllib.loads(result) == expected:
            return result
    except tomllib.TOMLDecodeError:
        pass
    return dumps(expected)


def _top_level_end(lines: list[str]) -> int:
    """Index of the first table header (the end of the top-level keys), or len(lines)."""
    import tomllib  # (stdlib, loaded when a settings file is edited)

    for index, line in enumerate(lines):
        if _TABLE_HEADER.match(line):
            try:  # a "[" inside a multi-line value is not a header: the prefix must parse
                tomllib.loads("".join(lines[:index]))
            except tomllib.TOMLDecodeError:
                continue
            return index
    return len(lines)


def _replace_in_place(
    lines: list[str], key: str, before: Mapping[str, Any], new_line: str
) -> list[str] | None:
    import tomllib  # (stdlib, loaded when a settings file is edited)

    if key not in before:
        return None
    end = _top_level_end(lines)
    name = re.escape(key)
    start_of_key = re.compile(rf"\s*(?:{name}|\"{name}\"|'{name}')\s*=")
    for index in range(end):
        if not start_of_key.match(lines[index]):
            continue
        # The value ends at the first line after which these lines alone read as {key: value}.
        for stop in range(index + 1, end + 1):
            try:
                if tomllib.loads("".join(lines[index:stop])) == {key: before[key]}:
                    return lines[:index] + [new_line] + lines[stop:]
            except tomllib.TOMLDecodeError:
                continue
    return None


def _insert_top_level(lines: list[str], new_line: str) -> list[str]:
    end = _top_level_end(lines)
    head = lines[:end]
    if head and not head[-1].endswith("\n"):
        head[-1] += "\n"
    # After the last top-level line that is not blank, so the table keeps its blank line above.
    insert_at = len(head)
    while insert_at > 0 and not head[insert_at - 1].strip() and end < len(lines):
        insert_at -= 1
    return head[:insert_at] + [new_line] + head[insert_at:] + lines[end:]
