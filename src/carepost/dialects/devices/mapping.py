"""The devices wire <-> the core: request bodies into core inputs, core views into
the guide's JSON objects (every documented field, always present, null when unknown)."""

from __future__ import annotations

from typing import Any

from carepost.core.accounts.service import Caller
from carepost.core.idempotency.service import IdempotentRequest
from carepost.core.kit.clock import iso_millis
from carepost.core.kit.paging import Page
from carepost.core.logistics.catalog import CatalogItem, CatalogKit
from carepost.core.logistics.rules import Line, LogisticsOrderIn, PatientRef
from carepost.core.logistics.views import DeviceView, LogisticsOrderView, PackedKitView
from carepost.core.models import Site
from carepost.core.patients.service import PatientIn
from carepost.core.patients.sites import SiteIn as CoreSiteIn
from carepost.core.patients.sites import SiteRef
from carepost.core.patients.views import PatientView
from carepost.dialects.devices.schemas import AddressIn, CreateOrderIn, PatientFieldsIn, SiteIn
from carepost.http import idempotency

CREATE_ENDPOINT = "devices.create_order"

# Core address keys <-> the guide's.
_ADDRESS_KEYS = {
    "line_one": "lineOne",
    "line_two": "lineTwo",
    "line_three": "lineThree",
    "city": "city",
    "state": "state",
    "zip_code": "zipCode",
    "country": "country",
    "note": "note",
}


# Requests


def order_in(body: CreateOrderIn) -> LogisticsOrderIn:
    patient: PatientRef | PatientIn | None = None
    if body.patient is not None:
        patient = PatientRef(body.patient.id) if body.patient.id is not None else patient_in(body.patient)
    return LogisticsOrderIn(
        patient=patient,
        site=SiteRef(body.site.id) if body.site is not None else None,
        order_items=tuple(Line(line.item.id, line.count) for line in body.orderItems or ()),
        order_kits=tuple(Line(line.kit.id, line.count) for line in body.orderKits or ()),
        return_items=tuple(Line(line.id, line.count) for line in body.returnItems or ()),
        return_devices=tuple(line.id for line in body.returnDevices or ()),
        return_packed_kits=tuple(Line(line.id, line.quantity) for line in body.returnPackedKits or ()),
        email_label=body.emailLabel,
        shipping_option=body.shippingOption,
        external_order_ids=tuple(body.externalOrderIds or ()),
        notes=tuple(note.note for note in body.orderNotes or ()),
    )


def patient_in(body: PatientFieldsIn) -> PatientIn:
    return PatientIn(
        first_name=body.firstName,
        last_name=body.lastName,
        address=address_in(body.address),
        site=SiteRef(body.site.id) if body.site is not None else None,
        date_of_birth=body.dateOfBirth,
        sex=body.sex or "unknown",
        email=body.email,
        phone_number=body.phoneNumber,
        external_identifier=body.externalIdentifier,
        enrolled=bool(body.enrolled),
    )


def site_in(body: SiteIn) -> CoreSiteIn:
    return CoreSiteIn(name=body.name, address=address_in(body.address), phone_number=body.phoneNumber, active=body.active)


def address_in(body: AddressIn | None) -> dict[str, Any] | None:
    if body is None:
        return None
    wire = body.model_dump()
    return {core: wire[key] for core, key in _ADDRESS_KEYS.items() if wire[key] is not None}


def idempotent_request(caller: Caller, key: str | None, body: CreateOrderIn) -> IdempotentRequest | None:
    return idempotency.idempotent_request(caller, key, endpoint=CREATE_ENDPOINT, payload=body.model_dump(mode="json"))


# Responses


def order(view: LogisticsOrderView) -> dict[str, Any]:
    o = view.order
    lines = {kind: [line for line in view.return_lines if line.kind == kind] for kind in ("return_device", "return_item", "return_packed_kit")}
    return {
        "currentStatus": o.status,
        "devices": [device(d) for d in view.devices],
        "emailLabel": o.attributes.get("email_label", False),
        "externalOrderIds": list(view.external_ids),
        "id": o.id,
        "orderEvents": [{"eventTimestamp": iso_millis(e.occurred_at), "name": _camel(e.name)} for e in view.events],
        "orderItems": [{"count": line.count, "item": item(found)} for line, found in view.order_items],
        "orderKits": [{"count": line.count, "kit": kit(found)} for line, found in view.order_kits],
        "orderNotes": [
            {"createdAt": iso_millis(n.created_at), "createdBy": _author(n.author), "note": n.note} for n in view.notes
        ],
        "packedKits": [packed_kit(p) for p in view.packed_kits],
        "patient": patient(view.patient) if view.patient else None,
        "returnDevices": [{"id": line.ref_id} for line in lines["return_device"]],
        "returnItems": [{"count": line.count, "id": line.ref_id} for line in lines["return_item"]],
        "returnPackedKits": [{"id": line.ref_id, "quantity": line.count} for line in lines["return_packed_kit"]],
        "shippingOption": o.attributes.get("shipping_option"),
        "site": site(view.site) if view.site else None,
        "trackingNumbers": [{"carrier": t.carrier, "value": t.value} for t in view.tracking],
    }


def page(found: Page[Any], render: Any) -> dict[str, Any]:
    """The guide's page envelope; `page` counts from 0 and `total` counts items on every page."""
    return {
        "content": [render(x) for x in found.items],
        "first": found.first,
        "last": found.last,
        "page": found.request.page,
        "size": found.request.size,
        "total": found.total,
    }


def item(found: CatalogItem) -> dict[str, Any]:
    i = found.item
    return {
        "id": i.id,
        "manufacturer": {"id": found.manufacturer.id, "name": found.manufacturer.name},
        "model": i.model,
        "name": i.name,
        "orderable": i.orderable,
        "sku": i.sku,
    }


def kit(found: CatalogKit) -> dict[str, Any]:
    return {
        "archived": found.kit.archived,
        "id": found.kit.id,
        "kitItems": [
            {"count": c.count, "drivesExternalIdentifier": c.drives_external_identifier, "item": item(c.item)}
            for c in found.contents
        ],
        "name": found.kit.name,
    }


def packed_kit(view: PackedKitView) -> dict[str, Any]:
    return {
        "devices": [device(d) for d in view.devices],
        "externalIdentifier": view.packed_kit.external_identifier,
        "id": view.packed_kit.id,
        "kit": kit(view.kit),
    }


def device(view: DeviceView) -> dict[str, Any]:
    d = view.device
    return {
        "currentPatient": patient(view.patient) if view.patient else None,
        "currentStatus": d.status,
        "deviceEvents": [{"eventTimestamp": iso_millis(e.occurred_at), "type": e.type} for e in view.events],
        "deviceIdentifiers": [{"type": i["type"], "value": i["value"]} for i in d.identifiers],
        "disabledReadings": d.disabled_readings,
        "externalIdentifier": d.external_identifier,
        "id": d.id,
        "item": item(view.item),
        "lastHealthCheck": iso_millis(d.last_health_check) if d.last_health_check else None,
        "site": site(view.site) if view.site else None,
        "used": d.used,
    }


def patient(view: PatientView) -> dict[str, Any]:
    p = view.patient
    return {
        "firstName": p.first_name,
        "lastName": p.last_name,
        "address": address(p.address),
        "archived": p.archived,
        "dateOfBirth": p.date_of_birth.isoformat() if p.date_of_birth else None,
        "email": p.email,
        "enrolled": p.enrolled,
        "externalIdentifier": p.external_identifier,
        "id": p.id,
        "phoneNumber": p.phone_number,
        "sex": p.sex,
        "site": site(view.site) if view.site else None,
    }


def site(s: Site) -> dict[str, Any]:
    return {"active": s.active, "address": address(s.address), "id": s.id, "name": s.name, "phoneNumber": s.phone_number}


def address(stored: dict[str, Any]) -> dict[str, Any]:
    return {key: stored.get(core) for core, key in _ADDRESS_KEYS.items()}


def _author(author: dict[str, Any]) -> dict[str, Any]:
    """An API key or an operator wrote the note; neither has a person's name to show."""
    return {"email": None, "firstName": author.get("name"), "id": author.get("id"), "lastName": None}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)
