"""A masks order as FHIR (docs/fhir.md): its patient (the masks API names a patient only on
the order: one Patient per order), the mask it orders (a DeviceRequest), and, once the UDI
label is printed, the mask itself with its UDI (a Device)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.fhir.documents import document_source
from carepost.core.fhir.elements import GS1_ISSUER, GTIN, address_of, coding, concept, day, instant, name_text, ref, resource, telecom
from carepost.core.fhir.repository import FhirRepository
from carepost.core.fhir.shared import account_reference
from carepost.core.fhir.source import ITSELF, OrderRow, OrderSource, Resource, order_identifiers, order_resource_id
from carepost.core.fhir.tasks import TaskParts, task_source
from carepost.core.manufacturing.lifecycle import MaskStep
from carepost.core.manufacturing.udi import element_string
from carepost.core.models import MaskProduct, MaskProduction, Order
from carepost.core.orders.made_to_measure import DIALECT

# DeviceRequest.status: the mask is on order until delivered.
REQUEST_STATUS = {**{step.value: "active" for step in MaskStep}, MaskStep.DELIVERED.value: "completed", MaskStep.CANCELLED.value: "revoked"}
# A mask is a Device from its labelling: it then has a UDI (production date and lot).
LABELLED = frozenset({MaskStep.LABELLED.value, MaskStep.SHIPPED.value, MaskStep.DELIVERED.value})


def _patient_id(order: Order) -> str:
    return order_resource_id(DIALECT, order)


async def _patients(session: AsyncSession, rows: Sequence[OrderRow]) -> list[Resource]:
    return [
        resource(
            "Patient",
            _patient_id(order),
            last_updated=order.updated_at,
            identifier=order_identifiers(order, numbered=False),
            name=name_text(order.recipient.get("name")),
            telecom=telecom(order.recipient.get("email"), order.recipient.get("phone")),
            address=address_of(order.shipping_address),
        )
        for order, _ in rows
    ]


async def _requests(session: AsyncSession, rows: Sequence[OrderRow]) -> list[Resource]:
    products = await FhirRepository(session).by(MaskProduct.mask_type, (order.attributes.get("mask_type") for order, _ in rows))
    found = []
    for order, _ in rows:
        product = products.get(order.attributes.get("mask_type"))
        found.append(
            resource(
                "DeviceRequest",
                order_resource_id(DIALECT, order),
                last_updated=order.updated_at,
                identifier=order_identifiers(order, numbered=False),
                status=REQUEST_STATUS.get(order.status, "unknown"),
                intent="order",
                codeCodeableConcept=concept(product.name if product else order.attributes.get("mask_type"), coding(GTIN, product.gtin if product else None)),
                subject=ref("Patient", _patient_id(order)),
                authoredOn=instant(order.placed_at),
                requester=account_reference(order.account_id),
            )
        )
    return found


async def _devices(session: AsyncSession, rows: Sequence[OrderRow]) -> list[Resource]:
    repository = FhirRepository(session)
    made = await repository.by(MaskProduction.order_id, (order.id for order, _ in rows))
    products = await repository.by(MaskProduct.mask_type, (order.attributes.get("mask_type") for order, _ in rows))
    found = []
    for order, _ in rows:
        production, product = made.get(order.id), products.get(order.attributes.get("mask_type"))
        if production is None or production.gtin is None or production.production_date is None or production.fupc is None:
            continue  # labelled orders only (LABELLED); a row without its label would be a defect, not a Device
        udi = {
            "deviceIdentifier": production.gtin,
            "issuer": GS1_ISSUER,
            "carrierHRF": element_string(gtin=production.gtin, production_date=production.production_date, fupc=production.fupc),
        }
        found.append(
            resource(
                "Device",
                order_resource_id(DIALECT, order),
                last_updated=order.updated_at,
                identifier=order_identifiers(order, numbered=False),
                udiCarrier=[udi],
                status="active",
                lotNumber=production.fupc,
                manufactureDate=day(production.production_date),
                deviceName=[{"name": product.name, "type": "user-friendly-name"}] if product else [],
                patient=ref("Patient", _patient_id(order)),
            )
        )
    return found


TASK_STATUS = {
    **{step.value: "in-progress" for step in MaskStep},
    MaskStep.AWAITING_SCAN.value: "requested",  # nothing can be made before the patient's scan
    MaskStep.DELIVERED.value: "completed",
    MaskStep.CANCELLED.value: "cancelled",
}


async def _task_parts(session: AsyncSession, orders: Sequence[Order]) -> dict[int, TaskParts]:
    made = await FhirRepository(session).by(MaskProduction.order_id, (order.id for order in orders))
    found = {}
    for order in orders:
        production = made.get(order.id)
        shipped = production is not None and production.carrier and production.tracking_number
        found[order.id] = TaskParts(
            subject=ref("Patient", _patient_id(order)),
            based_on=[ref("DeviceRequest", order_resource_id(DIALECT, order))],
            tracking=[(production.carrier, production.tracking_number)] if shipped else [],  # type: ignore[union-attr]
        )
    return found


TASKS = task_source(DIALECT, TASK_STATUS, _task_parts, patient=ITSELF)

SOURCES = (
    OrderSource("Patient", DIALECT, _patients, patient=ITSELF),
    OrderSource("DeviceRequest", DIALECT, _requests, statuses=REQUEST_STATUS, patient=ITSELF),
    OrderSource("Device", DIALECT, _devices, statuses=dict.fromkeys(LABELLED, "active"), patient=ITSELF, within=LABELLED),
    TASKS,
    document_source(TASKS, _task_parts),
)
