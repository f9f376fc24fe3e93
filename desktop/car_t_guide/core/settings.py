"""Center settings: one small TOML file clinic IT sets once per machine.

(Skeleton: the fields and defaults are fixed here; loading, validation and the platform
location are being filled in.)
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CenterSettings:
    center_name: str = ""
    phone_24h: str = ""
    emergency_number: str = "911"
    # June 2025 US label (fda-2025-rems): 2 weeks near the center, 2 weeks without driving.
    # Older and non-US labels: 28 and 56 days.
    stay_near_center_days: int = 14
    no_driving_days: int = 14
    follow_up_days: tuple[int, ...] = ()
    default_language: str = ""
    paper_size: str = ""  # "letter", "a4" or "" (from the system region)
    idle_timeout_seconds: float = 180.0
    idle_countdown_seconds: float = 30.0
    printer: str = ""
    staff_pin_hash: str = ""  # scrypt, with its parameters
    extra: dict = field(default_factory=dict, compare=False)
