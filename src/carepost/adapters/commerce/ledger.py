"""The built-in store: a ledger of B2B orders in our own database.

It issues ids in Shopify's shapes (`5678901234`, `#1001`) so partners see the
same fields as with a real store, and it writes in the order's own
transaction, so an order and its store entry commit or vanish together.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.adapters.commerce.repository import LedgerRepository
from carepost.core.commerce.port import CommerceFailed, StoreOrderDraft, StoreOrderRef
from carepost.core.kit.clock import utcnow
from carepost.core.models import CommerceLedgerOrder

# Ledger ids are offset into Shopify's numeric range; names start at #1001 as Shopify's do.
ORDER_ID_OFFSET = 5_000_000_000
FIRST_ORDER_NUMBER = 1001


class LedgerStore:
    def __init__(self, session: AsyncSession) -> None:
        self.ledger = LedgerRepository(session)

    async def create_order(self, draft: StoreOrderDraft) -> StoreOrderRef:
        sequence = await self.ledger.next_number(account_id=draft.account_id, counter="store_order")
        entry = await self.ledger.add(
            CommerceLedgerOrder(
                account_id=draft.account_id,
                number=FIRST_ORDER_NUMBER + sequence - 1,
                company_contact_email=draft.contact_email,
                variant_id=draft.variant_id,
                quantity=draft.quantity,
                payment_terms=draft.payment_terms,
                shipping_address=draft.shipping_address,
                note=draft.note[:1000],
                created_at=utcnow(),
            )
        )
        return StoreOrderRef(order_id=str(ORDER_ID_OFFSET + entry.id), order_name=f"#{entry.number}")

    async def cancel_order(self, *, account_id: int, order_id: str) -> None:
        entry = await self.ledger.get(account_id=account_id, entry_id=int(order_id) - ORDER_ID_OFFSET)
        if entry is None:
            raise CommerceFailed(f"The store has no order {order_id}.")
        await self.ledger.cancel(entry, at=utcnow())

