"""The pharmacy's world from a tenant file: prices kept exact on both databases,
shipping methods, stores, payment methods and coupons, applied twice to no effect."""

from __future__ import annotations

import uuid
from decimal import Decimal as D

import pytest
from pydantic import ValidationError
from sqlalchemy import select

from carepost.core.models import Coupon, RetailProduct
from carepost.core.retail.repository import RetailRepository
from carepost.tenant_file.apply import apply
from carepost.tenant_file.apply import model as tenant_model
from carepost.tenant_file.schema import TenantFile


def _tenant(tag: str, **account_extra) -> TenantFile:
    return tenant_model().model_validate(
        {
            "catalog": {
                "items": [
                    {"sku": f"PARA-{tag}", "name": "Paracetamol 500 mg", "model": "20 tabs", "manufacturer": f"Lab {tag}",
                     "retail": {"price": "35.90", "iva_rate": "0"}},
                    {"sku": f"AMOX-{tag}", "name": "Amoxicilina 500 mg", "model": "12 caps", "manufacturer": f"Lab {tag}",
                     "retail": {"price": "189.99", "iva_rate": "0", "requires_prescription": True, "image_url": "https://img.example/amox.png"}},
                    {"sku": f"GAUZE-{tag}", "name": "Gasas", "model": "10 pzas", "manufacturer": f"Lab {tag}",
                     "retail": {"price": "0.10", "iva_rate": "0.16"}},
                ]
            },
            "shipping_methods": [
                {"code": f"std-{tag}", "name": "Estándar", "price": "79.00", "free_from": "999.00", "min_days": 2, "max_days": 5, "zip_prefixes": ["0", "1"]},
                {"code": f"nat-{tag}", "name": "Nacional", "price": "129.00", "min_days": 3, "max_days": 7},
            ],
            "stores": [{"code": f"roma-{tag}", "name": "Sucursal Roma", "address": {"street": "Orizaba 1", "city": "CDMX"}}],
            "accounts": [
                {
                    "slug": f"farm-{tag}", "name": "Farmacia", "dialects": ["pharmacy"],
                    "pharmacy": {
                        "payment_methods": [{"code": "net30", "name": "Crédito 30 días", "kind": "credit"}, {"code": "spei", "name": "SPEI",
                            "kind": "transfer"}],
                        "coupons": [
                            {"code": "DIEZ", "value": "0.10"},
                            {"code": "CIEN", "value": "100", "max_uses": 2},
                            {"code": "VIEJO", "value": "0.2", "valid_until": "2020-01-01T00:00:00Z"},
                        ],
                    },
                    **account_extra,
                }
            ],
        }
    )


async def test_the_pharmacy_world_loads_exactly_and_reloads_to_no_effect(db, settings):
    tag = uuid.uuid4().hex[:8]
    [first] = await apply(db, _tenant(tag), secret_key=settings.resolved_secret_key)
    async with db.transaction() as session:
        coupon = await RetailRepository(session).coupon(
            (await session.scalar(select(Coupon.account_id).where(Coupon.code == "CIEN").order_by(Coupon.id.desc()))), "CIEN"
        )
        coupon.uses = 1  # one order used it
    [again] = await apply(db, _tenant(tag), secret_key=settings.resolved_secret_key)

    assert again.sections["pharmacy"] == first.sections["pharmacy"]
    report = first.sections["pharmacy"]
    assert [(p["price"], p["iva_rate"], p["requires_prescription"]) for p in report["products"]] == [
        (35.9, 0.0, False),
        (189.99, 0.0, True),
        (0.1, 0.16, False),
    ]
    assert [m["kind"] for m in report["payment_methods"]] == ["credit", "transfer"]
    assert [m["zip_prefixes"] for m in report["shipping_methods"]] == [["0", "1"], [""]]
    assert len(report["stores"]) == 1
    assert [(c["code"], c["value"], c["valid"]) for c in report["coupons"]] == [
        ("DIEZ", 0.1, True), ("CIEN", 100.0, True), ("VIEJO", 0.2, False)
    ]
    async with db.transaction() as session:
        prices = {p.item_id: p for p in await session.scalars(select(RetailProduct).where(RetailProduct.item_id.in_([p["id"] for p in report["products"]])))}
        kept = await RetailRepository(session).coupon(coupon.account_id, "CIEN")
    assert [prices[p["id"]].price for p in report["products"]] == [D("35.90"), D("189.99"), D("0.10")]
    assert all(isinstance(p.price, D) and isinstance(p.iva_rate, D) for p in prices.values())
    assert kept.uses == 1  # reloading the file does not reset what orders used


@pytest.mark.parametrize(
    "bad",
    [
        {"catalog": {"items": [{"sku": "X", "name": "x", "model": "x", "manufacturer": "x", "retail": {"price": "1", "iva_rate": "0.08"}}]}},
        {"shipping_methods": [{"code": "x", "name": "x", "price": "-1", "min_days": 1, "max_days": 2}]},
        {"accounts": [{"slug": "ab", "name": "x", "pharmacy": {"payment_methods": [{"code": "x", "name": "x", "kind": "barter"}]}}]},
        {"accounts": [{"slug": "ab", "name": "x", "pharmacy": {"coupons": [{"code": "X", "value": "0"}]}}]},
    ],
    ids=["iva-8-percent", "negative-price", "unknown-payment-kind", "worthless-coupon"],
)
def test_the_tenant_file_refuses_impossible_retail_values(bad):
    with pytest.raises(ValidationError):
        tenant_model().model_validate(bad)
