"""SQL for the supplier's side: catalog rows by their natural keys, kit contents, shelved devices."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.logistics.devices import ON_THE_SHELF
from carepost.core.models import Device, FulfillmentSite, Item, Kit, KitItem, Manufacturer


class SupplyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: Any) -> None:
        self.session.add(row)
        await self.session.flush()

    async def manufacturer_named(self, name: str) -> Manufacturer | None:
        return await self.session.scalar(select(Manufacturer).where(Manufacturer.name == name))

    async def item_with_sku(self, sku: str) -> Item | None:
        return await self.session.scalar(select(Item).where(Item.sku == sku))

    async def items_with_skus(self, skus: Iterable[str]) -> dict[str, Item]:
        return {i.sku: i for i in await self.session.scalars(select(Item).where(Item.sku.in_(set(skus))))}

    async def kit_with_code(self, code: str) -> Kit | None:
        return await self.session.scalar(select(Kit).where(Kit.code == code))

    async def replace_kit_items(self, kit_id: int, kit_items: list[KitItem]) -> None:
        await self.session.execute(delete(KitItem).where(KitItem.kit_id == kit_id))
        self.session.add_all(kit_items)
        await self.session.flush()

    async def fulfillment_site_with_code(self, code: str) -> FulfillmentSite | None:
        return await self.session.scalar(select(FulfillmentSite).where(FulfillmentSite.code == code))

    async def device_with_identifier(self, external_identifier: str) -> Device | None:
        return await self.session.scalar(select(Device).where(Device.external_identifier == external_identifier))

    async def shelved_devices(self, *, site_id: int, item_id: int) -> int:
        found = await self.session.scalar(
            select(func.count())
            .select_from(Device)
            .where(Device.fulfillment_site_id == site_id, Device.item_id == item_id, Device.status.in_(ON_THE_SHELF))
        )
        return found or 0
