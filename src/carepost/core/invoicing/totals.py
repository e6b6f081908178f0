"""An order's totals, as pure functions over Decimals (docs/pharmacy.md, "Totals").

Prices exclude IVA. Per line: `subtotal` = price × quantity; `discount` = the
line's share of the coupon; `iva` = (subtotal − discount) × the product's
rate; `total` = subtotal − discount + iva. Shipping is a service, taxed at
16% IVA (LIVA art. 1) on what is charged for it (price − shipping discount);
that IVA is part of the order's `iva`. The order: subtotal − discount + iva +
shipping_price − shipping_discount. Every amount is rounded to cents, half up,
where it is computed; sums are of rounded amounts, so every figure shown adds up.

A coupon's value between 0 and 1 (exclusive) is a fraction of the subtotal;
1 or more is a fixed amount in pesos, never more than the subtotal. A fixed
amount is shared among lines in proportion to their subtotals, the cent left
over by rounding going to the largest line, so the shares add up to it exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")
SHIPPING_IVA_RATE = Decimal("0.16")


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LineIn:
    product_id: int
    quantity: int
    unit_price: Decimal  # before IVA
    iva_rate: Decimal  # 0 or 0.16


@dataclass(frozen=True)
class ShippingIn:
    price: Decimal  # before IVA
    free_from: Decimal | None = None  # products' subtotal less discount at which shipping is free


@dataclass(frozen=True)
class LineTotals:
    product_id: int
    quantity: int
    unit_price: Decimal
    subtotal: Decimal
    discount: Decimal
    iva: Decimal
    total: Decimal


@dataclass(frozen=True)
class Totals:
    lines: tuple[LineTotals, ...]
    subtotal: Decimal
    discount: Decimal
    iva: Decimal
    shipping_price: Decimal
    shipping_discount: Decimal
    total: Decimal


def is_percentage(coupon_value: Decimal) -> bool:
    return ZERO < coupon_value < 1


def compute(lines: Sequence[LineIn], *, coupon_value: Decimal | None = None, shipping: ShippingIn | None = None) -> Totals:
    subtotals = [cents(line.unit_price * line.quantity) for line in lines]
    subtotal = sum(subtotals, ZERO)
    discounts = _discounts(subtotals, coupon_value)
    priced = []
    for line, line_subtotal, discount in zip(lines, subtotals, discounts, strict=True):
        iva = cents((line_subtotal - discount) * line.iva_rate)
        priced.append(
            LineTotals(line.product_id, line.quantity, line.unit_price, line_subtotal, discount, iva, line_subtotal - discount + iva)
        )
    discount = sum(discounts, ZERO)
    shipping_price = cents(shipping.price) if shipping else ZERO
    free = shipping is not None and shipping.free_from is not None and subtotal - discount >= shipping.free_from
    shipping_discount = shipping_price if free else ZERO
    shipping_iva = cents((shipping_price - shipping_discount) * SHIPPING_IVA_RATE)
    iva = sum((line.iva for line in priced), ZERO) + shipping_iva
    return Totals(
        lines=tuple(priced),
        subtotal=subtotal,
        discount=discount,
        iva=iva,
        shipping_price=shipping_price,
        shipping_discount=shipping_discount,
        total=subtotal - discount + iva + shipping_price - shipping_discount,
    )


def _discounts(subtotals: list[Decimal], coupon_value: Decimal | None) -> list[Decimal]:
    """Each line's share of the coupon."""
    subtotal = sum(subtotals, ZERO)
    if coupon_value is None or coupon_value <= 0 or subtotal == 0:
        return [ZERO for _ in subtotals]
    if is_percentage(coupon_value):
        return [cents(line * coupon_value) for line in subtotals]
    amount = min(cents(coupon_value), subtotal)
    shares = [cents(amount * line / subtotal) for line in subtotals]
    largest = max(range(len(subtotals)), key=lambda i: (subtotals[i], -i))
    shares[largest] += amount - sum(shares, ZERO)  # the rounding's cent, so the shares add up to the coupon
    return shares
