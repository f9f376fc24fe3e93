"""Logs that never hold a family's personal data.

The app logs event names and counts only (``log_event("kiosk_wiped", pages=12)``). As a second
line of defence, every record that reaches the log file passes through ``PrivacyFilter``, which
blanks anything that looks like a phone number or a date, and every value the app registered
as sensitive (names, notes, phone numbers a family or nurse typed) — registered while the
session holds them, forgotten when the kiosk resets. Exception messages are never written
(they can quote what was typed): only the exception type and where it happened.

The log file lives in ``paths.log_dir()``, rotates at 1 MB (3 old files kept), and is readable
by its owner only.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import traceback
from pathlib import Path
from types import TracebackType

from car_t_guide.core.machine.paths import log_dir

LOGGER_NAME = "car_t_guide"
LOG_FILE_NAME = "car-t-guide.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 3
HIDDEN = "[hidden]"

# Dates: 2013-05-10, 2013-05, 2013/05/10, 10/05/2013, 10.05.2013 (any of them can be a birthday
# or a treatment day). Four-digit years alone are left: they are rarely personal on their own
# and would blank every version number.
_DATE = re.compile(
    r"(?<!\d)(?:\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?!\d)"
)
# Phone numbers: 7 or more digits, possibly with +, spaces, dots, dashes and parentheses.
_PHONE_CANDIDATE = re.compile(r"\+?\(?\d[\d\s().\-]{5,}\d\)?")
_MIN_PHONE_DIGITS = 7
_WORD = re.compile(r"\w{3,}")
_EVENT_NAME = re.compile(r"[a-z][a-z0-9_.]*")


class SensitiveValues:
    """Texts that must never reach a log: the app adds what a family or nurse typed, and
    forgets it all when the session is reset."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def add(self, *values: str | None) -> None:
        """Register a value; each of its words of 3 or more letters is hidden too (a log line
        that names only "López" of "Ana María López" still names the family)."""
        with self._lock:
            for value in values:
                if not value or not value.strip():
                    continue
                value = value.strip()
                self._values.add(value.casefold())
                self._values.update(
                    word.casefold()
                    for word in _WORD.findall(value)
                    if any(char.isalpha() for char in word)  # "010" of a phone is not a name
                )
            self._pattern = None

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._pattern = None

    def __len__(self) -> int:
        return len(self._values)

    def _compiled(self) -> re.Pattern[str] | None:
        with self._lock:
            if self._pattern is None and self._values:
                # Longest first, so a whole name is hidden before its parts.
                alternatives = sorted(self._values, key=len, reverse=True)
                self._pattern = re.compile(
                    r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)",
                    re.IGNORECASE,
                )
            return self._pattern

    def hide_in(self, text: str) -> str:
        pattern = self._compiled()
        return pattern.sub(HIDDEN, text) if pattern else text


#: The app's one registry (add on entry, clear on reset).
sensitive_values = SensitiveValues()


def register_sensitive(*values: str | None) -> None:
    sensitive_values.add(*values)


def forget_sensitive() -> None:
    sensitive_values.clear()


def register_session(session) -> None:
    """Register every text a family or nurse typed into a session (core.session.Session):
    the name, the 24-hour phone, history notes, medicines, reviewers' initials. Call it from a
    ``session.subscribe`` listener, so new text is registered as soon as it is entered."""
    values = [session.patient.display_name, session.care_team.phone_24h]
    values += [event.note for event in session.history]
    values += [text for m in session.medicines for text in (m.name, m.purpose)]
    values += [review.by for review in session.topics_reviewed]
    register_sensitive(*values)


def _hide_phone(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = sum(char.isdigit() for char in text)
    return HIDDEN if digits >= _MIN_PHONE_DIGITS else text


def scrub(text: str, registry: SensitiveValues | None = None) -> str:
    """The text with registered values, dates and phone numbers replaced by [hidden]."""
    text = (registry or sensitive_values).hide_in(text)
    text = _DATE.sub(HIDDEN, text)
    return _PHONE_CANDIDATE.sub(_hide_phone, text)


def describe_exception(
    kind: type[BaseException], error: BaseException | None, tb: TracebackType | None
) -> str:
    """The exception's type and where it happened (file, line, function), never its message."""
    lines = [
        f"{kind.__module__}.{kind.__qualname__}"
        if kind.__module__ != "builtins"
        else kind.__qualname__
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  at {_short_path(frame.filename)}:{frame.lineno} in {frame.name}")
    cause = (error.__cause__ or error.__context__) if error is not None else None
    if cause is not None:
        lines.append(f"  while handling {type(cause).__qualname__}")
    return "\n".join(lines)


def code_location(tb: TracebackType | None) -> str:
    """Where the exception was raised: the innermost frame of our own code if there is one."""
    frames = traceback.extract_tb(tb)
    if not frames:
        return "unknown"
    ours = [f for f in frames if "car_t_guide" in f.filename.replace("\\", "/")]
    frame = (ours or frames)[-1]
    return f"{_short_path(frame.filename)}:{frame.lineno} in {frame.name}"


def _short_path(filename: str) -> str:
    # From the package down: the log does not need (and should not show) the user's home path.
    normalized = filename.replace("\\", "/")
    marker = normalized.rfind("car_t_guide/")
    return normalized[marker:] if marker >= 0 else os.path.basename(normalized)


class PrivacyFilter(logging.Filter):
    """Rewrites each record before it is written: message scrubbed, exception reduced to its
    type and location, stack text dropped."""

    def __init__(self, registry: SensitiveValues | None = None) -> None:
        super().__init__()
        self._registry = registry

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not stop logging (nor leak its arguments)
            message = f"unformattable log message from {record.module}"
        record.msg = scrub(message, self._registry)
        if getattr(record, _WITH_VERSIONS, False):
            # Added after scrubbing: the content version (2026.11-1) looks like a date, and
            # these are the app's own constants, never anything typed.
            record.msg = f"{record.msg} {versions_text()}"
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = describe_exception(*record.exc_info)
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = scrub(record.exc_text, self._registry)
        record.stack_info = None
        return True


def _owner_only_rotating_handler(path: Path) -> logging.Handler:
    # Imported here: logging.handlers (and socket behind it) is not needed until logging starts.
    import logging.handlers

    class OwnerOnlyRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self):
            # Create the file readable by its owner only, whatever the umask.
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            os.chmod(self.baseFilename, 0o600)
            return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    return OwnerOnlyRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )


_handler: logging.Handler | None = None


def setup_logging(level: int = logging.INFO, directory: Path | None = None) -> Path | None:
    """Send the app's log records to a private, rotating file; returns its path.

    Safe to call again (the old handler is replaced). If the folder cannot be written, the app
    runs without a log file rather than not at all, and None is returned.
    """
    global _handler
    shutdown_logging()
    folder = Path(directory) if directory is not None else log_dir()
    path = folder / LOG_FILE_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = _owner_only_rotating_handler(path)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PrivacyFilter())
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    logger.setLevel(level)
    _handler = handler
    return path


def shutdown_logging() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger(LOGGER_NAME).removeHandler(_handler)
        _handler.close()
        _handler = None


def log_failure(name: str, error: BaseException) -> None:
    """Log an event that failed on an exception: the event name, the exception's type and where
    it happened, never its message."""
    logging.getLogger(LOGGER_NAME).warning(
        "%s type=%s at %s",
        name,
        type(error).__qualname__,
        code_location(error.__traceback__),
    )


_WITH_VERSIONS = "car_t_guide_with_versions"


def versions_text() -> str:
    from car_t_guide import CONTENT_VERSION, __version__

    return f"app={__version__} content={CONTENT_VERSION}"


def log_started(**counts: int | float | bool) -> None:
    """The first line of every run: ``app_started kiosk=True app=0.1.0 content=2026.11-1``, so
    IT and support can tell from a log which app and which medical content were running."""
    _check_event("app_started", counts)
    details = " ".join(f"{key}={value}" for key, value in counts.items())
    logging.getLogger(LOGGER_NAME).info(
        f"app_started {details}".strip(), extra={_WITH_VERSIONS: True}
    )


def _check_event(name: str, counts: dict) -> None:
    if not _EVENT_NAME.fullmatch(name):
        raise ValueError(f"event names are lower_case words: {name!r}")
    for key, value in counts.items():
        if not isinstance(value, int | float | bool):
            raise TypeError(f"log_event {name}: {key} must be a number, not {type(value).__name__}")


def log_event(name: str, level: int = logging.INFO, **counts: int | float | bool) -> None:
    """Log what happened as an event name and numbers only: ``log_event("kiosk_wiped")``,
    ``log_event("pin_wrong", in_a_row=3)``. Text values are refused, so no typed text can slip
    in through a call site."""
    _check_event(name, counts)
    details = " ".join(f"{key}={value}" for key, value in counts.items())
    logging.getLogger(LOGGER_NAME).log(level, f"{name} {details}".strip())
