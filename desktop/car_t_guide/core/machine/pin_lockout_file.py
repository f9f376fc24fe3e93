"""The staff PIN lockout, kept across restarts: otherwise five wrong PINs and a restart (a
power cycle, pulling the plug) would start the count again.

The file holds two numbers and nothing else: how many wrong PINs in a row, and until when
(seconds since 1970) the keypad waits. No PIN, no name, no date of a family: a kiosk may keep it
on disk. Owner-only, written all at once, in the app's data folder.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from car_t_guide.core.machine.atomic import OWNER_ONLY, write_atomic
from car_t_guide.core.machine.logs import log_event
from car_t_guide.core.machine.paths import data_dir
from car_t_guide.core.machine.small_files import read_small_file

FILE_NAME = "staff-pin-lockout.json"
_MAX_BYTES = 4096
_MAX_COUNT = 10**6


@dataclass(frozen=True)
class LockoutState:
    wrong_in_a_row: int = 0
    locked_until: float = 0.0  # wall-clock seconds (time.time()); 0 when not waiting


class LockoutFile:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / FILE_NAME

    def load(self) -> LockoutState:
        """The saved state; a missing or unreadable file is a fresh start (it holds nothing
        that a person at the kiosk could change: deleting it needs the computer's files)."""
        try:
            data = json.loads(read_small_file(self.path, _MAX_BYTES))
            count, until = data["wrong_in_a_row"], data["locked_until"]
            if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count:
                raise ValueError
            if isinstance(until, bool) or not isinstance(until, int | float):
                raise ValueError
            if not math.isfinite(until):
                raise ValueError
            return LockoutState(min(count, _MAX_COUNT), max(0.0, float(until)))
        except FileNotFoundError:
            return LockoutState()
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            log_event("staff_pin_lockout_unreadable")
            return LockoutState()

    def save(self, state: LockoutState) -> None:
        """Write the state; a disk that refuses is logged, and the wait still holds in memory."""
        text = json.dumps(
            {"wrong_in_a_row": state.wrong_in_a_row, "locked_until": round(state.locked_until, 3)}
        )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(self.path, text.encode("ascii"), mode=OWNER_ONLY)
        except OSError:
            log_event("staff_pin_lockout_not_saved")
