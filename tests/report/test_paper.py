"""Paper sizes in points (which paper to use is core/paper.py's rule, tested in tests/core)."""

from __future__ import annotations

import pytest

from car_t_guide.report.paper import page_size


def test_page_sizes_in_points():
    assert page_size("letter") == pytest.approx((612, 792))
    assert page_size("A4") == pytest.approx((595.2756, 841.8898))
    with pytest.raises(ValueError):
        page_size("legal")
