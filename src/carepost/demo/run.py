"""Start the demo: migrate, load the demo tenant, print credentials, serve with the worker."""

from __future__ import annotations

import asyncio
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

from carepost import serving
from carepost.app import create_app
from carepost.config import Settings
from carepost.core.kit.migrate import upgrade
from carepost.core.kit.private_files import write_private
from carepost.demo import credentials, csd
from carepost.demo.first_orders import first_orders
from carepost.tenant_file import apply as tenant_file
from carepost.tenant_file.schema import TenantFile


async def prepare(settings: Settings) -> dict[str, Any]:
    """Migrate and load the demo tenant; returns the manifest."""
    db = settings.database()
    try:
        await upgrade(db)
        tenant = tenant_file.parse(files("carepost.demo").joinpath("tenant.yaml").read_text())
        _issue_invoices_with_the_test_csd(tenant)
        reports = await tenant_file.apply(db, tenant, secret_key=settings.resolved_secret_key, webhook_policy=settings.webhook_policy)
        secrets = await credentials.resolve(db, settings.data_dir, reports)
        operator = await credentials.operator_token(db, settings.data_dir)
        console_logins = await credentials.console_logins(db, settings.data_dir)
    finally:
        await db.dispose()
    masks = {entry.slug: entry.masks for entry in tenant.accounts}
    users = {entry.slug: [{"email": str(u.email), "password": u.password} for u in entry.users] for entry in tenant.accounts}
    return {
        "base_url": settings.public_url,
        "docs_url": f"{settings.public_url}/docs",
        "operator_token": operator,
        "console": {"url": f"{settings.public_url}/console", **console_logins},
        "accounts": [
            {
                "name": report.name,
                "slug": report.slug,
                "keys": secrets[report.slug],
                "masks": masks[report.slug].model_dump(mode="json") if masks[report.slug] else None,
                "devices": report.sections.get("devices"),
                "pharmacy": _pharmacy(report.sections.get("pharmacy"), users[report.slug]),
                "invoicing": report.sections.get("invoicing"),
                "cases": _cases(report.sections.get("cases"), reports, report.slug),
            }
            for report in reports
        ],
    }


def _issue_invoices_with_the_test_csd(tenant: TenantFile) -> None:
    """The pharmacy accounts sign their (sandbox) CFDI with SAT's public test CSD, when it is here."""
    directory = csd.test_csd_dir()
    for account in tenant.accounts:
        if "pharmacy" in account.dialects and account.invoicing is None and directory is not None:
            account.invoicing = csd.demo_issuer(directory)


def _cases(report: dict[str, Any] | None, reports: list[Any], slug: str) -> dict[str, Any] | None:
    """What a client of the cases API needs: its cases, another organization's (for the 403), the network."""
    if report is None:
        return None
    others = [c["id"] for r in reports if r.sections.get("cases") and r.slug != slug for c in r.sections["cases"]["cases"]]
    return {
        "cases": report["cases"], "other_org_case": others[0] if others else None,
        "pharmacies": [{"id": p["id"]} for p in report["pharmacies"]], "drugs": report["drugs"],
    }


def _pharmacy(report: dict[str, Any] | None, users: list[dict[str, str]]) -> dict[str, Any] | None:
    """What a client of the pharmacy API needs: who signs in, and the ids its orders name."""
    if report is None:
        return None
    return {
        "users": users,
        "payment_methods": [{"id": m["id"], "kind": m["kind"]} for m in report["payment_methods"]],
        "products": report["products"],
        "stores": [{"id": s["id"]} for s in report["stores"]],
        "shipping_methods": [{"id": m["id"], "zip_prefixes": m["zip_prefixes"]} for m in report["shipping_methods"]],
        "coupons": report["coupons"],
    }


def run(*, host: str, port: int, data_dir: Path, manifest: Path | None) -> None:
    settings = Settings(data_dir=data_dir, run_worker_in_process=True, console_secure_cookie=False)  # served over http
    if "public_url" not in settings.model_fields_set:
        settings = settings.model_copy(update={"public_url": f"http://{host}:{port}"})
    if "log_format" not in settings.model_fields_set:  # the demo's lines are read by a person
        settings = settings.model_copy(update={"log_format": "console"})
    if "cases_pharmacy_schedule" not in settings.model_fields_set:  # the whole journey in seconds
        settings = settings.model_copy(update={"cases_pharmacy_schedule": DEMO_PHARMACY_SCHEDULE})
    if "webhook_allowed_hosts" not in settings.model_fields_set:  # an integrator's receiver on this laptop
        settings = settings.model_copy(update={"webhook_allowed_hosts": DEMO_WEBHOOK_HOSTS})
    summary = asyncio.run(prepare(settings))
    manifest = manifest or settings.private_data_dir() / MANIFEST_NAME
    write_private(manifest, json.dumps(summary, indent=2).encode())  # it holds the demo's keys
    _print(summary, settings, manifest)
    serving.run(create_app(settings), host=host, port=port)


DEMO_WEBHOOK_HOSTS = "127.0.0.1,localhost,::1"
DEMO_PHARMACY_SCHEDULE = "2,2,2,2"
MANIFEST_NAME = "manifest.json"


def _print(summary: dict[str, Any], settings: Settings, manifest: Path) -> None:
    print(f"Carepost demo on {summary['base_url']}  (API docs: {summary['docs_url']})")
    print(f"Manifest (every key, login and id, as JSON): {manifest}")
    print(f"Catalog (the ids a key may use): GET {summary['base_url']}/api/sandbox/v1/catalog with any API key")
    print(f"FHIR R4 (every flow's orders as FHIR resources): {summary['base_url']}/fhir/R4/ with any API key; docs/fhir.md")
    print(f"Webhooks: POST /api/webhooks/v1/endpoints with any key; receivers on {settings.webhook_allowed_hosts} are allowed")
    print("Sandbox: test orders walk by themselves, a step every 3 s (the autopilot); docs/sandbox.md")
    print(f"Data: {settings.resolved_database_url}")
    print(f"Operator token (/api/ops/v1, Authorization: Bearer): {summary['operator_token']}")
    console = summary["console"]
    print(f"Console: {console['url']}")
    for role in ("admin", "support"):
        print(f"  {role}: {console[role]['email']}  password: {console[role]['password']}")
    for account in summary["accounts"]:
        print(f"\n  {account['name']}  [{account['slug']}]")
        for mode, secret in sorted(account["keys"].items()):
            print(f"    {mode:<4} key: {secret}")
        if account["pharmacy"]:
            for user in account["pharmacy"]["users"]:
                print(f"    user: {user['email']}  password: {user['password']}  (POST /api/token/ with X-API-Key)")
            if account["invoicing"]:
                print(f"    invoices: sandbox CFDI signed with SAT's test CSD {account['invoicing']['certificate_number']} (no fiscal validity)")
    print("\nA first order in each API, with a test key (paste each block into a shell):")
    for order in first_orders(summary):
        print(f"\n  {order.api}  [{order.account}]  {order.needs}")
        for command in order.commands:
            print(f"  {command}")
    print(flush=True)
