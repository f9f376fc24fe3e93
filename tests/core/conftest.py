"""Hypothesis profiles for the core tests: "ci" is repeatable and quick, "dev" digs deeper.

CI sets CI=true; HYPOTHESIS_PROFILE=name overrides either way.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, max_examples=50, deadline=None)
settings.register_profile("dev", max_examples=500, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
