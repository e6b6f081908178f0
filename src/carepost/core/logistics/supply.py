"""The supplier's side: catalog, fulfillment sites, stock and devices, kept in
step with a description (the tenant file). Every function matches on a natural
key (manufacturer name, sku, kit code, site code, device identifier), so
applying the same description twice changes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.inventory.repository import StockRepository
from carepost.core.kit.errors import InvalidInput
from carepost.core.logistics.devices import DeviceState
from carepost.core.logistics.supply_repository import SupplyRepository
from carepost.core.models import Device, FulfillmentSite, Item, Kit, KitItem, Manufacturer, SandboxStock, Stock

# Units test mode sees of each item a site carries, unless the tenant file says otherwise:
# plenty for every example in the devices guide, so the sandbox succeeds where production would.
DEFAULT_SANDBOX_UNITS = 1000


@dataclass(frozen=True)
class KitItemIn:
    sku: str
    count: int = 1
    drives_external_identifier: bool = False


async def ensure_manufacturer(session: AsyncSession, *, name: str) -> Manufacturer:
    repository = SupplyRepository(session)
    maker = await repository.manufacturer_named(name)
    if maker is None:
        maker = Manufacturer(name=name)
        await repository.add(maker)
    return maker


async def ensure_item(
    session: AsyncSession, *, sku: str, name: str, model: str, manufacturer: str, orderable: bool, serialized: bool,
    gtin: str | None = None, rxnorm: str | None = None,
) -> Item:
    maker = await ensure_manufacturer(session, name=manufacturer)
    item = await SupplyRepository(session).item_with_sku(sku) or Item(sku=sku)
    item.name, item.model, item.manufacturer_id = name, model, maker.id
    item.orderable, item.serialized, item.gtin, item.rxnorm = orderable, serialized, gtin, rxnorm
    await SupplyRepository(session).add(item)
    return item


async def ensure_kit(
    session: AsyncSession, *, code: str, name: str, loaner: bool, archived: bool, contents: Sequence[KitItemIn]
) -> Kit:
    """A kit and exactly these contents (items named by sku)."""
    repository = SupplyRepository(session)
    items = await repository.items_with_skus(c.sku for c in contents)
    missing = sorted({c.sku for c in contents} - set(items))
    if missing:
        raise InvalidInput(f"Kit {code} names unknown items: {', '.join(missing)}.")
    kit = await repository.kit_with_code(code) or Kit(code=code)
    kit.name, kit.loaner, kit.archived = name, loaner, archived
    await repository.add(kit)
    await repository.replace_kit_items(
        kit.id,
        [
            KitItem(kit_id=kit.id, item_id=items[c.sku].id, count=c.count, drives_external_identifier=c.drives_external_identifier)
            for c in contents
        ],
    )
    return kit


async def ensure_fulfillment_site(session: AsyncSession, *, code: str, name: str) -> FulfillmentSite:
    repository = SupplyRepository(session)
    site = await repository.fulfillment_site_with_code(code) or FulfillmentSite(code=code)
    site.name = name
    await repository.add(site)
    return site


async def set_stock(session: AsyncSession, *, site: FulfillmentSite, item: Item, on_hand: int) -> Stock:
    """Units on the shelf; never below what open orders have reserved."""
    repository = StockRepository(session)
    stock = await repository.row(site_id=site.id, item_id=item.id) or Stock(
        fulfillment_site_id=site.id, item_id=item.id, on_hand=0, reserved=0
    )
    if on_hand < stock.reserved:
        raise InvalidInput(f"{item.sku} at {site.code}: {stock.reserved} units are reserved by orders; on_hand can't be {on_hand}.")
    stock.on_hand = on_hand
    await SupplyRepository(session).add(stock)
    if await repository.sandbox_row(site_id=site.id, item_id=item.id) is None:
        await set_sandbox_stock(session, site=site, item=item, on_hand=DEFAULT_SANDBOX_UNITS)
    return stock


async def set_sandbox_stock(session: AsyncSession, *, site: FulfillmentSite, item: Item, on_hand: int) -> SandboxStock:
    """Units test mode sees at the site (what a site carries starts with DEFAULT_SANDBOX_UNITS)."""
    sandbox = await StockRepository(session).sandbox_row(site_id=site.id, item_id=item.id) or SandboxStock(
        fulfillment_site_id=site.id, item_id=item.id
    )
    sandbox.on_hand = on_hand
    await SupplyRepository(session).add(sandbox)
    return sandbox


async def ensure_device(
    session: AsyncSession, *, site: FulfillmentSite, item: Item, external_identifier: str, identifiers: dict[str, str]
) -> Device:
    """A new device goes on the site's shelf; a known one keeps its place (it may be out with a patient)."""
    if not item.serialized:
        raise InvalidInput(f"{item.sku} is not serialized; it has stock, not devices.")
    repository = SupplyRepository(session)
    device = await repository.device_with_identifier(external_identifier) or Device(
        item_id=item.id,
        external_identifier=external_identifier,
        status=DeviceState.AVAILABLE,
        fulfillment_site_id=site.id,
        used=False,
        disabled_readings=False,
    )
    device.identifiers = [{"type": kind, "value": value} for kind, value in sorted(identifiers.items())]
    await repository.add(device)
    return device


async def count_devices_as_stock(session: AsyncSession, *, site: FulfillmentSite, item: Item) -> Stock:
    """A serialized item's stock is its devices on the site's shelf (available, or packed and not yet shipped;
    a shipped device keeps its site as the place it returns to, but is no longer stock)."""
    on_hand = await SupplyRepository(session).shelved_devices(site_id=site.id, item_id=item.id)
    return await set_stock(session, site=site, item=item, on_hand=on_hand)
