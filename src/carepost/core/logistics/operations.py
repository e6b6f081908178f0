"""What the fulfillment team's actions do to a logistics order besides moving it
(core/logistics/flow.py declares them; core/orders/transitions.py moves the order).

Live orders move real things: packing assigns serialized devices from the
order's fulfillment site, shipping takes the reserved stock off the shelf,
receiving returns puts devices and items back. Test orders move through the
same statuses and get packed kits, but touch no stock and no device.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller, Scope
from carepost.core.flows.inputs import CARRIERS, ActionInput
from carepost.core.flows.spec import Offered, Ports
from carepost.core.inventory import allocation
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import Conflict, InvalidInput
from carepost.core.logistics import devices as device_moves
from carepost.core.logistics.devices import DeviceState
from carepost.core.logistics.packing import pack_order
from carepost.core.logistics.repository import LogisticsRepository
from carepost.core.models import Device, Order, OrderLine, TrackingNumber
from carepost.core.orders import test_helpers
from carepost.core.patients.addresses import check_address


def ruled_out(action: str, lines: Sequence[OrderLine]) -> bool:
    """A move the table allows that the order's contents rule out: a return-only order is not
    packed, one with outbound items gets no return label first, one without returns receives none."""
    outbound = any(line.kind in ("item", "kit") for line in lines)
    if action == "pack":
        return not outbound
    if action == "send_return_label":
        return outbound
    if action == "receive_returns":
        return not any(line.kind.startswith("return_") for line in lines)
    return False


async def advance_test_order(
    session: AsyncSession, *, caller: Caller, order_id: int, action: str, given: ActionInput
) -> Order:
    """The sandbox's fulfillment team: a test key moves its own test orders through every status."""
    test_helpers.require_test_key(caller)
    order = await LogisticsRepository(session).order(caller.scope, order_id, lock=True)
    return await test_helpers.move_test_order(session, caller=caller, order=order, action=action, given=given)


async def reconfirm_address(session: AsyncSession, order: Order, action_input: ActionInput, _: Ports) -> dict[str, Any]:
    if action_input.address is not None:
        order.shipping_address = check_address(action_input.address)
        return {"address_changed": True}
    return {}


async def pack(session: AsyncSession, order: Order, action_input: ActionInput, _: Ports) -> dict[str, Any]:
    lines = await _lines(session, order)
    if ruled_out("pack", lines):
        raise Conflict("A return-only order has nothing to pack; send its return label.", code="nothing_to_pack")
    packed = await pack_order(session, order=order, lines=lines, named_device_ids=action_input.device_ids)
    return {"packed_kits": packed.kits, "devices": packed.devices}


async def ship(session: AsyncSession, order: Order, action_input: ActionInput, _: Ports) -> dict[str, Any]:
    if not action_input.tracking_numbers:
        raise InvalidInput("Shipping needs at least one tracking number.", code="tracking_required", field="tracking_numbers")
    for carrier, _number in action_input.tracking_numbers:
        if carrier not in CARRIERS:
            raise InvalidInput(f"carrier must be one of {', '.join(CARRIERS)}.", code="invalid_data", field="carrier")
    repository = LogisticsRepository(session)
    await repository.add_all(TrackingNumber(order_id=order.id, carrier=c, value=v) for c, v in action_input.tracking_numbers)
    await allocation.consume(session, order_id=order.id)
    for device in await _order_devices(session, order):
        # fulfillment_site_id stays: the site it shipped from, where a return goes by default.
        device.account_id, device.patient_id, device.site_id = order.account_id, order.patient_id, order.site_id
        await device_moves.move(session, device, DeviceState.SHIPPED, event="shipped")
    return {"tracking_numbers": len(action_input.tracking_numbers)}


async def deliver(session: AsyncSession, order: Order, action_input: ActionInput, _: Ports) -> dict[str, Any]:
    for device in await _order_devices(session, order):
        await device_moves.move(session, device, DeviceState.DELIVERED, event="delivered")
    return {}


async def send_return_label(session: AsyncSession, order: Order, action_input: ActionInput, _: Ports) -> dict[str, Any]:
    if ruled_out("send_return_label", await _lines(session, order)):
        raise Conflict("An order with outbound items is packed and shipped; its returns follow.", code="has_outbound")
    return {}


async def receive_returns(session: AsyncSession, order: Order, action_input: ActionInput, _: Ports) -> dict[str, Any]:
    """Devices go back to the site named, else to the site they shipped from; items to the site
    named, else the one that shipped this order, else where the returned devices live."""
    lines = await _lines(session, order)
    if ruled_out("receive_returns", lines):
        raise Conflict("This order has no returns to receive.", code="nothing_to_receive")
    if order.mode != "live":
        return {}
    repository = LogisticsRepository(session)
    device_ids = {line.ref_id for line in lines if line.kind == "return_device"}
    in_kits = await repository.devices_in_packed_kits(line.ref_id for line in lines if line.kind == "return_packed_kit")
    device_ids.update(device_id for ids in in_kits.values() for device_id in ids)
    # Only what is still out with this customer comes back (a device can't be received twice).
    devices = [
        d
        for d in (await repository.devices(device_ids, lock=True)).values()
        if d.account_id == order.account_id and d.status in (DeviceState.SHIPPED, DeviceState.DELIVERED)
    ]
    named = await _named_site(session, action_input.fulfillment_site_id)
    restocked: dict[int, dict[int, int]] = {}
    for device in devices:
        site_id = named or device.fulfillment_site_id or await _first_site(session)
        await device_moves.shelve(session, device, site_id=site_id, event="returned", used=True)
        _add(restocked, site_id, device.item_id, 1)
    items_site = named or order.attributes.get("fulfillment_site_id") or (devices[0].fulfillment_site_id if devices else None)
    for line in (line for line in lines if line.kind == "return_item"):
        _add(restocked, items_site or await _first_site(session), line.ref_id, line.count)
    for site_id, units in restocked.items():
        await allocation.restock(session, site_id=site_id, units=units)
    return {"devices": len(devices), "units": sum(sum(units.values()) for units in restocked.values())}


def _add(restocked: dict[int, dict[int, int]], site_id: int, item_id: int, count: int) -> None:
    units = restocked.setdefault(site_id, {})
    units[item_id] = units.get(item_id, 0) + count


async def cancel(session: AsyncSession, order: Order, action_input: ActionInput, _: Ports) -> dict[str, Any]:
    await allocation.release(session, order_id=order.id)
    for device in await _order_devices(session, order):
        await device_moves.shelve(session, device, site_id=order.attributes["fulfillment_site_id"], event="unpacked", used=False)
    await LogisticsRepository(session).drop_packing(order.id)
    order.cancelled_at = utcnow()
    order.cancel_reason = action_input.note
    return {}


async def _lines(session: AsyncSession, order: Order) -> list[OrderLine]:
    return (await LogisticsRepository(session).lines([order.id])).get(order.id, [])


async def _order_devices(session: AsyncSession, order: Order) -> list[Device]:
    repository = LogisticsRepository(session)
    assigned = (await repository.order_devices([order.id])).get(order.id, [])
    return list((await repository.devices((a.device_id for a in assigned), lock=True)).values())


async def _named_site(session: AsyncSession, site_id: int | None) -> int | None:
    if site_id is None:
        return None
    if await LogisticsRepository(session).fulfillment_site(site_id) is None:
        raise InvalidInput("No such fulfillment site.", code="invalid_data", field="fulfillment_site_id")
    return site_id


async def _first_site(session: AsyncSession) -> int:
    site = await LogisticsRepository(session).fulfillment_site(None)
    if site is None:
        raise Conflict("There is no fulfillment site to receive returns.", code="no_fulfillment_site")
    return site.id


def unless_ruled_out(action: str) -> Offered:
    """Offer `action` only where the order's contents allow it (`ruled_out`)."""

    async def offered(session: AsyncSession, order: Order) -> bool:
        return not ruled_out(action, await _lines(session, order))

    return offered


async def count_moved(session: AsyncSession, order: Order, old: str, new: str) -> None:
    """The per-status counts the devices list reads (order_tallies) follow every move."""
    await LogisticsRepository(session).count_moved(Scope(order.account_id, order.mode), old=old, new=new)
