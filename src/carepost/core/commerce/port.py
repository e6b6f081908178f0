"""The commerce port: mirroring an order into the supplier's store.

The built-in ledger (adapters/commerce/ledger.py) is the default; a Shopify
adapter speaks to a real store. Test-mode orders never reach any of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.errors import UpstreamFailed

NET_30 = "NET_30"


@dataclass(frozen=True)
class StoreOrderDraft:
    account_id: int
    contact_email: str
    variant_id: str
    quantity: int
    shipping_address: dict[str, Any]
    note: str
    payment_terms: str = NET_30
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StoreOrderRef:
    order_id: str  # "5678901234"
    order_name: str  # "#1234"


class CommerceFailed(UpstreamFailed):
    def __init__(self, message: str) -> None:
        super().__init__(message, code="commerce_failed")


class CommercePort(Protocol):
    async def create_order(self, draft: StoreOrderDraft) -> StoreOrderRef:
        """Create the order in the store, or raise CommerceFailed."""
        ...

    async def cancel_order(self, *, account_id: int, order_id: str) -> None:
        """Cancel the store's order, or raise CommerceFailed."""
        ...


# Chooses the store for an account; given the session so that a store kept in
# our own database (the ledger) writes in the order's transaction.
CommerceResolver = Callable[[AsyncSession, int], CommercePort]
