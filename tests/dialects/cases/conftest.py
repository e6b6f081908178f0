from __future__ import annotations

import pytest

from tests.cases_world import CasesWorld, cases_world


@pytest.fixture
async def world(db, settings) -> CasesWorld:
    return await cases_world(db, settings.resolved_secret_key)
