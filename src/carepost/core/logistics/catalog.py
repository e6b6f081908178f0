"""The supplier's catalog as read: items with their manufacturer, kits with their contents."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.lean import LeanStatement, columns_of, detached, is_one_of
from carepost.core.models import Item, Kit, KitItem, Manufacturer, RetailProduct


@dataclass(frozen=True)
class CatalogItem:
    item: Item
    manufacturer: Manufacturer
    # Sold through the pharmacy API (it has a retail price): not in the devices API's catalog.
    sold_at_retail: bool = False


@dataclass(frozen=True)
class KitContent:
    count: int
    drives_external_identifier: bool
    item: CatalogItem


@dataclass(frozen=True)
class CatalogKit:
    kit: Kit
    contents: tuple[KitContent, ...]

    @property
    def orderable(self) -> bool:
        """An archived kit, or one holding a non-orderable item, can't be ordered."""
        return not self.kit.archived and all(c.item.item.orderable for c in self.contents)

    def units(self) -> dict[int, int]:
        return {c.item.item.id: c.count for c in self.contents}


# Every devices order placed and every order listed reads its items (lean.py): read-only rows.
_ITEM_WIDTH = len(columns_of(Item))
_ITEMS = LeanStatement(
    lambda dialect_name: select(
        *columns_of(Item), *columns_of(Manufacturer), exists().where(RetailProduct.item_id == Item.id).label("sold_at_retail")
    )
    .join(Manufacturer, Item.manufacturer_id == Manufacturer.id)
    .where(is_one_of(dialect_name, Item.id, "ids"))
)


class CatalogRepository:
    """SQL for reading the catalog."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def items(self, item_ids: Iterable[int]) -> dict[int, CatalogItem]:
        wanted = set(item_ids)
        if not wanted:
            return {}
        found = {}
        for row in await _ITEMS.rows(self.session, ids=sorted(wanted)):
            item, maker = detached(Item, row[:_ITEM_WIDTH]), detached(Manufacturer, row[_ITEM_WIDTH:-1])
            found[item.id] = CatalogItem(item, maker, sold_at_retail=bool(row[-1]))
        return found

    async def kits(self, kit_ids: Iterable[int]) -> dict[int, CatalogKit]:
        wanted = set(kit_ids)
        if not wanted:
            return {}
        kits = {kit.id: kit for kit in await self.session.scalars(select(Kit).where(Kit.id.in_(wanted)))}
        lines = list(await self.session.scalars(select(KitItem).where(KitItem.kit_id.in_(kits)).order_by(KitItem.item_id)))
        items = await self.items(line.item_id for line in lines)
        contents: dict[int, list[KitContent]] = {kit_id: [] for kit_id in kits}
        for line in lines:
            contents[line.kit_id].append(KitContent(line.count, line.drives_external_identifier, items[line.item_id]))
        return {kit_id: CatalogKit(kit, tuple(contents[kit_id])) for kit_id, kit in kits.items()}
