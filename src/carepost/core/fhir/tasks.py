"""Each order's fulfilment as a FHIR Task: the one resource whose lifecycle is the order's own.

Task rather than SupplyDelivery (docs/fhir.md): a Task follows an order from the moment it is
placed — a scan in review, a pharmacy's acceptance, a failed step — with the flow's exact status
as its businessStatus and the carrier's tracking as its output; a SupplyDelivery records only a
delivery of one supplied item, and has no place for a tracking number."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.fhir.elements import CAREPOST, coding, concept, instant, resource
from carepost.core.fhir.shared import account_reference
from carepost.core.fhir.source import OrderRow, OrderSource, Resource, order_identifiers, order_resource_id
from carepost.core.models import Order

TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code"
OUTPUT = f"{CAREPOST}/CodeSystem/task-output"


@dataclass(frozen=True)
class TaskParts:
    """What a flow knows of an order's fulfilment beyond the orders row."""

    subject: dict[str, Any]  # Task.for: the patient (or the site) it is for
    based_on: list[dict[str, Any]] = field(default_factory=list)  # the requests it fulfils
    owner: dict[str, Any] | None = None  # who fulfils it, where Carepost knows (a cases order's pharmacy)
    tracking: list[tuple[str, str]] = field(default_factory=list)  # (carrier, tracking number)


Parts = Callable[[AsyncSession, Sequence[Order]], Awaitable[dict[int, TaskParts]]]


def status_system(dialect: str) -> str:
    return f"{CAREPOST}/CodeSystem/{dialect}-order-status"


def task_source(dialect: str, statuses: Mapping[str, str], parts: Parts, *, patient: str, numbered: bool = False) -> OrderSource:
    """The flow's Tasks, one per order, `<dialect>-<digits>` like its other order resources."""

    async def render(session: AsyncSession, rows: Sequence[OrderRow]) -> list[Resource]:
        known = await parts(session, [order for order, _ in rows])
        return [_task(order, dialect, statuses, known[order.id], numbered=numbered) for order, _ in rows]

    return OrderSource("Task", dialect, render, statuses=statuses, patient=patient, numbered=numbered)


def _task(order: Order, dialect: str, statuses: Mapping[str, str], parts: TaskParts, *, numbered: bool) -> Resource:
    status = statuses.get(order.status, "in-progress")
    period: dict[str, Any] = {"start": instant(order.placed_at)}
    if status in ("completed", "cancelled", "rejected", "failed"):
        period["end"] = instant(order.updated_at)
    outputs = [
        {"type": concept(f"Tracking ({carrier})", coding(OUTPUT, "tracking")), "valueIdentifier": {"type": {"text": carrier}, "value": number}}
        for carrier, number in parts.tracking
    ]
    return resource(
        "Task",
        order_resource_id(dialect, order),
        last_updated=order.updated_at,
        identifier=order_identifiers(order, numbered=numbered),
        basedOn=parts.based_on,
        status=status,
        businessStatus=concept(order.status, coding(status_system(dialect), order.status)),
        intent="order",
        code=concept("Fulfil the order", coding(TASK_CODE, "fulfill", "Fulfill the focal request")),
        focus=parts.based_on[0] if parts.based_on else None,
        **{"for": parts.subject},
        executionPeriod=period,
        authoredOn=instant(order.placed_at),
        lastModified=instant(order.updated_at),
        requester=account_reference(order.account_id),
        owner=parts.owner,
        output=outputs,
    )
