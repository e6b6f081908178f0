"""A prescription order after it is answered: the worker's steps, each after commit,
each an order event (and so a `case.order.*` webhook):

1. `received` → make the prescription PDF and store it → `prescription_stored`;
2. hand the order to its pharmacy through the pharmacy port → `sent_to_pharmacy`
   (a refusal: `rejected`);
3. the embedded pharmacy then moves a live order on its schedule — `accepted`, `filled`,
   `shipped` (with a tracking number), `delivered`; an http pharmacy's progress is
   recorded by an operator (core/cases/operations.py). A test order stops at
   `sent_to_pharmacy`: its test helpers move it, or the sandbox's autopilot
   (core/sandbox/autopilot.py), as an integrator chooses.

A step that fails is retried by the outbox (its backoff); after GIVE_UP_AFTER tries
the order becomes `failed`, with the reason, for an operator to retry. Each step acts
only on an order in the state it expects, so a repeated delivery does nothing twice;
the pharmacy gets each order under its own id (an http pharmacy as Idempotency-Key).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.cases import prescription_pdf
from carepost.core.cases.lifecycle import PRESCRIPTION, PrescriptionStatus
from carepost.core.cases.pharmacy_port import Handoff, PharmacyPort, PharmacyRefused, PharmacyUnavailable
from carepost.core.cases.repository import CaseRepository
from carepost.core.documents.port import DocumentStore
from carepost.core.flows.autopilot import test_tracking_number
from carepost.core.flows.inputs import ActionInput
from carepost.core.kit.db import Database
from carepost.core.models import Case, CaseOrder, Order, Pharmacy
from carepost.core.orders.transitions import transition
from carepost.core.outbox.writer import publish

ACTOR = "worker"
GIVE_UP_AFTER = 5
PHARMACY_STEP = "cases.pharmacy_step"
# The embedded pharmacy's moves, in order, with the events they record.
EMBEDDED_STEPS = ("accept", "fill", "ship", "deliver")


@dataclass(frozen=True)
class PipelinePorts:
    documents: DocumentStore
    pharmacy_for: Callable[[Pharmacy], PharmacyPort]  # by the pharmacy's adapter; test mode: always the embedded one
    embedded_pharmacy: PharmacyPort
    embedded_schedule: Sequence[float]  # seconds before accept, fill, ship, deliver


class TryAgain(Exception):
    """A step failed for now; the outbox delivers it again later."""


async def store_prescription(db: Database, order_public_id: str, ports: PipelinePorts, *, attempt: int) -> None:
    if (found := await _load(db, order_public_id, PrescriptionStatus.RECEIVED)) is None:
        return
    order, details, case, pharmacy, items = found
    key = prescription_pdf.storage_key(order)
    try:
        # WeasyPrint takes a tenth of a second or more: off the loop, which serves requests meanwhile.
        document = await asyncio.to_thread(prescription_pdf.render, order, details, case, pharmacy, items)
        await ports.documents.put(key, document)
    except OSError as error:
        await _retry_or_fail(db, order_public_id, f"the prescription could not be stored: {error.strerror}", attempt)
        return
    async with db.transaction() as session:
        order, details = await _locked(session, order_public_id)
        if order.status == PrescriptionStatus.RECEIVED:
            details.prescription_key = key
            await _move(session, order, "store_prescription")


async def send_to_pharmacy(db: Database, order_public_id: str, ports: PipelinePorts, *, attempt: int) -> None:
    if (found := await _load(db, order_public_id, PrescriptionStatus.PRESCRIPTION_STORED)) is None:
        return
    order, details, case, pharmacy, items = found
    assert details.prescription_key is not None
    port = ports.embedded_pharmacy if order.mode == "test" else ports.pharmacy_for(pharmacy)
    handoff = Handoff(
        order_id=order.public_id, pharmacy_code=pharmacy.code, endpoint_url=pharmacy.endpoint_url,
        payload=_payload(order, details, case, items), prescription_pdf=await ports.documents.get(details.prescription_key),
    )
    try:
        handed = await port.hand_off(handoff)
    except PharmacyUnavailable as unavailable:
        await _retry_or_fail(db, order_public_id, str(unavailable), attempt)
        return
    except PharmacyRefused as refused:
        async with db.transaction() as session:
            order, details = await _locked(session, order_public_id)
            if order.status == PrescriptionStatus.PRESCRIPTION_STORED:
                await _move(session, order, "send_to_pharmacy")
                await _move(session, order, "reject", given=ActionInput(reason=str(refused)))
        return
    async with db.transaction() as session:
        order, details = await _locked(session, order_public_id)
        if order.status != PrescriptionStatus.PRESCRIPTION_STORED:
            return
        details.pharmacy_reference, details.failure = handed.reference, None
        await _move(session, order, "send_to_pharmacy", data={"pharmacy_reference": handed.reference})
        if not handed.manual and order.mode == "live":  # a test order waits for its test helpers, or the autopilot
            await _schedule(session, order, 0, ports)


async def pharmacy_step(db: Database, order_public_id: str, step: int, ports: PipelinePorts) -> None:
    """One of the embedded pharmacy's moves; the next is scheduled with it."""
    action = EMBEDDED_STEPS[step]
    async with db.transaction() as session:
        order, _ = await _locked(session, order_public_id)
        if not PRESCRIPTION.allows(order.status, action):
            return  # cancelled meanwhile, or this step was delivered before
        # The embedded pharmacy ships by USPS, with a tracking number made from the order's.
        given = ActionInput(carrier="usps", tracking_number=test_tracking_number(order)) if action == "ship" else ActionInput()
        await transition(session, order=order, action=action, actor=ACTOR, given=given)
        if step + 1 < len(EMBEDDED_STEPS):
            await _schedule(session, order, step + 1, ports)


async def _schedule(session: AsyncSession, order: Order, step: int, ports: PipelinePorts) -> None:
    delay = timedelta(seconds=ports.embedded_schedule[step])
    await publish(session, topic=PHARMACY_STEP, payload={"order_id": order.public_id, "step": step}, account_id=order.account_id, delay=delay)


async def _move(
    session: AsyncSession, order: Order, action: str, *, data: dict[str, Any] | None = None, given: ActionInput | None = None
) -> None:
    await transition(session, order=order, action=action, actor=ACTOR, data=data, given=given or ActionInput())


async def _retry_or_fail(db: Database, order_public_id: str, reason: str, attempt: int) -> None:
    if attempt + 1 < GIVE_UP_AFTER:
        raise TryAgain(reason)
    async with db.transaction() as session:
        order, details = await _locked(session, order_public_id)
        if PRESCRIPTION.allows(order.status, "fail"):
            await _move(session, order, "fail", given=ActionInput(reason=reason))


async def _load(db: Database, order_public_id: str, expected: str) -> tuple[Order, CaseOrder, Case, Pharmacy, list[Any]] | None:
    """The order and all a step needs, if it is still `expected`; else None (done, or overtaken)."""
    async with db.read() as session:
        repository = CaseRepository(session)
        found = await repository.order_with_parts(order_public_id)
        if found is None or found[0].status != expected:
            return None
        order, details, case, pharmacy = found
        return order, details, case, pharmacy, await repository.items(order.id)


async def _locked(session: AsyncSession, order_public_id: str) -> tuple[Order, CaseOrder]:
    return await CaseRepository(session).locked_order(order_public_id)


def _payload(order: Order, details: CaseOrder, case: Case, items: list[Any]) -> dict[str, Any]:
    return {
        "orderId": order.public_id,
        "caseId": case.public_id,
        "patient": case.patient,
        "shippingAddress": order.shipping_address,
        "prescriber": details.prescriber,
        "diagnosis": details.diagnosis,
        "patientHealthInfo": details.patient_health,
        "prescriptionItems": [
            {"drugId": drug.code, "ndc": drug.ndc, "name": drug.name, "quantity": item.quantity, "direction": item.direction,
             "refillCount": item.refill_count, "supplyDays": item.supply_days}
            for item, drug in items
        ],
    }
