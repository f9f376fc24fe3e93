"""Session files (versions 1 and 2, DESIGN.md "Contracts"): load, check, save.

Loading refuses a broken file with a ``SessionError`` whose text is one plain line naming the
file and the field ("ana.json: plan.infusion: March 1, 2013 is before T cell collection on
March 18, 2013"); unusual but possible input loads with warnings. Fields the file's version does
not know are kept and written back. Only the errors this module expects are turned into
messages: anything else is a bug and must surface as one.

A version 1 file is read by version 1's rules, then taken up into the version 2 model in memory
(a ``plan.product`` or a review's ``learner`` it carried as an unknown field becomes the real
field when it is valid). Loading never writes; ``save_session`` (staff pressing Save) writes
version 2.

Over 400 lines: the session file's one loader (every field's check, old versions, hostile input)
is the file format's contract, kept whole.
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from car_t_guide.core.dates import BadDate, PartialDate, parse_full_date
from car_t_guide.core.i18n import _
from car_t_guide.core.machine.atomic import OWNER_ONLY, write_atomic
from car_t_guide.core.machine.small_files import NotASmallFile, read_small_file
from car_t_guide.core.plain_text import shown
from car_t_guide.core.session import checks as session_checks
from car_t_guide.core.session.fields import (
    CARE_TEAM_FIELDS,
    FORMAT,
    HISTORY_EVENT_FIELDS,
    LANGUAGE_TAG_PATTERN,
    MAX_ITEMS,
    MEDICINE_FIELDS,
    PATIENT_FIELDS,
    PLAN_FIELDS,
    READABLE_VERSIONS,
    RULES,
    TOP_LEVEL_KEYS,
    TOPIC_REVIEW_FIELDS,
    VERSION,
    Choice,
    Field,
    FullDate,
    HistoryDate,
    LanguageTag,
    Text,
    VersionRules,
    WholeNumber,
)
from car_t_guide.core.session.model import (  # re-exported for scripts that load and build
    CareTeam,
    HistoryEvent,
    Medicine,
    Patient,
    Plan,
    Session,
    TopicReview,
    empty_session,
)

__all__ = [
    "CareTeam",
    "HistoryEvent",
    "LoadedSession",
    "Medicine",
    "Patient",
    "Plan",
    "Session",
    "SessionError",
    "SessionWarning",
    "TopicReview",
    "empty_session",
    "load_session",
    "parse_session",
    "save_session",
    "session_to_dict",
]

# A session file is a few kilobytes; anything this big is not one, and is not read into memory.
MAX_FILE_BYTES = 5 * 1024 * 1024
# Unknown fields are kept as they are, but not nested without end.
MAX_NESTING = 64
# Every number is written back as it was read. A whole number this long is no session's, and
# past 4,300 digits Python can neither read nor write it.
MAX_NUMBER_DIGITS = 100


def _line(source: str, field_name: str, message: str) -> str:
    return ": ".join(part for part in (source, field_name, message) if part)


class SessionError(Exception):
    """A session that cannot be used. ``str()`` is one plain line: file, field, what is wrong."""

    def __init__(self, source: str, field_name: str, message: str) -> None:
        super().__init__(_line(source, field_name, message))
        self.source = source
        self.field = field_name
        self.message = message


@dataclass(frozen=True)
class SessionWarning:
    """Unusual but possible; the session loads. ``str()`` is one plain line."""

    source: str
    field: str
    message: str

    def __str__(self) -> str:
        return _line(self.source, self.field, self.message)


@dataclass
class LoadedSession:
    session: Session
    warnings: list[SessionWarning] = field(default_factory=list)


# --- reading the file ---------------------------------------------------------------------------


class _Refused(Exception):
    """Raised inside json.loads hooks; turned into a SessionError by load_session."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            # Keeping one silently would lose the other on the next save.
            raise _Refused(
                _("the field '{name}' appears twice in one object").format(name=shown(key))
            )
        result[key] = value
    return result


@dataclass(frozen=True)
class _Unwritable:
    """A number read from the file that could not be written back as it was (Infinity, 1e999,
    a 5,000-digit integer). It stands in the document until ``_check_plain_data`` refuses it,
    naming the field it is in."""

    message: str


def _constant(name: str) -> _Unwritable:
    return _Unwritable(_("'{value}' is not a number JSON allows").format(value=name))


def _too_long(digits: int) -> _Unwritable:
    return _Unwritable(
        _("a number {count} digits long cannot be kept; the most is {limit}").format(
            count=digits, limit=MAX_NUMBER_DIGITS
        )
    )


def _whole_number(text: str) -> int | _Unwritable:
    digits = len(text.lstrip("-"))
    return _too_long(digits) if digits > MAX_NUMBER_DIGITS else int(text)


def _real_number(text: str) -> float | _Unwritable:
    number = float(text)
    if math.isinf(number):
        return _Unwritable(
            _("{value} is too large a number to keep").format(value=shown(text, 20))
        )
    mantissa = re.split("[eE]", text)[0]
    if number == 0 and any(digit in mantissa for digit in "123456789"):
        return _Unwritable(
            _("{value} is too small a number to keep").format(value=shown(text, 20))
        )
    return number


def load_session(path: str | os.PathLike[str], *, today: date) -> LoadedSession:
    source = os.fspath(path)
    try:
        raw = read_small_file(path, MAX_FILE_BYTES)
    except NotASmallFile as error:
        message = (
            _("is too large to be a session file")
            if error.reason == "too_large"
            else _("is not a session file: it is a folder, a device or a pipe")
        )
        raise SessionError(source, "", message) from None
    except OSError as error:
        raise SessionError(
            source, "", _("cannot be read: {reason}").format(reason=error.strerror or error)
        ) from None
    if not raw.strip():
        raise SessionError(source, "", _("the file is empty"))
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark from Windows Notepad is harmless
    except UnicodeDecodeError:
        raise SessionError(source, "", _("is not a session file: it is not text (UTF-8)")) from None
    try:
        data = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_constant,
            parse_int=_whole_number,
            parse_float=_real_number,
        )
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            message = _("the file ends too early; it may have been cut off")
        else:
            message = _("is not valid JSON (line {line}, column {column})").format(
                line=error.lineno, column=error.colno
            )
        raise SessionError(source, "", message) from None
    except _Refused as error:
        raise SessionError(source, "", str(error)) from None
    except RecursionError:
        raise SessionError(source, "", _("is nested too deeply to be a session file")) from None
    return parse_session(data, today=today, source=source)


# --- checking the values -------------------------------------------------------------------------


def _describe(value: Any) -> str:
    """What a wrong value is, for the message."""
    if value is None:
        return _("nothing (null)")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("a number ({value})").format(value=value)
    if isinstance(value, str):
        return _("the text '{value}'").format(value=shown(value))
    if isinstance(value, list):
        return _("a list")
    return _("an object")


def _as_whole_number(value: Any) -> int | None:
    """The whole number a JSON value is, or None. JSON has one kind of number: 15.0 is 15 (and
    the JSON Schema type "integer" says so too)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


class _Reader:
    """Turns the JSON document into a Session, raising at the first wrong value."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> SessionError:
        return SessionError(self.source, where, message)

    def wrong_type(self, where: str, expected: str, value: Any) -> SessionError:
        return self.fail(
            where,
            _("must be {expected}, got {actual}").format(
                expected=expected, actual=_describe(value)
            ),
        )

    def object(self, where: str, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.wrong_type(where, _("an object {...}"), value)
        return value

    def list(self, where: str, value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise self.wrong_type(where, _("a list [...]"), value)
        return value

    def fields(
        self, where: str, obj: dict[str, Any], fields: tuple[Field, ...]
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The known fields' values (None when absent) and the unknown fields, kept as they are."""
        values: dict[str, Any] = {}
        for spec in fields:
            path = f"{where}.{spec.name}" if where else spec.name
            raw = obj.get(spec.name)
            if raw is None:
                if spec.required:
                    raise self.fail(path, _("missing: this field is required"))
                values[spec.name] = None
            else:
                values[spec.name] = self.value(path, spec, raw)
        known = {spec.name for spec in fields}
        extra = {key: copy.deepcopy(value) for key, value in obj.items() if key not in known}
        return values, extra

    def value(self, path: str, spec: Field, raw: Any) -> Any:
        rule = spec.rule
        if isinstance(rule, WholeNumber):
            number = _as_whole_number(raw)
            if number is None:
                raise self.wrong_type(path, _("a whole number"), raw)
            if not rule.minimum <= number <= rule.maximum:
                raise self.fail(
                    path,
                    _("{value} is not between {low} and {high}").format(
                        value=raw, low=rule.minimum, high=rule.maximum
                    ),
                )
            return number
        if not isinstance(raw, str):
            expected = (
                _("a date written as text (YYYY-MM-DD)")
                if isinstance(rule, FullDate | HistoryDate)
                else _("text")
            )
            raise self.wrong_type(path, expected, raw)
        if isinstance(rule, Text):
            problem = session_checks.text_problem(raw, rule)
            if problem:
                raise self.fail(path, problem)
            return raw
        if isinstance(rule, Choice):
            if raw not in rule.options:
                raise self.fail(
                    path,
                    _("'{value}' is not known; use one of: {options}").format(
                        value=shown(raw), options=", ".join(rule.options)
                    ),
                )
            return raw
        if isinstance(rule, LanguageTag):
            if not re.fullmatch(LANGUAGE_TAG_PATTERN, raw):
                raise self.fail(
                    path,
                    _("'{value}' is not a language code such as 'en' or 'es'").format(
                        value=shown(raw)
                    ),
                )
            return raw
        try:
            if isinstance(rule, FullDate):
                return parse_full_date(raw)
            assert isinstance(rule, HistoryDate)
            return PartialDate.parse(raw)
        except BadDate as error:
            raise self.fail(path, str(error)) from None


def _number_problem(value: Any) -> str | None:
    """Why a number in a document (read from a file or made in memory) cannot be written."""
    if isinstance(value, _Unwritable):
        return value.message
    if isinstance(value, float) and not math.isfinite(value):
        return _("'{value}' is not a number JSON allows").format(value=value)
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) >= 10**MAX_NUMBER_DIGITS:
            return _too_long(MAX_NUMBER_DIGITS + 1).message
    return None


def _check_plain_data(reader: _Reader, data: Any) -> None:
    """Unknown fields are written back as they came: refuse what could not be written back
    (broken characters, numbers JSON cannot hold) or nests without end. Iterative, so hostile
    depth cannot crash us."""
    pending: list[tuple[str, Any, int]] = [("", data, 0)]
    while pending:
        where, value, depth = pending.pop()
        if depth > MAX_NESTING:
            raise reader.fail(where, _("is nested too deeply"))
        if isinstance(value, dict):
            for key, item in value.items():
                path = f"{where}.{shown(key)}" if where else shown(key)
                if any(0xD800 <= ord(char) <= 0xDFFF for char in key):
                    raise reader.fail(where, _("a field name contains a broken character"))
                pending.append((path, item, depth + 1))
        elif isinstance(value, list):
            pending.extend((f"{where}[{i}]", item, depth + 1) for i, item in enumerate(value))
        elif isinstance(value, str) and any(0xD800 <= ord(char) <= 0xDFFF for char in value):
            raise reader.fail(where, _("contains a broken character; please remove it"))
        else:
            problem = _number_problem(value)
            if problem:
                raise reader.fail(where, problem)


def _check_format_and_version(reader: _Reader, data: dict[str, Any]) -> VersionRules:
    fmt = data.get("format")
    if fmt is None:
        raise reader.fail("format", _("missing: this is not a CAR T Family Guide session file"))
    if fmt != FORMAT:
        raise reader.fail(
            "format",
            _("expected '{expected}', got {actual}: this is not a session file").format(
                expected=FORMAT, actual=_describe(fmt)
            ),
        )
    raw_version = data.get("version")
    if raw_version is None:
        raise reader.fail("version", _("missing"))
    version = _as_whole_number(raw_version)
    if version is None:
        raise reader.wrong_type("version", _("a whole number"), raw_version)
    if version > VERSION:
        raise reader.fail(
            "version",
            _(
                "this file is version {version}, from a newer CAR T Family Guide; "
                "this app reads version {supported} (please update the app)"
            ).format(version=version, supported=VERSION),
        )
    if version not in READABLE_VERSIONS:
        raise reader.fail("version", _("version {version} does not exist").format(version=version))
    return RULES[version]


def _optional_object(reader: _Reader, data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return {} if value is None else reader.object(key, value)


def _optional_list(reader: _Reader, data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    items = [] if value is None else reader.list(key, value)
    if len(items) > MAX_ITEMS[key]:
        raise reader.fail(
            key,
            _("holds {count} entries; a session file holds at most {limit}").format(
                count=len(items), limit=MAX_ITEMS[key]
            ),
        )
    return items


def _read_topic(reader: _Reader, where: str, raw: Any, rules: VersionRules) -> TopicReview:
    if isinstance(raw, str):  # the plain form: just the topic id
        if raw not in rules.topics:
            raise reader.fail(
                where,
                _("'{value}' is not known; use one of: {options}").format(
                    value=shown(raw), options=", ".join(rules.topics)
                ),
            )
        return TopicReview(raw)
    values, extra = reader.fields(where, reader.object(where, raw), rules.topic_review_fields)
    values.update(_take_up(reader, where, extra, rules.topic_review_fields, TOPIC_REVIEW_FIELDS))
    return TopicReview(**values, extra=extra, as_object=True)


def _take_up(
    reader: _Reader,
    where: str,
    extra: dict[str, Any],
    read: tuple[Field, ...],
    current: tuple[Field, ...],
) -> dict[str, Any]:
    """Fields an older version did not know, moved out of ``extra`` into the current model when
    their values are valid (a version 1 file's ``plan.product`` written by a script); any other
    value stays an unknown field, kept as it was. Nothing to do for a current file."""
    known = {spec.name for spec in read}
    taken: dict[str, Any] = {spec.name: None for spec in current if spec.name not in known}
    for spec in current:
        if spec.name in known or extra.get(spec.name) is None:
            continue
        try:
            taken[spec.name] = reader.value(f"{where}.{spec.name}", spec, extra[spec.name])
        except SessionError:
            continue
        del extra[spec.name]
    return taken


def parse_session(data: Any, *, today: date, source: str = "") -> LoadedSession:
    """Check a decoded JSON document and build the Session; warnings are returned."""
    reader = _Reader(source)
    if not isinstance(data, dict):
        raise reader.fail("", _("is not a session file: expected a JSON object {...}"))
    _check_plain_data(reader, data)
    rules = _check_format_and_version(reader, data)

    language = None
    if data.get("language") is not None:
        language = reader.value("language", Field("language", LanguageTag()), data["language"])
    patient_values, patient_extra = reader.fields(
        "patient", _optional_object(reader, data, "patient"), PATIENT_FIELDS
    )
    team_values, team_extra = reader.fields(
        "care_team", _optional_object(reader, data, "care_team"), CARE_TEAM_FIELDS
    )
    history = []
    for i, raw in enumerate(_optional_list(reader, data, "history")):
        where = f"history[{i}]"
        values, extra = reader.fields(where, reader.object(where, raw), HISTORY_EVENT_FIELDS)
        history.append(HistoryEvent(**values, extra=extra))
    if data.get("plan") is None:
        raise reader.fail(
            "plan", _("missing: the T cell collection date (plan.collection) is needed")
        )
    plan_values, plan_extra = reader.fields(
        "plan", reader.object("plan", data["plan"]), rules.plan_fields
    )
    plan_values.update(_take_up(reader, "plan", plan_extra, rules.plan_fields, PLAN_FIELDS))
    topics = [
        _read_topic(reader, f"topics_reviewed[{i}]", raw, rules)
        for i, raw in enumerate(_optional_list(reader, data, "topics_reviewed"))
    ]
    medicines = []
    for i, raw in enumerate(_optional_list(reader, data, "medicines")):
        where = f"medicines[{i}]"
        values, extra = reader.fields(where, reader.object(where, raw), MEDICINE_FIELDS)
        medicines.append(Medicine(**values, extra=extra))

    session = Session(
        plan=Plan(**plan_values, extra=plan_extra),
        language=language,
        patient=Patient(
            display_name=patient_values["display_name"] or "",
            age_years=patient_values["age_years"],
            extra=patient_extra,
        ),
        care_team=CareTeam(
            center=team_values["center"] or "",
            phone_24h=team_values["phone_24h"] or "",
            extra=team_extra,
        ),
        history=history,
        topics_reviewed=topics,
        medicines=medicines,
        extra={k: copy.deepcopy(v) for k, v in data.items() if k not in TOP_LEVEL_KEYS},
    )
    warnings = []
    for problem in session_checks.check_session(session, today=today):
        if problem.is_error:
            raise reader.fail(problem.field, problem.message)
        warnings.append(SessionWarning(source, problem.field, problem.message))
    return LoadedSession(session, warnings)


# --- writing ------------------------------------------------------------------------------------


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def _with_extra(known: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    return {**known, **{key: value for key, value in extra.items() if key not in known}}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def session_to_dict(session: Session) -> dict[str, Any]:
    """The JSON document of a session, known fields in the contract's order, then the rest."""
    patient = session.patient
    team = session.care_team
    plan = session.plan
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if session.language is not None:
        document["language"] = session.language
    document["patient"] = _with_extra(
        _without_none({"display_name": patient.display_name, "age_years": patient.age_years}),
        patient.extra,
    )
    document["care_team"] = _with_extra(
        {"center": team.center, "phone_24h": team.phone_24h}, team.extra
    )
    document["history"] = [
        _with_extra(
            _without_none(
                {
                    "kind": event.kind,
                    "date": event.date.isoformat(),
                    "site": event.site,
                    "note": event.note,
                }
            ),
            event.extra,
        )
        for event in session.history
    ]
    document["plan"] = _with_extra(
        _without_none(
            {
                "collection": _iso(plan.collection),
                "bridging_start": _iso(plan.bridging_start),
                "lymphodepletion_start": _iso(plan.lymphodepletion_start),
                "infusion": _iso(plan.infusion),
                "product": plan.product,
            }
        ),
        plan.extra,
    )
    document["topics_reviewed"] = [
        review.topic
        if review.is_plain
        else _with_extra(
            _without_none(
                {
                    "topic": review.topic,
                    "by": review.by,
                    "on": _iso(review.on),
                    "learner": review.learner,
                    "method": review.method,
                    "result": review.result,
                }
            ),
            review.extra,
        )
        for review in session.topics_reviewed
    ]
    if session.medicines:
        document["medicines"] = [
            _with_extra(
                _without_none({"name": m.name, "purpose": m.purpose, "until": _iso(m.until)}),
                m.extra,
            )
            for m in session.medicines
        ]
    return _with_extra(document, session.extra)


def save_session(
    session: Session, path: str | os.PathLike[str], *, today: date | None = None
) -> None:
    """Write the session, readable by its owner only, all at once or not at all.

    The document is checked by the loader first: the app never writes a file it would refuse to
    open. ``today`` bounds the dates as loading does (default: the real today).
    """
    source = os.fspath(path)
    document = session_to_dict(session)
    parse_session(document, today=today or date.today(), source=source)
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    try:
        write_atomic(path, text.encode("utf-8"), mode=OWNER_ONLY)
    except OSError as error:
        raise SessionError(
            source, "", _("cannot be saved: {reason}").format(reason=error.strerror or error)
        ) from None
