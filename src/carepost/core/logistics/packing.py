"""Packing an order: one packed kit per kit ordered, serialized devices assigned.

Each serialized unit the order ships (inside a kit, or ordered directly) gets
a device from the order's fulfillment site. Devices the operator names are
used first, for the slots of their item; the rest come off the shelf, oldest
first. A packed kit takes its external identifier from the device of the kit
item that `drivesExternalIdentifier`. Test orders get packed kits but no
devices: they never touch real units.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import Conflict, InvalidInput
from carepost.core.logistics import devices as device_moves
from carepost.core.logistics.catalog import CatalogRepository
from carepost.core.logistics.devices import DeviceState
from carepost.core.logistics.repository import LogisticsRepository
from carepost.core.models import Device, Item, Order, OrderDevice, OrderLine, PackedKit


@dataclass(frozen=True)
class PackChoice:
    """For an operator choosing devices: a serialized item the order ships, how many, and some on the shelf."""

    item: Item
    needed: int
    on_shelf: list[Device]


@dataclass(frozen=True)
class Packed:
    kits: int
    devices: int


class _Shelf:
    """Hands out devices for an order: the named ones first, then the oldest available."""

    def __init__(self, repository: LogisticsRepository, site_id: int, named: dict[int, Device]) -> None:
        self.repository = repository
        self.site_id = site_id
        self.named = named
        self.taken: set[int] = set()

    async def take(self, item_id: int, count: int) -> list[Device]:
        chosen = [d for d in self.named.values() if d.item_id == item_id and d.id not in self.taken][:count]
        self.taken.update(d.id for d in chosen)
        if len(chosen) < count:
            more = await self.repository.available_devices(
                site_id=self.site_id, item_id=item_id, count=count - len(chosen), exclude=self.taken | set(self.named)
            )
            self.taken.update(d.id for d in more)
            chosen += more
        if len(chosen) < count:
            raise Conflict(f"Not enough devices of item {item_id} on the shelf to pack this order.", code="devices_short")
        return chosen

    def unused_named(self) -> list[int]:
        return sorted(set(self.named) - self.taken)


async def pack_order(session: AsyncSession, *, order: Order, lines: Sequence[OrderLine], named_device_ids: Sequence[int]) -> Packed:
    repository = LogisticsRepository(session)
    live = order.mode == "live"
    site_id = order.attributes["fulfillment_site_id"]
    named = await repository.devices(named_device_ids, lock=True) if live else {}
    if not live and named_device_ids:
        raise InvalidInput("Test orders are packed without devices.", code="invalid_data", field="device_ids")
    if set(named_device_ids) - set(named) or any(
        d.status != DeviceState.AVAILABLE or d.fulfillment_site_id != site_id for d in named.values()
    ):
        raise InvalidInput("A named device is not available at this order's fulfillment site.", code="invalid_data", field="device_ids")
    shelf = _Shelf(repository, site_id, named)
    catalog = CatalogRepository(session)
    kits = await catalog.kits(line.ref_id for line in lines if line.kind == "kit")
    items = await catalog.items(line.ref_id for line in lines if line.kind == "item")
    now = utcnow()
    assignments: list[tuple[Device, PackedKit | None]] = []
    packed_kits = 0
    for line in (line for line in lines if line.kind == "kit"):
        for _ in range(line.count):
            packed = PackedKit(account_id=order.account_id, order_id=order.id, kit_id=line.ref_id, packed_at=now)
            for content in kits[line.ref_id].contents:
                if not (live and content.item.item.serialized):
                    continue
                for device in await shelf.take(content.item.item.id, content.count):
                    assignments.append((device, packed))
                    if content.drives_external_identifier and packed.external_identifier is None:
                        packed.external_identifier = device.external_identifier
            await repository.add_all([packed])
            packed_kits += 1
    for line in (line for line in lines if line.kind == "item"):
        if live and items[line.ref_id].item.serialized:
            assignments.extend((device, None) for device in await shelf.take(line.ref_id, line.count))
    if shelf.unused_named():
        raise InvalidInput("A named device is not needed by this order.", code="invalid_data", field="device_ids")
    await repository.add_all(
        OrderDevice(order_id=order.id, device_id=device.id, packed_kit_id=kit.id if kit else None) for device, kit in assignments
    )
    for device, _ in assignments:
        await device_moves.move(session, device, DeviceState.PACKED, event="packed")
    return Packed(kits=packed_kits, devices=len(assignments))


async def pack_choices(session: AsyncSession, *, order: Order, lines: Sequence[OrderLine], shown: int = 20) -> list[PackChoice]:
    """What packing this order will take off its site's shelf, item by item (a test order takes none)."""
    if order.mode != "live":
        return []
    catalog = CatalogRepository(session)
    kits = await catalog.kits(line.ref_id for line in lines if line.kind == "kit")
    items = await catalog.items(line.ref_id for line in lines if line.kind == "item")
    needed: dict[int, tuple[Item, int]] = {}
    units = [(c.item.item, c.count * line.count) for line in lines if line.kind == "kit" for c in kits[line.ref_id].contents]
    units += [(items[line.ref_id].item, line.count) for line in lines if line.kind == "item"]
    for item, count in units:
        if item.serialized:
            needed[item.id] = (item, needed.get(item.id, (item, 0))[1] + count)
    repository = LogisticsRepository(session)
    site_id = order.attributes["fulfillment_site_id"]
    return [
        PackChoice(item, count, await repository.available_devices(site_id=site_id, item_id=item.id, count=max(count, shown), lock=False))
        for item, count in needed.values()
    ]


async def choices_to_pack(session: AsyncSession, order: Order) -> list[PackChoice]:
    """The console's pack form: `pack_choices` for this order's lines."""
    lines = (await LogisticsRepository(session).lines([order.id])).get(order.id, [])
    return await pack_choices(session, order=order, lines=lines)
