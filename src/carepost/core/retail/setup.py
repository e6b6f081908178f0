"""The retail world kept in step with a description (the tenant file): each function
matches on a natural key (sku, code), so applying one twice changes nothing."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from satcfdi import catalogs
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.errors import InvalidInput
from carepost.core.models import Coupon, Item, PaymentMethod, RetailProduct, ShippingMethod, Store
from carepost.core.retail.repository import RetailRepository
from carepost.core.retail.rules import PAYMENT_KINDS

IVA_RATES = (Decimal("0"), Decimal("0.16"))  # LIVA: 0% for medicinas de patente (art. 2-A I b), 16% for the rest


async def price_item(
    session: AsyncSession,
    *,
    item: Item,
    price: Decimal,
    iva_rate: Decimal,
    requires_prescription: bool,
    image_url: str | None,
    sat_product_key: str = "01010101",
    sat_unit_key: str = "H87",
) -> RetailProduct:
    if iva_rate not in IVA_RATES:
        raise InvalidInput(f"{item.sku}: IVA is 0 or 0.16, not {iva_rate}.")
    if catalogs.select("C756_c_ClaveProdServ", sat_product_key) is None:
        raise InvalidInput(f"{item.sku}: {sat_product_key} is not in SAT's product catalogue (c_ClaveProdServ).")
    if catalogs.select("C756_c_ClaveUnidad", sat_unit_key) is None:
        raise InvalidInput(f"{item.sku}: {sat_unit_key} is not in SAT's unit catalogue (c_ClaveUnidad).")
    repository = RetailRepository(session)
    product = await repository.product(item.id) or RetailProduct(item_id=item.id)
    product.price, product.iva_rate = price, iva_rate
    product.requires_prescription, product.image_url = requires_prescription, image_url
    product.sat_product_key, product.sat_unit_key = sat_product_key, sat_unit_key
    return await repository.add(product)


async def ensure_payment_method(session: AsyncSession, *, account_id: int, code: str, name: str, kind: str) -> PaymentMethod:
    if kind not in PAYMENT_KINDS:
        raise InvalidInput(f"Payment method {code}: kind is one of {', '.join(PAYMENT_KINDS)}.")
    repository = RetailRepository(session)
    method = await repository.payment_method_with_code(account_id, code) or PaymentMethod(account_id=account_id, code=code)
    method.name, method.kind, method.active = name, kind, True
    return await repository.add(method)


async def ensure_shipping_method(
    session: AsyncSession,
    *,
    code: str,
    name: str,
    price: Decimal,
    free_from: Decimal | None,
    min_days: int,
    max_days: int,
    zip_prefixes: list[str],
) -> ShippingMethod:
    if min_days > max_days:
        raise InvalidInput(f"Shipping method {code}: min_days is more than max_days.")
    repository = RetailRepository(session)
    method = await repository.shipping_method_with_code(code) or ShippingMethod(code=code)
    method.name, method.price, method.free_from = name, price, free_from
    method.min_days, method.max_days, method.zip_prefixes, method.active = min_days, max_days, list(zip_prefixes), True
    return await repository.add(method)


async def ensure_store(session: AsyncSession, *, code: str, name: str, address: dict[str, Any]) -> Store:
    repository = RetailRepository(session)
    store = await repository.store_with_code(code) or Store(code=code)
    store.name, store.address, store.active = name, address, True
    return await repository.add(store)


async def ensure_coupon(
    session: AsyncSession,
    *,
    account_id: int,
    code: str,
    value: Decimal,
    valid_from: datetime | None,
    valid_until: datetime | None,
    max_uses: int | None,
) -> Coupon:
    """A coupon's uses so far are kept when it is described again."""
    if value <= 0:
        raise InvalidInput(f"Coupon {code}: its value must be more than 0.")
    repository = RetailRepository(session)
    coupon = await repository.coupon(account_id, code) or Coupon(account_id=account_id, code=code, uses=0)
    coupon.value, coupon.valid_from, coupon.valid_until, coupon.max_uses = value, valid_from, valid_until, max_uses
    return await repository.add(coupon)
