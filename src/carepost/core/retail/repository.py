"""SQL for the retail world: products' prices, payment methods, shipping methods, stores, coupons."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.db import Base
from carepost.core.models import Coupon, Item, PaymentMethod, RetailProduct, ShippingMethod, Store

Row = TypeVar("Row", bound=Base)


class RetailRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: Row) -> Row:
        self.session.add(row)
        await self.session.flush()
        return row

    async def add_all(self, rows: Iterable[Base]) -> None:
        """Write rows in one flush: an order's retail row, lines and prescriptions together."""
        self.session.add_all(rows)
        await self.session.flush()

    async def products(self, item_ids: Iterable[int]) -> dict[int, tuple[Item, RetailProduct]]:
        wanted = set(item_ids)
        if not wanted:
            return {}
        rows = await self.session.execute(
            select(Item, RetailProduct).join(RetailProduct, RetailProduct.item_id == Item.id).where(Item.id.in_(wanted))
        )
        return {item.id: (item, product) for item, product in rows}

    async def product(self, item_id: int) -> RetailProduct | None:
        return await self.session.get(RetailProduct, item_id)

    async def payment_method(self, account_id: int, method_id: int) -> PaymentMethod | None:
        return await self.session.scalar(
            select(PaymentMethod).where(PaymentMethod.account_id == account_id, PaymentMethod.id == method_id)
        )

    async def payment_method_with_code(self, account_id: int, code: str) -> PaymentMethod | None:
        return await self.session.scalar(
            select(PaymentMethod).where(PaymentMethod.account_id == account_id, PaymentMethod.code == code)
        )

    async def shipping_methods(self) -> list[ShippingMethod]:
        return list(await self.session.scalars(select(ShippingMethod).where(ShippingMethod.active).order_by(ShippingMethod.id)))

    async def shipping_method_with_code(self, code: str) -> ShippingMethod | None:
        return await self.session.scalar(select(ShippingMethod).where(ShippingMethod.code == code))

    async def store(self, store_id: int) -> Store | None:
        return await self.session.scalar(select(Store).where(Store.id == store_id, Store.active))

    async def store_with_code(self, code: str) -> Store | None:
        return await self.session.scalar(select(Store).where(Store.code == code))

    async def coupon(self, account_id: int, code: str, *, lock: bool = False) -> Coupon | None:
        query = select(Coupon).where(Coupon.account_id == account_id, Coupon.code == code)
        return await self.session.scalar(query.with_for_update() if lock else query)

    async def use_coupon(self, coupon_id: int) -> bool:
        """Count one use, if the coupon has one left: the limit holds under concurrent orders."""
        result = await self.session.execute(
            update(Coupon)
            .where(Coupon.id == coupon_id, (Coupon.max_uses.is_(None)) | (Coupon.uses < Coupon.max_uses))
            .values(uses=Coupon.uses + 1)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1
