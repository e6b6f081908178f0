"""The one rule for an order's store mirror when the order is cancelled."""

from __future__ import annotations

from carepost.core.commerce.port import CommercePort
from carepost.core.models import Order


async def cancel_mirrored_order(order: Order, commerce: CommercePort) -> None:
    """Cancel the live store order, if there is one; test orders never reached a store."""
    if order.mode == "live" and order.commerce_order_id:
        await commerce.cancel_order(account_id=order.account_id, order_id=order.commerce_order_id)
        order.commerce_cancelled = True
