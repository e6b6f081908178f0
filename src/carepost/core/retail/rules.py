"""The retail rules that need no database: which shipping methods serve a postal
code and which is cheapest, when an order arrives, whether a coupon is usable,
and the payment status a new order starts with. Pure; unit-tested."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from carepost.core.models import Coupon, ShippingMethod

# The payment status a new order starts in, by the kind of its payment method (docs/pharmacy.md).
PAYMENT_KINDS = {"credit": "credit", "transfer": "unpaid", "cash": "unpaid"}


def initial_payment_status(kind: str) -> str:
    return PAYMENT_KINDS[kind]


def serves(method: ShippingMethod, zipcode: str) -> bool:
    """A method serves the postal codes that start with one of its prefixes ("" serves them all)."""
    return method.active and any(zipcode.startswith(prefix) for prefix in method.zip_prefixes)


def cheapest(methods: Sequence[ShippingMethod], zipcode: str) -> ShippingMethod | None:
    """The cheapest method that serves the postal code; the faster one on a tie, then the lower id."""
    serving = [m for m in methods if serves(m, zipcode)]
    return min(serving, key=lambda m: (m.price, m.max_days, m.id)) if serving else None


@dataclass(frozen=True)
class DeliveryWindow:
    expected: datetime
    latest: datetime


def delivery_window(method: ShippingMethod, placed_at: datetime) -> DeliveryWindow:
    """Calendar days of transit from the moment the order is placed."""
    return DeliveryWindow(expected=placed_at + timedelta(days=method.min_days), latest=placed_at + timedelta(days=method.max_days))


def coupon_usable(coupon: Coupon | None, at: datetime) -> bool:
    """Within its window, under its use limit, and worth something. An unusable coupon
    does not fail an order: the order is placed without it (contract 001)."""
    if coupon is None or coupon.value <= Decimal("0"):
        return False
    if coupon.valid_from is not None and at < coupon.valid_from:
        return False
    if coupon.valid_until is not None and at > coupon.valid_until:
        return False
    return coupon.max_uses is None or coupon.uses < coupon.max_uses
