"""What a retail order would cost and how it would arrive: the checks and the totals
that both `calculate` and placing an order run (contract 001). Field names are the
request's: `order.details.0.product`, `order.shipping.zipcode`, …"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.invoicing.totals import LineIn, ShippingIn, Totals, compute
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import Coupon, Item, PaymentMethod, RetailProduct, ShippingMethod, Store
from carepost.core.retail import rules
from carepost.core.retail.repository import RetailRepository


@dataclass(frozen=True)
class LineRequest:
    product_id: int
    quantity: int


@dataclass(frozen=True)
class QuoteIn:
    details: tuple[LineRequest, ...]
    payment_method_id: int
    shipping: dict[str, Any] | None = None  # the ship-to address, `zipcode` among it
    shipping_method_id: int | None = None
    store_id: int | None = None
    coupon_code: str | None = None


@dataclass(frozen=True)
class Quote:
    products: dict[int, tuple[Item, RetailProduct]]
    payment_method: PaymentMethod
    shipping_method: ShippingMethod | None
    store: Store | None
    coupon: Coupon | None  # None when none was asked for, or the one asked for is not usable
    totals: Totals
    window: rules.DeliveryWindow | None


def does_not_exist(value: object) -> str:
    """DRF's words for an id that names nothing (PrimaryKeyRelatedField)."""
    return f'Invalid pk "{value}" - object does not exist.'


async def quote(session: AsyncSession, *, scope: Scope, quote_in: QuoteIn, at: datetime) -> Quote:
    repository = RetailRepository(session)
    products = await products_for(repository, quote_in.details)
    payment_method = await repository.payment_method(scope.account_id, quote_in.payment_method_id)
    if payment_method is None or not payment_method.active:
        raise InvalidInput(does_not_exist(quote_in.payment_method_id), field="order.payment_method")
    store, shipping_method = await _delivery(repository, quote_in)
    coupon = await repository.coupon(scope.account_id, quote_in.coupon_code) if quote_in.coupon_code else None
    if not rules.coupon_usable(coupon, at):
        coupon = None  # contract 001: the order goes ahead without it
    totals = price(quote_in.details, products, coupon_value=coupon.value if coupon else None, shipping_method=shipping_method)
    window = rules.delivery_window(shipping_method, at) if shipping_method else None
    return Quote(products, payment_method, shipping_method, store, coupon, totals, window)


def price(
    details: Sequence[LineRequest],
    products: dict[int, tuple[Item, RetailProduct]],
    *,
    coupon_value: Decimal | None,
    shipping_method: ShippingMethod | None,
) -> Totals:
    lines = [
        LineIn(line.product_id, line.quantity, products[line.product_id][1].price, products[line.product_id][1].iva_rate)
        for line in details
    ]
    shipping = ShippingIn(shipping_method.price, shipping_method.free_from) if shipping_method else None
    return compute(lines, coupon_value=coupon_value, shipping=shipping)


async def products_for(
    repository: RetailRepository, details: Sequence[LineRequest], *, field: str = "order.details"
) -> dict[int, tuple[Item, RetailProduct]]:
    """The priced, orderable products the lines name; an unknown one is DRF's does-not-exist."""
    if not details:
        raise InvalidInput("This list may not be empty.", field=field)
    products = await repository.products(line.product_id for line in details)
    for index, line in enumerate(details):
        found = products.get(line.product_id)
        if found is None or not found[0].orderable:
            raise InvalidInput(does_not_exist(line.product_id), field=f"{field}.{index}.product")
    return products


async def _delivery(repository: RetailRepository, quote_in: QuoteIn) -> tuple[Store | None, ShippingMethod | None]:
    """Exactly one of a ship-to address or a pick-up store; the shipping method that serves the address."""
    if (quote_in.shipping is None) == (quote_in.store_id is None):
        raise InvalidInput("Send either shipping or store, not both and not neither.", field="order.non_field_errors")
    if quote_in.store_id is not None:
        if quote_in.shipping_method_id is not None:
            raise InvalidInput("A pick-up order has no shipping method.", field="order.shipping_method")
        store = await repository.store(quote_in.store_id)
        if store is None:
            raise InvalidInput(does_not_exist(quote_in.store_id), field="order.store")
        return store, None
    zipcode = str((quote_in.shipping or {}).get("zipcode") or "")
    methods = await repository.shipping_methods()
    if quote_in.shipping_method_id is None:
        method = rules.cheapest(methods, zipcode)
        if method is None:
            raise InvalidInput(f"No shipping method serves postal code {zipcode}.", field="order.shipping.zipcode")
        return None, method
    method = next((m for m in methods if m.id == quote_in.shipping_method_id), None)
    if method is None:
        raise InvalidInput(does_not_exist(quote_in.shipping_method_id), field="order.shipping_method")
    if not rules.serves(method, zipcode):
        raise InvalidInput(f"This shipping method does not serve postal code {zipcode}.", field="order.shipping_method")
    return None, method

