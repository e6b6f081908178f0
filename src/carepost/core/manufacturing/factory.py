"""What each factory step does besides moving the order (core/manufacturing/flow.py declares
the steps): a scan recorded or reviewed, a mesh job started, a label printed, a parcel
shipped. Operators, the scan portal and the partner's sandbox helpers all reach these
through the one transition (core/orders/transitions.py).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.commerce.mirror import cancel_mirrored_order
from carepost.core.flows.inputs import ActionInput
from carepost.core.flows.spec import Ports
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput, NotConfigured
from carepost.core.kit.ids import mesh_job_id, scan_public_id
from carepost.core.manufacturing.repository import MaskProductRepository, ProductionRepository, ScanFileRepository
from carepost.core.models import MaskScan, Order
from carepost.core.orders.transitions import TransitionRefused


async def complete_scan(session: AsyncSession, order: Order, _: ActionInput, __: Ports) -> dict[str, str]:
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
        raise TransitionRefused(order.status, "review the scan")
    scan.status = verdict
    scan.reviewed_at = utcnow()
    scan.review_note = note
    return {"scan_id": scan.public_id}


async def approve_scan(session: AsyncSession, order: Order, given: ActionInput, _: Ports) -> dict[str, str]:
    return await _review(session, order, "approved", given.note)


async def reject_scan(session: AsyncSession, order: Order, given: ActionInput, _: Ports) -> dict[str, object]:
    reviewed = await _review(session, order, "rejected", given.note)
    # The next scan starts from nothing: a rejected scan's files must not count towards it.
    # Their blobs stay in the store, named on this event, for whoever reviews the rejection.
    rejected_files = await ScanFileRepository(session).clear(order.id)
    return {**reviewed, "rejected_files": rejected_files}


async def start_mesh(session: AsyncSession, order: Order, _: ActionInput, __: Ports) -> dict[str, str]:
    production = await ProductionRepository(session).production_or_new(order_id=order.id, account_id=order.account_id)
    production.vm_job_id = mesh_job_id()
    return {"vm_job_id": production.vm_job_id}


async def print_label(session: AsyncSession, order: Order, _: ActionInput, __: Ports) -> dict[str, str]:
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


async def ship(session: AsyncSession, order: Order, given: ActionInput, _: Ports) -> dict[str, str]:
    if not given.carrier or not given.tracking_number:
        raise InvalidInput("Shipping needs a carrier and a tracking number.", field="tracking_number")
    production = await ProductionRepository(session).production_or_new(order_id=order.id, account_id=order.account_id)
    production.carrier = given.carrier
    production.tracking_number = given.tracking_number
    production.shipped_date = given.shipped_date or utcnow().date()
    return {"carrier": given.carrier}


async def deliver(session: AsyncSession, order: Order, _: ActionInput, __: Ports) -> dict[str, str]:
    production = await ProductionRepository(session).production_or_new(order_id=order.id, account_id=order.account_id)
    production.delivered_at = utcnow()
    return {}


async def factory_cancel(session: AsyncSession, order: Order, given: ActionInput, ports: Ports) -> dict[str, str]:
    order.cancelled_at = utcnow()
    order.cancel_reason = given.note
    if ports.commerce is not None:
        await cancel_mirrored_order(order, ports.commerce)
    return {}


async def cancel(session: AsyncSession, order: Order, given: ActionInput, ports: Ports) -> dict[str, str]:
    """The clinic's own cancel (the masks contract's DELETE); its reference is set by the caller."""
    order.cancelled_at = utcnow()
    order.cancel_reason = given.reason
    if ports.commerce is not None:
        await cancel_mirrored_order(order, ports.commerce)
    return {}


async def latest_scan_id(session: AsyncSession, order: Order) -> str | None:
    scan = await ProductionRepository(session).latest_scan(order.id)
    return scan.public_id if scan else None
