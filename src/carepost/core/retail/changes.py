"""Changing a retail order after it was placed: its products while it is quoted or
approved (every total recomputed, the coupon as applied re-applied, stock reserved
again), and its cancelling before building starts. Both are order events."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller
from carepost.core.inventory.allocation import release
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import RetailOrderLine
from carepost.core.orders import events
from carepost.core.orders.transitions import TransitionRefused, transition
from carepost.core.retail.lifecycle import RETAIL_EDITABLE
from carepost.core.retail.order_repository import DIALECT, RetailOrderRepository
from carepost.core.retail.place import require_prescriptions, reserve
from carepost.core.retail.quote import LineRequest, price, products_for
from carepost.core.retail.reading import RetailOrderView, get_order
from carepost.core.retail.repository import RetailRepository


async def change_details(
    session: AsyncSession, *, caller: Caller, user_id: int, order_id: int, details: Sequence[LineRequest]
) -> RetailOrderView:
    caller.require_dialect(DIALECT)
    caller.require_write()
    view = await get_order(session, scope=caller.scope, order_id=order_id, lock=True)
    order, retail = view.order, view.retail
    if order.status not in RETAIL_EDITABLE:
        raise InvalidInput(f"Products can only change while the order is quoted or approved; it is {order.status}.", field="details")
    products = await products_for(RetailRepository(session), details, field="details")
    require_prescriptions(products, given=bool(view.prescriptions), field="details")
    await release(session, order_id=order.id)
    await reserve(session, caller, order, details, field="details")
    totals = price(details, products, coupon_value=retail.coupon_value, shipping_method=view.shipping_method)
    await RetailOrderRepository(session).replace_lines(
        order.id,
        [
            RetailOrderLine(
                order_id=order.id, item_id=line.product_id, quantity=line.quantity, unit_price=line.unit_price,
                iva_rate=products[line.product_id][1].iva_rate, subtotal=line.subtotal, discount=line.discount,
                iva=line.iva, total=line.total,
            )
            for line in totals.lines
        ],
    )
    retail.subtotal, retail.discount, retail.iva = totals.subtotal, totals.discount, totals.iva
    retail.shipping_price, retail.shipping_discount, retail.total = totals.shipping_price, totals.shipping_discount, totals.total
    retail.updated_by = user_id
    order.updated_at = utcnow()
    await events.record(session, order, name="details_changed", actor=events.api_key_actor(caller.api_key_id))
    return await get_order(session, scope=caller.scope, order_id=order.id)


async def cancel(session: AsyncSession, *, caller: Caller, user_id: int, order_id: int) -> RetailOrderView:
    """Cancel before building starts; it cannot be undone. Stock goes back to the shelf."""
    caller.require_dialect(DIALECT)
    caller.require_write()
    view = await get_order(session, scope=caller.scope, order_id=order_id, lock=True)
    await cancel_order(session, view, actor=events.api_key_actor(caller.api_key_id))
    view.retail.updated_by = user_id
    return await get_order(session, scope=caller.scope, order_id=order_id)


async def cancel_order(session: AsyncSession, view: RetailOrderView, *, actor: str) -> None:
    """The client's cancel (the contract's own refusal); an operator's goes through the same move."""
    try:
        await transition(session, order=view.order, action="cancel", actor=actor)
    except TransitionRefused:
        raise InvalidInput(
            f"The order can no longer be cancelled: it is {view.order.status}.", code="order_not_cancellable", field="order_status"
        ) from None
