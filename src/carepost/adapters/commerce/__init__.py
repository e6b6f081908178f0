"""Choosing an account's store: the built-in ledger, or its Shopify connection."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.adapters.commerce.ledger import LedgerStore
from carepost.adapters.commerce.shopify import ShopifyConnection, ShopifyStore
from carepost.core.commerce.connections import connection_for
from carepost.core.commerce.port import CommercePort, CommerceResolver, StoreOrderDraft, StoreOrderRef
from carepost.core.kit.sealing import unseal


class AccountStore:
    """The account's store, looked up when first needed (the resolver itself cannot await)."""

    def __init__(self, session: AsyncSession, account_id: int, secret_key: str) -> None:
        self.session, self.account_id, self.secret_key = session, account_id, secret_key
        self._store: CommercePort | None = None

    async def _resolve(self) -> CommercePort:
        if self._store is None:
            connection = await connection_for(self.session, account_id=self.account_id)
            if connection.provider == "shopify":
                config = connection.config
                self._store = ShopifyStore(
                    ShopifyConnection(
                        endpoint=config["endpoint"],
                        access_token=unseal(self.secret_key, connection.sealed_credentials or ""),
                        company_id=config["company_id"],
                        company_location_id=config["company_location_id"],
                        company_contact_id=config["company_contact_id"],
                        payment_terms_template_id=config["payment_terms_template_id"],
                    )
                )
            else:
                self._store = LedgerStore(self.session)
        return self._store

    async def create_order(self, draft: StoreOrderDraft) -> StoreOrderRef:
        return await (await self._resolve()).create_order(draft)

    async def cancel_order(self, *, account_id: int, order_id: str) -> None:
        await (await self._resolve()).cancel_order(account_id=account_id, order_id=order_id)


def store_resolver(secret_key: str) -> CommerceResolver:
    return lambda session, account_id: AccountStore(session, account_id, secret_key)
