"""Moving a mask order through the factory, one lifecycle action at a time.

`advance` is the one way a made-to-measure order changes step: the
transition table decides whether the action is allowed, and the step's own
effect (a scan reviewed, a mesh job started, a label printed, a parcel
shipped) is recorded alongside. Operators, the scan portal and the partner's
sandbox helpers all come through here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.commerce.mirror import cancel_mirrored_order
from carepost.core.commerce.port import CommercePort
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import Conflict, InvalidInput, NotConfigured
from carepost.core.kit.ids import mesh_job_id, scan_public_id
from carepost.core.manufacturing.repository import MaskProductRepository, ProductionRepository, ScanFileRepository
from carepost.core.models import MaskScan, Order
from carepost.core.orders import events
from carepost.core.orders.lifecycle import MADE_TO_MEASURE

ACTIONS = (
    "complete_scan",
    "approve_scan",
    "reject_scan",
    "start_mesh",
    "start_print",
    "start_qa",
    "print_label",
    "ship",
    "deliver",
    "factory_cancel",
)


@dataclass(frozen=True)
class StepInput:
    """What some actions need: a review note, or the shipment's details."""

    note: str | None = None
    carrier: str | None = None
    tracking_number: str | None = None
    shipped_date: date | None = None


Effect = Callable[[AsyncSession, Order, StepInput, CommercePort | None], Awaitable[dict[str, object]]]


async def advance(
    session: AsyncSession,
    *,
    order: Order,
    action: str,
    actor: str,
    step_input: StepInput = StepInput(),
    commerce: CommercePort | None = None,
) -> Order:
    """Apply `action` to the order, or raise Conflict naming the step it is in."""
    if action not in _EFFECTS:
        raise InvalidInput(f"Unknown action {action!r}; one of: {', '.join(ACTIONS)}.", field="action")
    if not MADE_TO_MEASURE.allows(order.status, action):
        raise Conflict(
            f"The order is at step {order.status!r}, where {action!r} is not possible.",
            code="step_not_allowed",
            step=order.status,
        )
    data = await _EFFECTS[action](session, order, step_input, commerce)
    now = utcnow()
    order.status = MADE_TO_MEASURE.next(order.status, action)
    order.updated_at = now
    await events.record(session, order, name=action, actor=actor, data=data)
    return order


async def _complete_scan(session: AsyncSession, order: Order, _: StepInput, __: CommercePort | None) -> dict[str, str]:
    now = utcnow()
    scan = await ProductionRepository(session).add_scan(
        MaskScan(
            public_id=scan_public_id(int(now.timestamp() * 1000)),
            account_id=order.account_id,
            order_id=order.id,
            status="pending",
            created_at=now,
        )
    )
    return {"scan_id": scan.public_id}


async def _review(session: AsyncSession, order: Order, verdict: str, note: str | None) -> dict[str, str]:
    scan = await ProductionRepository(session).latest_scan(order.id)
    if scan is None or scan.status != "pending":  # the table allows review only in scan_review
        raise Conflict("There is no scan waiting for review.", code="step_not_allowed", step=order.status)
    scan.status = verdict
    scan.reviewed_at = utcnow()
    scan.review_note = note
    return {"scan_id": scan.public_id}


async def _approve_scan(session: AsyncSession, order: Order, given: StepInput, _: CommercePort | None) -> dict[str, str]:
    return await _review(session, order, "approved", given.note)


async def _reject_scan(session: AsyncSession, order: Order, given: StepInput, _: CommercePort | None) -> dict[str, object]:
    reviewed = await _review(session, order, "rejected", given.note)
    # The next scan starts from nothing: a rejected scan's files must not count towards it.
    # Their blobs stay in the store, named on this event, for whoever reviews the rejection.
    rejected_files = await ScanFileRepository(session).clear(order.id)
    return {**reviewed, "rejected_files": rejected_files}


async def _start_mesh(session: AsyncSession, order: Order, _: StepInput, __: CommercePort | None) -> dict[str, str]:
    production = await ProductionRepository(session).production_or_new(order_id=order.id, account_id=order.account_id)
    production.vm_job_id = mesh_job_id()
    return {"vm_job_id": production.vm_job_id}


async def _nothing(session: AsyncSession, order: Order, _: StepInput, __: CommercePort | None) -> dict[str, str]:
    return {}


async def _print_label(session: AsyncSession, order: Order, _: StepInput, __: CommercePort | None) -> dict[str, str]:
    product = await MaskProductRepository(session).get(order.attributes["mask_type"])
    if product is None:
        raise NotConfigured(f"No mask product for {order.attributes['mask_type']!r}.", code="product_not_configured")
    repository = ProductionRepository(session)
    production = await repository.production_or_new(order_id=order.id, account_id=order.account_id)
    now = utcnow()
    production.gtin = product.gtin
    production.production_date = now.date()
    production.label_printed_at = now
    fupc = await repository.assign_fupc(production)
    return {"fupc": fupc}


async def _ship(session: AsyncSession, order: Order, given: StepInput, _: CommercePort | None) -> dict[str, str]:
    if not given.carrier or not given.tracking_number:
        raise InvalidInput("Shipping needs a carrier and a tracking number.", field="tracking_number")
    production = await ProductionRepository(session).production_or_new(order_id=order.id, account_id=order.account_id)
    production.carrier = given.carrier
    production.tracking_number = given.tracking_number
    production.shipped_date = given.shipped_date or utcnow().date()
    return {"carrier": given.carrier}


async def _deliver(session: AsyncSession, order: Order, _: StepInput, __: CommercePort | None) -> dict[str, str]:
    production = await ProductionRepository(session).production_or_new(order_id=order.id, account_id=order.account_id)
    production.delivered_at = utcnow()
    return {}


async def _factory_cancel(session: AsyncSession, order: Order, given: StepInput, commerce: CommercePort | None) -> dict[str, str]:
    order.cancelled_at = utcnow()
    order.cancel_reason = given.note
    if commerce is not None:
        await cancel_mirrored_order(order, commerce)
    return {}


_EFFECTS: dict[str, Effect] = {
    "complete_scan": _complete_scan,
    "approve_scan": _approve_scan,
    "reject_scan": _reject_scan,
    "start_mesh": _start_mesh,
    "start_print": _nothing,
    "start_qa": _nothing,
    "print_label": _print_label,
    "ship": _ship,
    "deliver": _deliver,
    "factory_cancel": _factory_cancel,
}
assert set(_EFFECTS) == set(ACTIONS)
assert {a for _, a in MADE_TO_MEASURE.transitions} == set(ACTIONS) | {"cancel"}


async def latest_scan_id(session: AsyncSession, order: Order) -> str | None:
    scan = await ProductionRepository(session).latest_scan(order.id)
    return scan.public_id if scan else None
