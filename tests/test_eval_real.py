"""real/dev: the real documents the rules are generalised on, scored against the floors of tests/real_parts.py."""

from __future__ import annotations

import pytest

from tests.real_parts import run_part
from tests.real_parts import test_real_micro_scores_stay_above_floors, test_real_part_is_well_formed  # noqa: F401


@pytest.fixture(scope="module", params=["dev"])
def real(request):
    return run_part(request.param)
