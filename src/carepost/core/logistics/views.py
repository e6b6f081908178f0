"""Everything a logistics order shows, loaded for a whole page of orders at once
(a fixed number of queries, however many orders and lines)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.logistics.catalog import CatalogItem, CatalogKit, CatalogRepository
from carepost.core.logistics.repository import LogisticsRepository
from carepost.core.models import (
    Device,
    DeviceEvent,
    Order,
    OrderDevice,
    OrderEvent,
    OrderExternalId,
    OrderLine,
    OrderNote,
    PackedKit,
    Patient,
    Site,
    TrackingNumber,
)
from carepost.core.patients.repository import PatientRepository
from carepost.core.patients.views import PatientView

if TYPE_CHECKING:  # annotations only: placing an order builds its view here (place.py imports this module)
    from carepost.core.logistics.place import PlacedOrder


@dataclass(frozen=True)
class DeviceView:
    device: Device
    item: CatalogItem
    events: Sequence[DeviceEvent]
    patient: PatientView | None
    site: Site | None


@dataclass(frozen=True)
class PackedKitView:
    packed_kit: PackedKit
    kit: CatalogKit
    devices: Sequence[DeviceView]


@dataclass(frozen=True)
class LogisticsOrderView:
    order: Order
    patient: PatientView | None
    site: Site | None  # the site ordered for, or the patient's site
    order_items: Sequence[tuple[OrderLine, CatalogItem]]
    order_kits: Sequence[tuple[OrderLine, CatalogKit]]
    return_lines: Sequence[OrderLine]
    devices: Sequence[DeviceView]  # shipped loose, outside any kit
    packed_kits: Sequence[PackedKitView]
    events: Sequence[OrderEvent]
    notes: Sequence[OrderNote]
    tracking: Sequence[TrackingNumber]
    external_ids: Sequence[str]


@dataclass(frozen=True)
class _Loaded:
    """What the views of some orders are made of, by id: loaded, or known from placing."""

    lines: dict[int, list[OrderLine]]
    external_ids: dict[int, list[OrderExternalId]]
    notes: dict[int, list[OrderNote]]
    tracking: dict[int, list[TrackingNumber]]
    packed_kits: dict[int, list[PackedKit]]
    assigned: dict[int, list[OrderDevice]]
    events: dict[int, list[OrderEvent]]
    devices: dict[int, Device]
    device_events: dict[int, list[DeviceEvent]]
    items: dict[int, CatalogItem]
    kits: dict[int, CatalogKit]
    patients: dict[int, Patient]
    sites: dict[int, Site]


async def order_views(session: AsyncSession, scope: Scope, orders: Sequence[Order]) -> list[LogisticsOrderView]:
    repository = LogisticsRepository(session)
    ids = [order.id for order in orders]
    lines, external_ids, notes = await repository.lines(ids), await repository.external_ids(ids), await repository.notes(ids)
    tracking, packed_kits, assigned = await repository.tracking(ids), await repository.packed_kits(ids), await repository.order_devices(ids)
    events = await repository.events(ids)
    devices = await repository.devices(a.device_id for rows in assigned.values() for a in rows)
    device_events = await repository.device_events(devices)

    all_lines = [line for rows in lines.values() for line in rows]
    catalog = CatalogRepository(session)
    items = await catalog.items(
        [line.ref_id for line in all_lines if line.kind == "item"] + [d.item_id for d in devices.values()]
    )
    kits = await catalog.kits(
        [line.ref_id for line in all_lines if line.kind == "kit"]
        + [kit.kit_id for rows in packed_kits.values() for kit in rows]
    )
    people = PatientRepository(session)
    patients = await people.patients(scope, [o.patient_id for o in orders if o.patient_id] + [d.patient_id for d in devices.values() if d.patient_id])
    sites = await people.sites(
        scope,
        [o.site_id for o in orders if o.site_id]
        + [p.site_id for p in patients.values() if p.site_id]
        + [d.site_id for d in devices.values() if d.site_id],
    )
    loaded = _Loaded(lines, external_ids, notes, tracking, packed_kits, assigned, events, devices, device_events, items, kits, patients, sites)
    return [_assemble(order, loaded) for order in orders]


async def placed_order_view(session: AsyncSession, scope: Scope, placed: PlacedOrder) -> LogisticsOrderView:
    """The view of an order just placed, from what placing it wrote and read: a
    new order has no devices, kits packed, tracking or later events yet. Only a
    patient's site may need a query."""
    order, patient, site = placed.order, placed.patient, placed.site
    sites = {site.id: site} if site else {}
    if patient is not None and patient.site_id:
        sites.update(await PatientRepository(session).sites(scope, [patient.site_id]))
    loaded = _Loaded(
        lines={order.id: placed.lines},
        external_ids={order.id: placed.external_ids},
        notes={order.id: placed.notes},
        tracking={},
        packed_kits={},
        assigned={},
        events={order.id: [placed.event]},
        devices={},
        device_events={},
        items=placed.items,
        kits=placed.kits,
        patients={patient.id: patient} if patient else {},
        sites=sites,
    )
    return _assemble(order, loaded)


def _assemble(order: Order, loaded: _Loaded) -> LogisticsOrderView:
    def patient_view(patient_id: int | None) -> PatientView | None:
        patient = loaded.patients.get(patient_id) if patient_id else None
        return PatientView(patient, loaded.sites.get(patient.site_id) if patient.site_id else None) if patient else None

    def device_view(device_id: int) -> DeviceView:
        device = loaded.devices[device_id]
        return DeviceView(
            device=device,
            item=loaded.items[device.item_id],
            events=loaded.device_events.get(device_id, []),
            patient=patient_view(device.patient_id),
            site=loaded.sites.get(device.site_id) if device.site_id else None,
        )

    patient = patient_view(order.patient_id)
    order_lines = loaded.lines.get(order.id, [])
    in_kit = {a.device_id: a.packed_kit_id for a in loaded.assigned.get(order.id, [])}
    return LogisticsOrderView(
        order=order,
        patient=patient,
        site=loaded.sites.get(order.site_id) if order.site_id else (patient.site if patient else None),
        order_items=[(line, loaded.items[line.ref_id]) for line in order_lines if line.kind == "item"],
        order_kits=[(line, loaded.kits[line.ref_id]) for line in order_lines if line.kind == "kit"],
        return_lines=[line for line in order_lines if line.kind.startswith("return_")],
        devices=[device_view(d) for d, kit in in_kit.items() if kit is None],
        packed_kits=[
            PackedKitView(pk, loaded.kits[pk.kit_id], [device_view(d) for d, kit in in_kit.items() if kit == pk.id])
            for pk in loaded.packed_kits.get(order.id, [])
        ],
        events=loaded.events.get(order.id, []),
        notes=loaded.notes.get(order.id, []),
        tracking=loaded.tracking.get(order.id, []),
        external_ids=[e.value for e in loaded.external_ids.get(order.id, [])],
    )
