"""A devices order as FHIR (docs/fhir.md): each item or kit it sends is a DeviceRequest for the
order's patient (`pt-<id>`) or site (a Location, `site-<id>`); the account's sites are Locations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.fhir import repository
from carepost.core.fhir.criteria import Criteria
from carepost.core.fhir.elements import (
    DEVICE_EXTERNAL_ID,
    FULFILLMENT_CODE,
    GS1_ISSUER,
    GTIN,
    ORDER_ID,
    SKU,
    coding,
    concept,
    identifier,
    instant,
    one_address,
    ref,
    resource,
    telecom,
)
from carepost.core.fhir.repository import FhirRepository, Lines
from carepost.core.fhir.shared import account_reference
from carepost.core.fhir.source import (
    PATIENT_ROW,
    PATIENT_ROW_PREFIX,
    OrderRow,
    OrderSource,
    Resource,
    RowSource,
    by_row_id,
    order_identifiers,
    order_resource_id,
)
from carepost.core.fhir.tasks import TaskParts, task_source
from carepost.core.logistics.lifecycle import DeviceStatus
from carepost.core.logistics.repository import DIALECT
from carepost.core.models import Device, FulfillmentSite, Item, Kit, Order, OrderDevice, OrderLine, Site, TrackingNumber
from carepost.core.patients.fhir import PATIENTS

SITE_PREFIX = "site"
_DONE = (DeviceStatus.DELIVERED, DeviceStatus.AWAITING_RETURN, DeviceStatus.RETURN_RECEIVED)
REQUEST_STATUS = {
    **{status.value: "active" for status in DeviceStatus},
    **{status.value: "completed" for status in _DONE},
    DeviceStatus.CANCELLED.value: "revoked",
}
SENT = ("item", "kit")  # the lines that go out; the others are returns


def recipient(order: Order) -> dict[str, Any]:
    """A devices order goes to one of the account's patients or to one of its sites."""
    if order.patient_id is not None:
        return ref("Patient", f"{PATIENT_ROW_PREFIX}-{order.patient_id}")
    return ref("Location", f"{SITE_PREFIX}-{order.site_id}")


async def _requests(session: AsyncSession, rows: Sequence[OrderRow]) -> list[Resource]:
    repository_ = FhirRepository(session)
    lines = await repository_.by(OrderLine.id, (line_id for _, line_id in rows))
    items = await repository_.by(Item.id, (line.ref_id for line in lines.values() if line.kind == "item"))
    kits = await repository_.by(Kit.id, (line.ref_id for line in lines.values() if line.kind == "kit"))
    found = []
    for order, line_id in rows:
        line = lines[line_id]
        what = items.get(line.ref_id) if line.kind == "item" else kits.get(line.ref_id)
        code = concept(what.name, coding(GTIN, what.gtin), coding(SKU, what.sku)) if isinstance(what, Item) else concept(what.name if what else line.kind)
        found.append(
            resource(
                "DeviceRequest",
                order_resource_id(DIALECT, order, line.id),
                last_updated=order.updated_at,
                identifier=order_identifiers(order, numbered=True),
                groupIdentifier={"system": ORDER_ID, "value": order.public_id},
                status=REQUEST_STATUS.get(order.status, "unknown"),
                intent="order",
                codeCodeableConcept=code,
                parameter=[{"code": {"text": "quantity"}, "valueQuantity": {"value": line.count}}],
                subject=recipient(order),
                authoredOn=instant(order.placed_at),
                requester=account_reference(order.account_id),
            )
        )
    return found


def _sites(scope: Scope, site_id: int | None, criteria: Criteria) -> Select[Any] | None:
    return repository.sites(scope, site_id=site_id)


async def _render_sites(session: AsyncSession, sites: Sequence[Site]) -> list[Resource]:
    return [
        resource(
            "Location",
            f"{SITE_PREFIX}-{site.id}",
            status="active" if site.active else "inactive",
            name=site.name,
            mode="instance",
            telecom=telecom(None, site.phone_number),
            address=one_address(site.address),
            managingOrganization=account_reference(site.account_id),
        )
        for site in sites
    ]


# A serialized device is an order's Device from its packing (it then has its unit) on.
WITH_DEVICES = frozenset(
    s.value for s in (DeviceStatus.PACKED, DeviceStatus.SHIPPED, DeviceStatus.DELIVERED, DeviceStatus.AWAITING_RETURN, DeviceStatus.RETURN_RECEIVED)
)
FULFILLMENT_PREFIX = "fulfillment"


async def _devices(session: AsyncSession, rows: Sequence[OrderRow]) -> list[Resource]:
    """Each serialized unit an order ships, with the identifiers it was stocked with (serial, IMEI…)."""
    repository_ = FhirRepository(session)
    units = await repository_.by(Device.id, (device_id for _, device_id in rows))
    items = await repository_.by(Item.id, (unit.item_id for unit in units.values()))
    found = []
    for order, device_id in rows:
        unit = units[device_id]
        item = items[unit.item_id]
        given = [i for i in unit.identifiers if i.get("value")]
        serial = next((i["value"] for i in given if i.get("type") == "serial"), None)
        found.append(
            resource(
                "Device",
                order_resource_id(DIALECT, order, unit.id),
                last_updated=order.updated_at,
                identifier=[
                    *identifier(DEVICE_EXTERNAL_ID, unit.external_identifier),
                    *({"type": {"text": i.get("type") or "identifier"}, "value": i["value"]} for i in given),
                ],
                udiCarrier=[{"deviceIdentifier": item.gtin, "issuer": GS1_ISSUER}] if item.gtin else [],
                status="active",
                serialNumber=serial,
                deviceName=[{"name": item.name, "type": "user-friendly-name"}],
                modelNumber=item.model,
                patient=recipient(order) if order.patient_id is not None else None,
                location=recipient(order) if order.patient_id is None else None,
                owner=account_reference(order.account_id),
            )
        )
    return found


def _fulfillment_sites(scope: Scope, site_id: int | None, criteria: Criteria) -> Select[Any] | None:
    return repository.fulfillment_sites(site_id=site_id)


async def _render_fulfillment_sites(session: AsyncSession, sites: Sequence[FulfillmentSite]) -> list[Resource]:
    kind = concept("Fulfillment site (warehouse)")  # HL7's location role types have no warehouse: text only
    return [
        resource(
            "Location",
            f"{FULFILLMENT_PREFIX}-{site.id}",
            identifier=identifier(FULFILLMENT_CODE, site.code),
            status="active",
            name=site.name,
            mode="instance",
            type=[kind],
        )
        for site in sites
    ]


TASK_STATUS = {
    DeviceStatus.RECONFIRM_ADDRESS.value: "requested",
    DeviceStatus.PROCESSING.value: "accepted",
    DeviceStatus.PACKED.value: "in-progress",
    DeviceStatus.SHIPPED.value: "in-progress",
    DeviceStatus.DELIVERED.value: "completed",
    DeviceStatus.AWAITING_RETURN.value: "in-progress",  # the return label is out
    DeviceStatus.RETURN_RECEIVED.value: "completed",
    DeviceStatus.CANCELLED.value: "cancelled",
}


async def _task_parts(session: AsyncSession, orders: Sequence[Order]) -> dict[int, TaskParts]:
    repository_ = FhirRepository(session)
    lines = await repository_.grouped(OrderLine.order_id, (order.id for order in orders))
    tracking = await repository_.grouped(TrackingNumber.order_id, (order.id for order in orders))
    return {
        order.id: TaskParts(
            subject=recipient(order),
            based_on=[ref("DeviceRequest", order_resource_id(DIALECT, order, line.id)) for line in lines.get(order.id, []) if line.kind in SENT],
            tracking=[(t.carrier, t.value) for t in tracking.get(order.id, [])],
        )
        for order in orders
    }


SOURCES = (
    PATIENTS,
    OrderSource(
        "DeviceRequest",
        DIALECT,
        _requests,
        statuses=REQUEST_STATUS,
        patient=PATIENT_ROW,
        numbered=True,
        lines=Lines(OrderLine, where=(OrderLine.kind.in_(SENT),)),
    ),
    RowSource("Location", SITE_PREFIX, by_row_id(_sites), _render_sites),
    RowSource("Location", FULFILLMENT_PREFIX, by_row_id(_fulfillment_sites), _render_fulfillment_sites),
    OrderSource(
        "Device",
        DIALECT,
        _devices,
        statuses=dict.fromkeys(WITH_DEVICES, "active"),
        patient=PATIENT_ROW,
        numbered=True,
        within=WITH_DEVICES,
        lines=Lines(OrderDevice, key="device_id"),
    ),
    task_source(DIALECT, TASK_STATUS, _task_parts, patient=PATIENT_ROW, numbered=True),
)
