"""Placing a logistics (devices) order: check it, resolve who receives it,
write it, reserve its stock. One transaction; any refusal leaves nothing."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller, Scope
from carepost.core.inventory.allocation import allocate, expand
from carepost.core.kit.errors import InvalidInput
from carepost.core.logistics import rules
from carepost.core.logistics.catalog import CatalogItem, CatalogKit, CatalogRepository
from carepost.core.logistics.devices import DeviceState
from carepost.core.logistics.lifecycle import LOGISTICS
from carepost.core.logistics.repository import DIALECT, LogisticsRepository
from carepost.core.logistics.rules import LogisticsOrderIn, PatientRef
from carepost.core.logistics.views import LogisticsOrderView, placed_order_view
from carepost.core.models import Order, OrderEvent, OrderExternalId, OrderLine, OrderNote, Patient, Site
from carepost.core.orders import events
from carepost.core.orders.new_order import new_order
from carepost.core.orders.repository import OrderRepository
from carepost.core.patients.service import create_patient, patient_for_order
from carepost.core.patients.sites import usable_site


@dataclass(frozen=True)
class PlacedOrder:
    """A new order and everything placing it wrote or read: enough to show it without reading it back."""

    order: Order
    patient: Patient | None
    site: Site | None
    lines: list[OrderLine]
    external_ids: list[OrderExternalId]
    notes: list[OrderNote]
    event: OrderEvent
    items: dict[int, CatalogItem]
    kits: dict[int, CatalogKit]


async def place(session: AsyncSession, *, caller: Caller, order_in: LogisticsOrderIn) -> LogisticsOrderView:
    """The new order's view: the one built for its `placed` event's data, from what placing
    wrote (no read back), and the API's answer too."""
    caller.require_dialect(DIALECT)
    caller.require_write()
    rules.check_structure(order_in)
    catalog = CatalogRepository(session)
    items = await catalog.items(line.id for line in (*order_in.order_items, *order_in.return_items))
    kits = await catalog.kits(line.id for line in order_in.order_kits)
    rules.check_catalog(order_in, items, kits)
    rules.check_loaners(order_in, kits)
    returns = await _returnable(session, caller.scope, order_in)
    rules.check_returns(order_in, returns.devices_in_kits)
    patient, site = await _recipient(session, caller.scope, order_in)
    recipient = rules.Holder(patient.id if patient else None, None if patient else site.id if site else None)
    rules.check_return_holders(recipient, returns.device_holders, returns.packed_kit_holders)
    ship_to = patient.address if patient else site.address if site else None

    order = await OrderRepository(session).add(
        new_order(
            caller,
            dialect=DIALECT,
            lifecycle=LOGISTICS,
            recipient={},  # the patient or site row is the recipient; no copy of patient data here
            patient_id=patient.id if patient else None,
            site_id=site.id if site else None,  # a site order (a patient order has only the patient)
            shipping_address=ship_to,  # confirmed (or corrected) by the reconfirm_address action
            attributes={
                "email_label": order_in.email_label,
                "shipping_option": order_in.shipping_option or "standard",
                "fulfillment_site_id": None,  # set once its stock is reserved, at the end of the transaction
            },
            warnings=[],
        )
    )
    lines, external_ids, notes = await _write_contents(session, caller, order, order_in)
    needed = expand(
        ((line.id, line.count) for line in order_in.order_items),
        ((kits[line.id].units(), line.count) for line in order_in.order_kits),
    )

    async def ships_from(site_id: int) -> None:
        await OrderRepository(session).replace_attributes(order, {**order.attributes, "fulfillment_site_id": site_id})

    # Test orders check availability like live ones but reserve nothing (allocation.py).
    await allocate(
        session, account_id=caller.account_id, order_id=order.id, needed=needed, reserve=not caller.is_test, on_site=ships_from
    )

    view: LogisticsOrderView | None = None

    async def view_after(event: OrderEvent) -> LogisticsOrderView:
        nonlocal view
        view = await placed_order_view(session, caller.scope, PlacedOrder(order, patient, site, lines, external_ids, notes, event, items, kits))
        return view

    await events.record(session, order, name="placed", actor=events.api_key_actor(caller.api_key_id), view_after=view_after)
    await LogisticsRepository(session).count_placed(caller.scope, order.status)
    assert view is not None, "recording an event builds its view"
    return view


@dataclass(frozen=True)
class Returnable:
    device_holders: dict[int, rules.Holder]
    packed_kit_holders: dict[int, rules.Holder]
    devices_in_kits: set[int]


async def _returnable(session: AsyncSession, scope: Scope, order_in: LogisticsOrderIn) -> Returnable:
    """Check the returns name devices and packed kits out with this customer, on no other open
    return; who holds each, and the devices in those kits.

    The devices and packed kits are locked until this order commits, so two orders
    returning the same one at once see each other. Only live orders ship devices, so in
    test mode no device can be returned; a test order's packed kits can.
    """
    repository = LogisticsRepository(session)
    devices = await repository.devices(order_in.return_devices, lock=True) if scope.mode == "live" else {}
    if any(
        (d := devices.get(device_id)) is None or d.account_id != scope.account_id or d.status != DeviceState.DELIVERED
        for device_id in order_in.return_devices
    ):
        raise rules.invalid_data("A return device is not out with this customer.", field="returnDevices")
    packed = await repository.packed_kits_by_id(scope, (line.id for line in order_in.return_packed_kits), lock=True)
    if any(line.id not in packed for line in order_in.return_packed_kits):
        raise rules.invalid_data("A returned packed kit is not one of this customer's.", field="returnPackedKits")
    rules.check_no_open_return(
        await repository.on_open_returns("return_device", devices), await repository.on_open_returns("return_packed_kit", packed)
    )
    in_kits = await repository.devices_in_packed_kits(packed)
    return Returnable(
        device_holders={d.id: rules.Holder(d.patient_id, d.site_id) for d in devices.values()},
        packed_kit_holders={kit.id: rules.Holder(order.patient_id, order.site_id) for kit, order in packed.values()},
        devices_in_kits={device_id for device_ids in in_kits.values() for device_id in device_ids},
    )


async def _recipient(session: AsyncSession, scope: Scope, order_in: LogisticsOrderIn) -> tuple[Patient | None, Site | None]:
    if isinstance(order_in.patient, PatientRef):
        return await patient_for_order(session, scope=scope, patient_id=order_in.patient.id), None
    if order_in.patient is not None:
        if order_in.patient.is_empty():
            raise InvalidInput("A patient needs an id, or the details of a new patient.", code="patient_required")
        return await create_patient(session, scope=scope, patient_in=order_in.patient), None
    assert order_in.site is not None  # check_structure saw to it
    try:
        return None, await usable_site(session, scope=scope, ref=order_in.site)
    except InvalidInput as refused:
        raise InvalidInput(refused.message, code="invalid_order") from refused


async def _write_contents(
    session: AsyncSession, caller: Caller, order: Order, order_in: LogisticsOrderIn
) -> tuple[list[OrderLine], list[OrderExternalId], list[OrderNote]]:
    lines = [
        *(OrderLine(order_id=order.id, kind="item", ref_id=line.id, count=line.count) for line in order_in.order_items),
        *(OrderLine(order_id=order.id, kind="kit", ref_id=line.id, count=line.count) for line in order_in.order_kits),
        *(OrderLine(order_id=order.id, kind="return_item", ref_id=line.id, count=line.count) for line in order_in.return_items),
        *(OrderLine(order_id=order.id, kind="return_device", ref_id=device_id, count=1) for device_id in order_in.return_devices),
        *(
            OrderLine(order_id=order.id, kind="return_packed_kit", ref_id=line.id, count=line.count)
            for line in order_in.return_packed_kits
        ),
    ]
    external_ids = [
        OrderExternalId(account_id=order.account_id, order_id=order.id, value=value) for value in order_in.external_order_ids
    ]
    author = {"type": "api_key", "id": caller.api_key_id}
    notes = [OrderNote(order_id=order.id, note=note, author=author, created_at=order.placed_at) for note in order_in.notes]
    await LogisticsRepository(session).add_contents(lines, external_ids, notes)
    return lines, external_ids, notes
