"""What the pharmacy's own moves do to a retail order besides moving it (core/retail/flow.py
declares them): a dispatch's tracking, a delivery's date, a payment's dates and reason, a
failed invoice issued again, a cancel's stock and invoice. The order's status and its
payment status each follow their table (RETAIL, PAYMENT) through core/orders/transitions.py."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.flows.inputs import ActionInput
from carepost.core.flows.spec import Ports
from carepost.core.inventory.allocation import consume, release
from carepost.core.invoicing import requesting
from carepost.core.invoicing.repository import InvoiceRepository
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import Order, RetailOrder
from carepost.core.retail.order_repository import RetailOrderRepository


async def dispatch(session: AsyncSession, order: Order, given: ActionInput, _: Ports) -> dict[str, Any]:
    retail = await _retail(session, order)
    data: dict[str, Any] = {"pick_up": retail.store_id is not None}
    if retail.store_id is None:
        if not given.carrier or not given.tracking_number:
            raise InvalidInput("Dispatching a shipped order needs its carrier and tracking number.", field="tracking_number")
        order.attributes = {**order.attributes, "carrier": given.carrier, "tracking_number": given.tracking_number}
        data |= {"carrier": given.carrier, "tracking_number": given.tracking_number}
    await consume(session, order_id=order.id)  # the reserved units leave the shelf (test orders reserved none)
    retail.shipping_date = utcnow()
    return data


async def deliver(session: AsyncSession, order: Order, _: ActionInput, __: Ports) -> dict[str, Any]:
    (await _retail(session, order)).receiving_date = utcnow()
    return {}


async def cancel(session: AsyncSession, order: Order, _: ActionInput, __: Ports) -> dict[str, Any]:
    """By its client or by an operator: the reserved stock goes back to the shelf."""
    await release(session, order_id=order.id)
    order.cancelled_at = utcnow()
    return {}


async def cancel_invoice(session: AsyncSession, order: Order, _: ActionInput, ports: Ports) -> None:
    """After the cancel's event: a stamped invoice is cancelled at the PAC, one not stamped never issued."""
    await requesting.on_order_cancelled(session, order, actor=ports.actor)


async def payment_status(session: AsyncSession, order: Order) -> str:
    return (await _retail(session, order)).payment_status


async def set_payment_status(session: AsyncSession, order: Order, status: str) -> None:
    (await _retail(session, order)).payment_status = status


async def mark_paid(session: AsyncSession, order: Order, _: ActionInput, __: Ports) -> dict[str, Any]:
    (await _retail(session, order)).payment_date = utcnow()
    return {}


async def reject_payment(session: AsyncSession, order: Order, given: ActionInput, _: Ports) -> dict[str, Any]:
    if not given.reason:
        raise InvalidInput("Rejecting a payment needs its reason.", field="reason")
    (await _retail(session, order)).rejection_reason = given.reason
    return {"reason": given.reason}


async def retry_invoice(session: AsyncSession, order: Order, _: ActionInput, ports: Ports) -> dict[str, Any]:
    """A failed CFDI issued again, with the receiver it was asked with (its own events follow)."""
    await requesting.retry(session, order, actor=ports.actor)
    return {}


async def invoice_failed(session: AsyncSession, order: Order) -> bool:
    invoice = await InvoiceRepository(session).for_order(order.id)
    return invoice is not None and invoice.status == requesting.FAILED


async def _retail(session: AsyncSession, order: Order) -> RetailOrder:
    return await RetailOrderRepository(session).details(order.id)
