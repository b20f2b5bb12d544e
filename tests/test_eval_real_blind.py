"""The blind parts of the real corpus (real/blind, blind2, blind3): bodies nobody tuned on, scored against the
floors of tests/real_parts.py."""

from __future__ import annotations

import pytest

from tests.real_parts import check_floors, check_well_formed, run_part


@pytest.fixture(scope="module", params=["blind", "blind2", "blind3"])
def real(request):
    return run_part(request.param)


def test_real_part_is_well_formed(real):
    check_well_formed(real)


def test_real_micro_scores_stay_above_floors(real):
    check_floors(real)
