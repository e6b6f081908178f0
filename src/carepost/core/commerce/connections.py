"""Per-account store connections: the built-in ledger unless an account says otherwise."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.commerce.repository import ConnectionRepository
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import CommerceConnection

PROVIDERS = ("ledger", "shopify")


async def connection_for(session: AsyncSession, *, account_id: int) -> CommerceConnection:
    found = await ConnectionRepository(session).get(account_id)
    return found or CommerceConnection(account_id=account_id, provider="ledger", config={}, sealed_credentials=None)


async def save_connection(
    session: AsyncSession, *, account_id: int, provider: str, config: dict[str, Any], sealed_credentials: str | None
) -> None:
    if provider not in PROVIDERS:
        raise InvalidInput(f"provider must be one of: {', '.join(PROVIDERS)}", field="provider")
    await ConnectionRepository(session).save(
        CommerceConnection(account_id=account_id, provider=provider, config=config, sealed_credentials=sealed_credentials)
    )
