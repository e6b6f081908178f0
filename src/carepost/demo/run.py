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
from carepost.core.kit.db import Database
from carepost.core.kit.migrate import upgrade
from carepost.core.kit.private_files import write_private
from carepost.demo import credentials, csd
from carepost.tenant_file import apply as tenant_file
from carepost.tenant_file.schema import TenantFile


async def prepare(settings: Settings) -> dict[str, Any]:
    """Migrate and load the demo tenant; returns the manifest."""
    db = Database(settings.resolved_database_url)
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
    if "cases_pharmacy_schedule" not in settings.model_fields_set:  # the whole journey in seconds
        settings = settings.model_copy(update={"cases_pharmacy_schedule": DEMO_PHARMACY_SCHEDULE})
    if "webhook_allowed_hosts" not in settings.model_fields_set:  # an integrator's receiver on this laptop
        settings = settings.model_copy(update={"webhook_allowed_hosts": DEMO_WEBHOOK_HOSTS})
    summary = asyncio.run(prepare(settings))
    if manifest is not None:
        write_private(manifest, json.dumps(summary, indent=2).encode())  # it holds the demo's keys
    _print(summary, settings)
    serving.run(create_app(settings), host=host, port=port)


DEMO_WEBHOOK_HOSTS = "127.0.0.1,localhost,::1"
DEMO_PHARMACY_SCHEDULE = "2,2,2,2"


def _print(summary: dict[str, Any], settings: Settings) -> None:
    print(f"Carepost demo on {summary['base_url']}  (API docs: {summary['docs_url']})")
    print(f"Webhooks: POST /api/webhooks/v1/endpoints with any key; receivers on {settings.webhook_allowed_hosts} are allowed")
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
        if account["cases"]:
            live = next(c["id"] for c in account["cases"]["cases"] if c["mode"] == "live")
            print(f"    cases: POST /api/v1/cases/{live} (cv-api-key) takes contract 003's example as written")
        if account["devices"]:
            print("    devices: every patient, site, item, kit and fulfillment site id is in the --manifest file")
            print(f"    try: {_devices_hint(account, summary['base_url'])}")
    first = summary["accounts"][0]["keys"]["test"]
    print(
        "\nTry it:\n"
        f"  curl -s -X POST {summary['base_url']}/api/partner/v1/orders -H 'X-Api-Key: {first}' \\\n"
        "    -H 'Content-Type: application/json' -d '{\"patient_email\": \"patient@example.com\", "
        "\"patient_name\": \"Jane Doe\", \"phone\": \"+15551234567\", \"shipping_address\": {\"first_name\": "
        "\"Jane\", \"last_name\": \"Doe\", \"address1\": \"123 Main Street\", \"city\": \"Portland\", "
        "\"province\": \"Oregon\", \"country_code\": \"US\", \"zip\": \"97201\"}}'\n",
        flush=True,
    )


def _devices_hint(account: dict[str, Any], base_url: str) -> str:
    devices = account["devices"]
    patient = next(p for p in devices["patients"] if p["mode"] == "live")
    kit = next(k for k in devices["kits"] if not k["loaner"] and not k["archived"])
    return (
        f"curl -s -X POST {base_url}/api/v3/order -H 'Impilo-API-Key: {account['keys']['live']}' "
        f"-H 'Content-Type: application/json' -d '{{\"patient\": {{\"id\": {patient['id']}}}, "
        f"\"orderKits\": [{{\"count\": 1, \"kit\": {{\"id\": {kit['id']}}}}}]}}'"
    )
