"""A pharmacy world made through the tenant file: priced products (0% and 16% IVA, one
needing a prescription) in stock, shipping methods, a pick-up store, payment methods,
coupons, and a user with a token. Every name carries a fresh tag."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from carepost.core.kit.db import Database
from carepost.core.models import Order
from carepost.demo.csd import demo_issuer, test_csd_dir
from carepost.tenant_file.apply import apply
from carepost.tenant_file.apply import model as tenant_model

PASSWORD = "una contraseña bastante larga"
PDF = b"%PDF-1.7\n" + b"\x00" * 1024


@dataclass
class PharmacyWorld:
    tag: str
    zipcode: str  # served by this world's standard method alone (shipping methods are shared by every account)
    live_key: str
    test_key: str
    email: str
    products: dict[str, int]  # medicine (0%), supply (16%), antibiotic (prescription), scarce (10 units)
    payment_methods: dict[str, int]  # credit, transfer
    shipping_methods: dict[str, int]  # standard (zips 0…, 1…), national (all)
    store: int
    slug: str

    def headers(self, token: str, *, mode: str = "live") -> dict[str, str]:
        return {"X-API-Key": self.live_key if mode == "live" else self.test_key, "Authorization": f"Bearer {token}"}


def sat_test_csd() -> Path:
    """SAT's public test CSD (../shared/fixtures, read at run time; carepost/demo/csd.py)."""
    directory = test_csd_dir()
    assert directory is not None, "SAT's test CSD was not found: set CAREPOST_SAT_TEST_CSD_DIR"
    return directory


def issuer(pac: dict[str, Any] | None = None) -> dict[str, Any]:
    """SAT's test taxpayer as the account's CFDI issuer, stamping with `pac` (the embedded one by default)."""
    return {**demo_issuer(sat_test_csd()).model_dump(mode="json"), "pac": pac or {"provider": "embedded"}}


async def pharmacy_world(
    db: Database, secret_key: str, *, scarce_units: int = 10, units: int = 500, invoicing: dict[str, Any] | None = None
) -> PharmacyWorld:
    tag = uuid.uuid4().hex[:8]
    zipcode = f"9{int(tag, 16) % 10000:04d}"
    email = f"compras-{tag}@farmacia.example"

    def item(sku: str, name: str, price: str, iva: str, **extra: object) -> dict:
        return {
            "sku": f"{sku}-{tag}", "name": name, "model": "caja", "manufacturer": f"Lab {tag}",
            "retail": {"price": price, "iva_rate": iva, **extra},
        }

    tenant = tenant_model().model_validate(
        {
            "catalog": {
                "items": [
                    item("MED", "Paracetamol", "125.50", "0"),
                    item("SUP", "Gasas", "89.90", "0.16"),
                    {**item("ABX", "Amoxicilina", "189.99", "0", requires_prescription=True), "rxnorm": "308182"},
                    item("RARE", "Insulina", "450.00", "0"),
                ]
            },
            "fulfillment_sites": [
                {"code": f"cdmx-{tag}", "name": "CDMX", "stock": {f"MED-{tag}": units, f"SUP-{tag}": units, f"ABX-{tag}": 50, f"RARE-{tag}": scarce_units}}
            ],
            "shipping_methods": [
                {"code": f"std-{tag}", "name": "Estándar", "price": "99.00", "free_from": "1000.00", "min_days": 2, "max_days": 4, "zip_prefixes": [zipcode]},
                {"code": f"nat-{tag}", "name": "Nacional", "price": "149.00", "min_days": 3, "max_days": 7, "zip_prefixes": [""]},
            ],
            "stores": [{"code": f"roma-{tag}", "name": "Sucursal Roma", "address": {"street": "Orizaba 1", "city": "CDMX"}}],
            "accounts": [
                {
                    "slug": f"farm-{tag}", "name": f"Farmacia {tag}", "dialects": ["pharmacy"],
                    "users": [{"email": email, "password": PASSWORD}],
                    "keys": [{"name": "main", "mode": "live"}, {"name": "main", "mode": "test"}],
                    "invoicing": invoicing or issuer(),
                    "pharmacy": {
                        "payment_methods": [{"code": "net30", "name": "Crédito", "kind": "credit"}, {"code": "spei", "name": "SPEI", "kind": "transfer"}],
                        "coupons": [
                            {"code": "DIEZ", "value": "0.10"},
                            {"code": "CINCUENTA", "value": "50"},
                            {"code": "VIEJO", "value": "0.5", "valid_until": "2020-01-01T00:00:00Z"},
                            {"code": "UNA", "value": "0.2", "max_uses": 1},
                        ],
                    },
                }
            ],
        }
    )
    [report] = await apply(db, tenant, secret_key=secret_key)
    keys = {k.mode: k.secret for k in report.keys}
    pharmacy = report.sections["pharmacy"]
    by_sku_prefix = {p["name"]: p["id"] for p in pharmacy["products"]}
    return PharmacyWorld(
        tag=tag,
        zipcode=zipcode,
        live_key=keys["live"],
        test_key=keys["test"],
        email=email,
        products={"medicine": by_sku_prefix["Paracetamol"], "supply": by_sku_prefix["Gasas"], "antibiotic": by_sku_prefix["Amoxicilina"],
            "scarce": by_sku_prefix["Insulina"]},
        payment_methods={m["code"]: m["id"] for m in pharmacy["payment_methods"]},
        shipping_methods={m["code"].split("-")[0]: m["id"] for m in pharmacy["shipping_methods"] if m["code"].endswith(tag)},
        store=[s["id"] for s in pharmacy["stores"] if s["code"].endswith(tag)][0],
        slug=report.slug,
    )


async def token_for(client: httpx.AsyncClient, world: PharmacyWorld, *, mode: str = "live") -> str:
    key = world.live_key if mode == "live" else world.test_key
    response = await client.post("/api/token/", json={"email": world.email, "password": PASSWORD}, headers={"X-API-Key": key})
    assert response.status_code == 200, response.text
    return response.json()["access"]


def order_body(world: PharmacyWorld, **order_overrides: Any) -> dict[str, Any]:
    """The contract's create body: the worked example's two products, shipped to CDMX."""
    order: dict[str, Any] = {
        "details": [{"product": world.products["medicine"], "quantity": 2}, {"product": world.products["supply"], "quantity": 3}],
        "shipping": {
            "street": "Av. Reforma", "exterior_number": "222", "interior_number": "4B", "neighborhood": "Juárez",
            "city": "Ciudad de México", "state": "CDMX", "country": "México", "zipcode": world.zipcode, "phone": "+525512345678",
        },
        "payment_method": world.payment_methods["net30"],
    }
    order.update(order_overrides)
    return {
        "user": {"email": f"paciente-{uuid.uuid4().hex[:8]}@example.mx", "phone": _unique_phone(), "first_name": "Ana", "last_name": "López"},
        "order": order,
    }


def _unique_phone() -> str:
    return f"+5255{uuid.uuid4().int % 10**8:08d}"


async def public_id(db: Database, order_id: int) -> str:
    """The order's ORD_… id, which the operator API names it by."""
    async with db.read() as session:
        return await session.scalar(select(Order.public_id).where(Order.id == order_id))
