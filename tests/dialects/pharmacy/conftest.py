"""A fresh pharmacy world and a signed-in user's token for every pharmacy test."""

from __future__ import annotations

import pytest

from tests.pharmacy_world import PharmacyWorld, pharmacy_world, token_for


@pytest.fixture
async def world(db, settings) -> PharmacyWorld:
    return await pharmacy_world(db, settings.resolved_secret_key)


@pytest.fixture
async def token(client, world) -> str:
    return await token_for(client, world)
