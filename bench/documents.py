"""Documents in S3 at their cost: the masks portal's scan upload and the pharmacy invoice's PDF
download, with the document store on the data dir's disk (off) against a bucket on moto's S3
server (on), as an operator sets CAREPOST_DOCUMENTS_URL.

An account of its own (`bench-facturas`, pharmacy) issues CFDI with SAT's public test CSD
(loaded from the shared fixtures at run time, as the demo does): its invoiced orders are
stamped by the embedded sandbox PAC and drawn as PDFs by a `carepost worker`, once into each
store, before the measured runs. The uploads go to masks orders the create scenario made.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench import pg
from carepost.demo.csd import demo_issuer, test_csd_dir
from tests.dialects.pharmacy.test_invoicing import INVOICING
from tests.object_storage import s3_server

BENCH_TENANT = Path(__file__).parent / "tenant.yaml"
ACCOUNT = "bench-facturas"
USER = {"email": "facturas@bench-facturas.example", "password": "bench-contraseña-5678"}
PHOTO_BYTES = 256 * 1024  # a calibration photo's size, give or take: the part of an upload that is storage
INVOICES_PER_STORE = 20


@dataclass(frozen=True)
class Invoicing:
    key: str
    products: list[int]
    payment_method: int


def tenant_file(work: Path) -> Path | None:
    """The invoicing account as a tenant file, or None when SAT's test CSD is not on this machine."""
    directory = test_csd_dir()
    if directory is None:
        return None
    file = work / "facturas.yaml"
    bench = yaml.safe_load(BENCH_TENANT.read_text())  # its retail products, shipping and stock: a pharmacy account sells what the file lists
    retail = [item for item in bench["catalog"]["items"] if "retail" in item]
    sites = [{**site, "stock": {item["sku"]: site["stock"][item["sku"]] for item in retail}} for site in bench["fulfillment_sites"]]
    file.write_text(json.dumps({
        "catalog": {"items": retail}, "shipping_methods": bench["shipping_methods"], "fulfillment_sites": sites,
        "accounts": [{
            "slug": ACCOUNT, "name": "Bench Facturas", "dialects": ["pharmacy"], "rate_limit_per_minute": 1_000_000,
            "users": [{**USER, "first_name": "Ana", "last_name": "Bench"}],
            "pharmacy": {"payment_methods": [{"code": "credito-30", "name": "Crédito 30 días", "kind": "credit"}]},
            "invoicing": demo_issuer(directory).model_dump(mode="json"),
            "keys": [{"name": "bench", "mode": "live"}],
        }],
    }))  # JSON is YAML
    return file


def invoicing_of(loaded: dict[str, Any]) -> Invoicing:
    """The account as `carepost load` reported it."""
    return Invoicing(
        key=loaded["keys"][0]["secret"],
        products=[product["id"] for product in loaded["pharmacy"]["products"]],
        payment_method=loaded["pharmacy"]["payment_methods"][0]["id"],
    )


def photo(work: Path) -> Path:
    """A JPEG as the portal checks it (by its first bytes), padded to a photo's size."""
    file = work / "calibration.jpg"
    file.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00".ljust(PHOTO_BYTES, b"\x00"))
    return file


async def upload_paths(dsn: str, limit: int = 200) -> list[str]:
    """Portal upload links of masks orders still waiting for their scan (each upload replaces the
    order's calibration photo, so the order stays open for the next)."""
    async with pg.connected(dsn) as connection:
        rows = await connection.fetch(
            "SELECT public_id, recipient->>'email' AS email FROM orders WHERE dialect = 'masks' AND mode = 'live' "
            "AND status = 'awaiting_scan' ORDER BY random() LIMIT $1", limit,
        )
    return [
        "/api/portal/start-scan/files/calibration_photo?" + urllib.parse.urlencode({"order_id": row["public_id"], "email": row["email"]})
        for row in rows
    ]


def token(base_url: str, key: str) -> str:
    return _call(f"{base_url}/api/token/", key, None, USER)["access"]


def invoice_paths(base_url: str, invoicing: Invoicing, bearer: str, worker: Callable[[], AbstractContextManager[int]],
    timeout_s: float = 600) -> list[str]:
    """Invoiced orders made against `base_url`, stamped and drawn by one worker into that
    server's document store; the paths of their PDFs, once every one is there."""
    ids = []
    for _ in range(INVOICES_PER_STORE):
        unique = time.time_ns() // 1000  # microseconds: e-mail and phone are unique per account
        body = {
            "user": {"email": f"paciente-{unique}@example.mx", "phone": f"+5255{unique % 10**8:08d}", "first_name": "Ana", "last_name": "Bench"},
            "order": {"details": [{"product": invoicing.products[0], "quantity": 2}, {"product": invoicing.products[1], "quantity": 1}],
                      "payment_method": invoicing.payment_method,
                      "shipping": {"street": "Av. Reforma", "exterior_number": "222", "neighborhood": "Juárez", "city": "Ciudad de México",
                                   "state": "CDMX", "country": "México", "zipcode": "06600", "phone": "+525512345678"}},
            "invoicing": INVOICING,  # the CFDI's receiver, as the invoicing tests send it
        }
        ids.append(_call(f"{base_url}/api/orders/resources/", invoicing.key, bearer, body)["id"])
    paths = [f"/api/orders/{order_id}/invoice.pdf" for order_id in ids]
    deadline = time.monotonic() + timeout_s
    with worker():
        for path in paths:
            while not _answers_pdf(f"{base_url}{path}", invoicing.key, bearer):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"no invoice PDF at {path} after {timeout_s:.0f} s")
                time.sleep(0.5)
    return paths


def _answers_pdf(url: str, key: str, bearer: str) -> bool:
    request = urllib.request.Request(url, headers={"X-API-Key": key, "Authorization": f"Bearer {bearer}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.read(5) == b"%PDF-"
    except urllib.error.HTTPError as error:
        if error.code == 404:  # not stamped and drawn yet
            return False
        raise


def _call(url: str, key: str, bearer: str | None, body: dict[str, Any]) -> Any:
    headers = {"X-API-Key": key, "Content-Type": "application/json", **({"Authorization": f"Bearer {bearer}"} if bearer else {})}
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers=headers)
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


@contextmanager
def s3_bucket() -> Iterator[dict[str, str]]:
    """moto's S3 server (the tests' own, tests/object_storage.py) with a bucket of this run: the
    settings that point Carepost at it."""
    with s3_server() as s3:
        yield {**s3.env, "CAREPOST_DOCUMENTS_URL": f"s3://{s3.new_bucket()}/bench"}
