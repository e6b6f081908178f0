"""Order totals: the worked example of docs/pharmacy.md, and the edges of the formula."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from carepost.core.invoicing.totals import LineIn, ShippingIn, compute

MEDICINE = LineIn(product_id=1, quantity=2, unit_price=D("125.50"), iva_rate=D("0"))  # patente: 0% IVA
SUPPLY = LineIn(product_id=2, quantity=3, unit_price=D("89.90"), iva_rate=D("0.16"))
SHIPPING = ShippingIn(price=D("99.00"), free_from=D("1000.00"))


def test_the_worked_example_with_a_percentage_coupon():
    totals = compute([MEDICINE, SUPPLY], coupon_value=D("0.10"), shipping=SHIPPING)

    medicine, supply = totals.lines
    assert (medicine.subtotal, medicine.discount, medicine.iva, medicine.total) == (D("251.00"), D("25.10"), D("0.00"), D("225.90"))
    assert (supply.subtotal, supply.discount, supply.iva, supply.total) == (D("269.70"), D("26.97"), D("38.84"), D("281.57"))
    assert totals.subtotal == D("520.70")
    assert totals.discount == D("52.07")
    assert totals.shipping_price == D("99.00") and totals.shipping_discount == D("0")
    assert totals.iva == D("54.68")  # 38.84 on the supply + 15.84 on the shipping
    assert totals.total == D("622.31")


def test_the_worked_example_with_a_fixed_coupon():
    totals = compute([MEDICINE, SUPPLY], coupon_value=D("50"), shipping=SHIPPING)

    medicine, supply = totals.lines
    assert (medicine.discount, supply.discount) == (D("24.10"), D("25.90"))
    assert supply.iva == D("39.01")
    assert totals.discount == D("50.00")
    assert totals.iva == D("54.85")
    assert totals.total == D("624.55")


def test_free_shipping_from_the_threshold_carries_no_shipping_iva():
    totals = compute([SUPPLY], shipping=ShippingIn(price=D("99.00"), free_from=D("200.00")))

    assert totals.shipping_discount == D("99.00")
    assert totals.iva == D("43.15")  # 269.70 × 0.16, nothing on the shipping
    assert totals.total == D("269.70") + D("43.15")


def test_the_threshold_counts_what_is_paid_for_the_products_after_the_coupon():
    just_below = compute([SUPPLY], coupon_value=D("0.10"), shipping=ShippingIn(price=D("50"), free_from=D("269.70")))

    assert just_below.shipping_discount == D("0")


def test_a_fixed_coupon_never_exceeds_the_subtotal():
    totals = compute([MEDICINE], coupon_value=D("1000"))

    assert totals.discount == D("251.00")
    assert totals.total == D("0.00")


@pytest.mark.parametrize("split", [(D("0.01"), 3), (D("10.00"), 7), (D("33.33"), 3)])
def test_fixed_coupon_shares_always_add_up_to_the_coupon(split):
    value, lines = split
    priced = [LineIn(product_id=n, quantity=1, unit_price=D("33.33") + 7 * n, iva_rate=D("0.16")) for n in range(lines)]

    totals = compute(priced, coupon_value=value + 1)  # ≥ 1: a fixed amount

    assert totals.discount == value + 1
    assert sum(line.discount for line in totals.lines) == totals.discount


def test_every_figure_adds_up_and_stays_in_cents():
    totals = compute([MEDICINE, SUPPLY], coupon_value=D("0.333"), shipping=SHIPPING)

    assert totals.subtotal == sum(line.subtotal for line in totals.lines)
    assert totals.total == sum(line.total for line in totals.lines) + totals.shipping_price - totals.shipping_discount + (
        totals.iva - sum(line.iva for line in totals.lines)
    )
    for amount in (totals.subtotal, totals.discount, totals.iva, totals.total, *(line.iva for line in totals.lines)):
        assert amount == amount.quantize(D("0.01"))


def test_rounding_is_half_up():
    line = LineIn(product_id=1, quantity=1, unit_price=D("0.03125"), iva_rate=D("0.16"))  # 0.03125 → 0.03; 0.03 × 0.16 = 0.0048 → 0.00

    assert compute([line]).lines[0].subtotal == D("0.03")
    half = LineIn(product_id=1, quantity=1, unit_price=D("1.005"), iva_rate=D("0"))
    assert compute([half]).lines[0].subtotal == D("1.01")


def test_no_coupon_and_no_shipping_is_the_plain_sum():
    totals = compute([SUPPLY])

    assert (totals.discount, totals.shipping_price, totals.iva, totals.total) == (D("0"), D("0"), D("43.15"), D("312.85"))
