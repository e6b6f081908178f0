"""Everything a logistics order shows, loaded for a whole page of orders at once
(a fixed number of queries, however many orders and lines)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.logistics.catalog import CatalogRepository, CatalogItem, CatalogKit
from carepost.core.logistics.repository import LogisticsRepository
from carepost.core.models import (
    Device,
    DeviceEvent,
    Order,
    OrderEvent,
    OrderLine,
    OrderNote,
    PackedKit,
    Site,
    TrackingNumber,
)
from carepost.core.patients.repository import PatientRepository
from carepost.core.patients.views import PatientView


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

    def patient_view(patient_id: int | None) -> PatientView | None:
        patient = patients.get(patient_id) if patient_id else None
        return PatientView(patient, sites.get(patient.site_id) if patient.site_id else None) if patient else None

    def device_view(device_id: int) -> DeviceView:
        device = devices[device_id]
        return DeviceView(
            device=device,
            item=items[device.item_id],
            events=device_events.get(device_id, []),
            patient=patient_view(device.patient_id),
            site=sites.get(device.site_id) if device.site_id else None,
        )

    views = []
    for order in orders:
        patient = patient_view(order.patient_id)
        order_lines = lines.get(order.id, [])
        in_kit = {a.device_id: a.packed_kit_id for a in assigned.get(order.id, [])}
        views.append(
            LogisticsOrderView(
                order=order,
                patient=patient,
                site=sites.get(order.site_id) if order.site_id else (patient.site if patient else None),
                order_items=[(line, items[line.ref_id]) for line in order_lines if line.kind == "item"],
                order_kits=[(line, kits[line.ref_id]) for line in order_lines if line.kind == "kit"],
                return_lines=[line for line in order_lines if line.kind.startswith("return_")],
                devices=[device_view(d) for d, kit in in_kit.items() if kit is None],
                packed_kits=[
                    PackedKitView(pk, kits[pk.kit_id], [device_view(d) for d, kit in in_kit.items() if kit == pk.id])
                    for pk in packed_kits.get(order.id, [])
                ],
                events=events.get(order.id, []),
                notes=notes.get(order.id, []),
                tracking=tracking.get(order.id, []),
                external_ids=[e.value for e in external_ids.get(order.id, [])],
            )
        )
    return views
