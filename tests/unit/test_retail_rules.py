"""Retail rules without a database: shipping by postal code, delivery dates, coupons, payment status."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal as D

import pytest

from carepost.core.models import Coupon, ShippingMethod
from carepost.core.retail import rules

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def _method(id_: int, price: str, prefixes: list[str], *, min_days: int = 1, max_days: int = 3, active: bool = True) -> ShippingMethod:
    return ShippingMethod(
        id=id_, code=f"m{id_}", name=f"Method {id_}", price=D(price), free_from=None,
        min_days=min_days, max_days=max_days, zip_prefixes=prefixes, active=active,
    )


EXPRESS_CDMX = _method(1, "149.00", ["01", "02", "03"], max_days=1)
STANDARD_CDMX = _method(2, "79.00", ["0"])
NATIONAL = _method(3, "99.00", [""])
RETIRED = _method(4, "1.00", [""], active=False)
METHODS = [EXPRESS_CDMX, STANDARD_CDMX, NATIONAL, RETIRED]


@pytest.mark.parametrize(("zipcode", "expected"), [("03100", STANDARD_CDMX), ("64000", NATIONAL)])
def test_the_cheapest_active_method_serving_the_zip_is_chosen(zipcode, expected):
    assert rules.cheapest(METHODS, zipcode) is expected


def test_a_method_serves_only_its_prefixes():
    assert rules.serves(EXPRESS_CDMX, "01000")
    assert not rules.serves(EXPRESS_CDMX, "64000")
    assert not rules.serves(RETIRED, "01000")
    assert rules.cheapest([EXPRESS_CDMX], "64000") is None


def test_a_price_tie_goes_to_the_faster_method():
    slow, fast = _method(5, "50.00", [""], max_days=5), _method(6, "50.00", [""], max_days=2)

    assert rules.cheapest([slow, fast], "01000") is fast


def test_the_delivery_window_counts_transit_days_from_placing():
    window = rules.delivery_window(_method(7, "1", [""], min_days=2, max_days=4), NOW)

    assert (window.expected, window.latest) == (NOW + timedelta(days=2), NOW + timedelta(days=4))


def _coupon(**overrides) -> Coupon:
    fields = {"code": "SAVE", "value": D("0.10"), "valid_from": None, "valid_until": None, "max_uses": None, "uses": 0, **overrides}
    return Coupon(**fields)


@pytest.mark.parametrize(
    ("coupon", "usable"),
    [
        (_coupon(), True),
        (None, False),
        (_coupon(valid_from=NOW + timedelta(seconds=1)), False),
        (_coupon(valid_until=NOW - timedelta(seconds=1)), False),
        (_coupon(valid_from=NOW, valid_until=NOW), True),
        (_coupon(max_uses=3, uses=3), False),
        (_coupon(max_uses=3, uses=2), True),
        (_coupon(value=D("0")), False),
    ],
    ids=["open", "unknown", "not-yet", "expired", "last-instant", "used-up", "one-left", "worthless"],
)
def test_coupon_usability(coupon, usable):
    assert rules.coupon_usable(coupon, NOW) is usable


def test_payment_kinds_decide_the_initial_status():
    assert [rules.initial_payment_status(k) for k in ("credit", "transfer", "cash")] == ["credit", "unpaid", "unpaid"]
