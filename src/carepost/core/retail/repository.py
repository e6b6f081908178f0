"""SQL for the retail world: products' prices, payment methods, shipping methods, stores, coupons."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.db import Base, rows_changed
from carepost.core.kit.lean import LeanInsert, LeanStatement, columns_of, detached, flush_pending, is_one_of
from carepost.core.models import (
    Coupon,
    Item,
    PaymentMethod,
    Prescription,
    RetailOrder,
    RetailOrderLine,
    RetailProduct,
    ShippingMethod,
    Store,
)

Row = TypeVar("Row", bound=Base)

# What every quote reads (core/kit/lean.py), as rows to read, not to change.
_ITEM_WIDTH = len(columns_of(Item))
_PRODUCTS = LeanStatement(
    lambda dialect_name: select(*columns_of(Item), *columns_of(RetailProduct))
    .join(RetailProduct, RetailProduct.item_id == Item.id)
    .where(is_one_of(dialect_name, Item.id, "ids"))
)
_PAYMENT_METHOD = LeanStatement(
    select(*columns_of(PaymentMethod)).where(PaymentMethod.account_id == bindparam("account_id"), PaymentMethod.id == bindparam("id"))
)
_RETAIL_ORDER = LeanInsert(RetailOrder)
_RETAIL_LINE = LeanInsert(RetailOrderLine)
_SHIPPING_METHODS = LeanStatement(select(*columns_of(ShippingMethod)).where(ShippingMethod.active).order_by(ShippingMethod.id))


class RetailRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: Row) -> Row:
        self.session.add(row)
        await self.session.flush()
        return row

    async def add_placed(self, retail: RetailOrder, lines: Iterable[RetailOrderLine], prescriptions: Iterable[Prescription]) -> None:
        """A new order's retail row and lines (lean, then held by the session as loaded)
        and its prescriptions."""
        await flush_pending(self.session)
        await _RETAIL_ORDER.add(self.session, [retail], persistent=True)
        await _RETAIL_LINE.add(self.session, lines, persistent=True)
        self.session.add_all(prescriptions)
        await flush_pending(self.session)

    async def products(self, item_ids: Iterable[int]) -> dict[int, tuple[Item, RetailProduct]]:
        """The items sold at retail among these, with their prices: to read (lean)."""
        wanted = sorted(set(item_ids))
        if not wanted:
            return {}
        found = {}
        for row in await _PRODUCTS.rows(self.session, ids=wanted):
            item, product = detached(Item, row[:_ITEM_WIDTH]), detached(RetailProduct, row[_ITEM_WIDTH:])
            found[item.id] = (item, product)
        return found

    async def product(self, item_id: int) -> RetailProduct | None:
        return await self.session.get(RetailProduct, item_id)

    async def payment_method(self, account_id: int, method_id: int) -> PaymentMethod | None:
        """The account's payment method, to read (lean)."""
        row = await _PAYMENT_METHOD.first(self.session, account_id=account_id, id=method_id)
        return detached(PaymentMethod, row) if row else None

    async def payment_method_with_code(self, account_id: int, code: str) -> PaymentMethod | None:
        return await self.session.scalar(
            select(PaymentMethod).where(PaymentMethod.account_id == account_id, PaymentMethod.code == code)
        )

    async def shipping_methods(self) -> list[ShippingMethod]:
        """The active shipping methods, to read (lean)."""
        return [detached(ShippingMethod, row) for row in await _SHIPPING_METHODS.rows(self.session)]

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
        changed = await rows_changed(self.session,
            update(Coupon)
            .where(Coupon.id == coupon_id, (Coupon.max_uses.is_(None)) | (Coupon.uses < Coupon.max_uses))
            .values(uses=Coupon.uses + 1)
            .execution_options(synchronize_session=False)
        )
        return changed == 1
