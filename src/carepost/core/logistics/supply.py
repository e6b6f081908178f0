"""The supplier's side: catalog, fulfillment sites, stock and devices, kept in
step with a description (the tenant file). Every function matches on a natural
key (manufacturer name, sku, kit code, site code, device identifier), so
applying the same description twice changes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.errors import InvalidInput
from carepost.core.logistics.devices import DeviceState
from carepost.core.models import Device, FulfillmentSite, Item, Kit, KitItem, Manufacturer, Stock


@dataclass(frozen=True)
class KitItemIn:
    sku: str
    count: int = 1
    drives_external_identifier: bool = False


async def ensure_manufacturer(session: AsyncSession, *, name: str) -> Manufacturer:
    maker = await session.scalar(select(Manufacturer).where(Manufacturer.name == name))
    if maker is None:
        maker = Manufacturer(name=name)
        session.add(maker)
        await session.flush()
    return maker


async def ensure_item(
    session: AsyncSession, *, sku: str, name: str, model: str, manufacturer: str, orderable: bool, serialized: bool
) -> Item:
    maker = await ensure_manufacturer(session, name=manufacturer)
    item = await session.scalar(select(Item).where(Item.sku == sku))
    if item is None:
        item = Item(sku=sku)
        session.add(item)
    item.name, item.model, item.manufacturer_id = name, model, maker.id
    item.orderable, item.serialized = orderable, serialized
    await session.flush()
    return item


async def ensure_kit(
    session: AsyncSession, *, code: str, name: str, loaner: bool, archived: bool, contents: Sequence[KitItemIn]
) -> Kit:
    """A kit and exactly these contents (items named by sku)."""
    items = {i.sku: i for i in await session.scalars(select(Item).where(Item.sku.in_({c.sku for c in contents})))}
    missing = sorted({c.sku for c in contents} - set(items))
    if missing:
        raise InvalidInput(f"Kit {code} names unknown items: {', '.join(missing)}.")
    kit = await session.scalar(select(Kit).where(Kit.code == code))
    if kit is None:
        kit = Kit(code=code)
        session.add(kit)
    kit.name, kit.loaner, kit.archived = name, loaner, archived
    await session.flush()
    await session.execute(delete(KitItem).where(KitItem.kit_id == kit.id))
    session.add_all(
        KitItem(kit_id=kit.id, item_id=items[c.sku].id, count=c.count, drives_external_identifier=c.drives_external_identifier)
        for c in contents
    )
    await session.flush()
    return kit


async def ensure_fulfillment_site(session: AsyncSession, *, code: str, name: str) -> FulfillmentSite:
    site = await session.scalar(select(FulfillmentSite).where(FulfillmentSite.code == code))
    if site is None:
        site = FulfillmentSite(code=code)
        session.add(site)
    site.name = name
    await session.flush()
    return site


async def set_stock(session: AsyncSession, *, site: FulfillmentSite, item: Item, on_hand: int) -> Stock:
    """Units on the shelf; never below what open orders have reserved."""
    stock = await session.scalar(select(Stock).where(Stock.fulfillment_site_id == site.id, Stock.item_id == item.id))
    if stock is None:
        stock = Stock(fulfillment_site_id=site.id, item_id=item.id, on_hand=0, reserved=0)
        session.add(stock)
    if on_hand < stock.reserved:
        raise InvalidInput(f"{item.sku} at {site.code}: {stock.reserved} units are reserved by orders; on_hand can't be {on_hand}.")
    stock.on_hand = on_hand
    await session.flush()
    return stock


async def ensure_device(
    session: AsyncSession, *, site: FulfillmentSite, item: Item, external_identifier: str, identifiers: dict[str, str]
) -> Device:
    """A new device goes on the site's shelf; a known one keeps its place (it may be out with a patient)."""
    if not item.serialized:
        raise InvalidInput(f"{item.sku} is not serialized; it has stock, not devices.")
    device = await session.scalar(select(Device).where(Device.external_identifier == external_identifier))
    if device is None:
        device = Device(
            item_id=item.id,
            external_identifier=external_identifier,
            status=DeviceState.AVAILABLE,
            fulfillment_site_id=site.id,
            used=False,
            disabled_readings=False,
        )
        session.add(device)
    device.identifiers = [{"type": kind, "value": value} for kind, value in sorted(identifiers.items())]
    await session.flush()
    return device


async def count_devices_as_stock(session: AsyncSession, *, site: FulfillmentSite, item: Item) -> Stock:
    """A serialized item's stock is its devices on the site's shelf (available, or packed and not yet shipped;
    a shipped device keeps its site as the place it returns to, but is no longer stock)."""
    on_hand = await session.scalar(
        select(func.count())
        .select_from(Device)
        .where(
            Device.fulfillment_site_id == site.id,
            Device.item_id == item.id,
            Device.status.in_((DeviceState.AVAILABLE, DeviceState.PACKED)),
        )
    )
    return await set_stock(session, site=site, item=item, on_hand=on_hand or 0)
