"""Made-to-measure (masks) orders: place, look up, cancel.

The rules live here once; the masks dialect only translates the wire.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller
from carepost.core.audit.service import record_access
from carepost.core.commerce.port import CommercePort, StoreOrderDraft
from carepost.core.flows.inputs import ActionInput
from carepost.core.flows.spec import Ports
from carepost.core.kit.contact import phone_warnings
from carepost.core.kit.errors import Conflict, NotFound
from carepost.core.kit.lean import Runner
from carepost.core.manufacturing.lifecycle import MADE_TO_MEASURE, MaskStep
from carepost.core.manufacturing.products import PRODUCT_NAMES, MaskType
from carepost.core.manufacturing.repository import order_view
from carepost.core.manufacturing.settings import orderable_mask
from carepost.core.manufacturing.views import MaskOrderView
from carepost.core.models import Order, OrderEvent
from carepost.core.orders import events, test_helpers
from carepost.core.orders.new_order import new_order
from carepost.core.orders.repository import OrderRepository
from carepost.core.orders.transitions import TransitionRefused, transition

DIALECT = "masks"


@dataclass(frozen=True)
class MaskOrderIn:
    patient_email: str
    patient_name: str
    phone: str
    shipping_address: dict[str, Any]
    mask_type: MaskType
    forge_sends_email_to_client: bool


@dataclass(frozen=True)
class Cancellation:
    order: Order
    already_cancelled: bool


async def place(session: AsyncSession, *, caller: Caller, order_in: MaskOrderIn, commerce: CommercePort) -> Order:
    """Place a mask order; live orders are mirrored to the clinic's store."""
    caller.require_dialect(DIALECT)
    caller.require_write()
    warnings = phone_warnings(order_in.phone)
    mask = await orderable_mask(session, account_id=caller.account_id, mask_type=order_in.mask_type)
    order = await OrderRepository(session).add(
        new_order(
            caller,
            dialect=DIALECT,
            lifecycle=MADE_TO_MEASURE,
            recipient={"name": order_in.patient_name, "email": order_in.patient_email, "phone": order_in.phone},
            shipping_address=order_in.shipping_address,
            attributes={
                "mask_type": mask.mask_type.value,
                "forge_sends_email_to_client": order_in.forge_sends_email_to_client,
            },
            warnings=warnings,
        )
    )
    if not caller.is_test:
        store_order = await commerce.create_order(
            StoreOrderDraft(
                account_id=caller.account_id,
                contact_email=mask.contact_email,
                variant_id=mask.variant_id,
                quantity=1,
                shipping_address=order_in.shipping_address,
                note=f"{PRODUCT_NAMES[mask.mask_type]} for {order_in.patient_name} ({order.public_id})",
                attributes={"patient_name": order_in.patient_name, "carepost_order_id": order.public_id},
            )
        )
        await OrderRepository(session).note_store_order(
            order, store_order_id=store_order.order_id, store_order_name=store_order.order_name
        )

    async def view_after(_: OrderEvent) -> MaskOrderView:  # a new order: no scan, no production yet
        return MaskOrderView(order=order, scan=None, production=None)

    await events.record(
        session, order, name="placed", actor=events.api_key_actor(caller.api_key_id), data={"mask_type": mask.mask_type.value},
        view_after=view_after,
    )
    return order


async def find(session: AsyncSession, *, caller: Caller, public_id: str, lock: bool = False) -> Order:
    """An order placed with this caller's own key; anything else is not found."""
    caller.require_dialect(DIALECT)
    order = await OrderRepository(session).for_key(
        account_id=caller.account_id, api_key_id=caller.api_key_id, public_id=public_id, lock=lock
    )
    if order is None or not _callers(order, caller):
        raise NotFound(NOT_FOUND_MESSAGE, code="order_not_found")
    return order


NOT_FOUND_MESSAGE = "No order with this id was placed with this API key."


def _callers(order: Order, caller: Caller) -> bool:
    """A masks order of the caller's mode (the query already matched account and key)."""
    return order.dialect == DIALECT and order.mode == caller.mode


async def read_status(on: Runner, *, caller: Caller, public_id: str, request_id: str) -> MaskOrderView:
    """The order as its status shows it, read in one statement (every client polls it);
    every read is audited. Lean statements only: it runs on a bare connection's
    transaction (Database.lean_transaction), with no ORM session."""
    caller.require_dialect(DIALECT)
    found = await order_view(on, account_id=caller.account_id, api_key_id=caller.api_key_id, public_id=public_id)
    if found is None or not _callers(found[0], caller):
        raise NotFound(NOT_FOUND_MESSAGE, code="order_not_found")
    order, scan, production = found
    await record_access(
        on, account_id=caller.account_id, api_key_id=caller.api_key_id, order_id=order.id, action="status", request_id=request_id
    )
    return MaskOrderView(order=order, scan=scan, production=production)


async def cancel(
    session: AsyncSession,
    *,
    caller: Caller,
    public_id: str,
    reason: str | None,
    reference: str | None,
    commerce: CommercePort,
) -> Cancellation:
    """Cancel while the scan is incomplete and nothing has been made; idempotent."""
    caller.require_write()
    order = await find(session, caller=caller, public_id=public_id, lock=True)
    if order.status == MaskStep.CANCELLED:
        return Cancellation(order=order, already_cancelled=True)
    if not MADE_TO_MEASURE.allows(order.status, "cancel"):
        raise Conflict(_why_not_cancellable(order.status), code="order_not_cancellable", step=order.status)
    order.cancel_reference = reference
    await transition(
        session, order=order, action="cancel", actor=events.api_key_actor(caller.api_key_id),
        given=ActionInput(reason=reason), ports=Ports(commerce=commerce),
    )
    return Cancellation(order=order, already_cancelled=False)


def _why_not_cancellable(step: str) -> str:
    if step in (MaskStep.SHIPPED, MaskStep.DELIVERED):
        return "The order has shipped and can no longer be cancelled."
    if step in (MaskStep.SCAN_REVIEW, MaskStep.SCAN_APPROVED):
        return "The patient's scan upload is complete; the order can no longer be cancelled."
    return "Production has started; the order can no longer be cancelled."


async def advance_test_order(
    session: AsyncSession, *, caller: Caller, public_id: str, action: str, given: ActionInput
) -> Order:
    """The sandbox's factory: a test key moves its own test orders through every step."""
    test_helpers.require_test_key(caller)
    order = await find(session, caller=caller, public_id=public_id, lock=True)
    try:
        return await test_helpers.move_test_order(session, caller=caller, order=order, action=action, given=given)
    except TransitionRefused:  # the masks docs' own code for it (docs/masks.md)
        raise Conflict(
            f"The order is at step {order.status!r}, where {action!r} is not possible.", code="step_not_allowed", step=order.status
        ) from None
