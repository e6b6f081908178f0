"""The `carepost` command against the test database: load, keys."""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from carepost.cli import app as cli
from carepost.core.accounts import service as accounts
from carepost.core.kit.sealing import unseal
from carepost.core.manufacturing.repository import MaskProductRepository
from carepost.core.manufacturing.scan_email import clinic_template
from carepost.core.models import CommerceConnection, Kit
from carepost.core.operators import console
from tests.dialects.masks.helpers import place, status_url
from tests.factories import create_clinic, mask_order

runner = CliRunner()


async def invoke_async(*args: str):
    """The CLI runs its own event loop; from an async test it must run on another thread."""
    return await asyncio.to_thread(runner.invoke, cli, list(args))


@pytest.fixture
def cli_env(monkeypatch, settings):
    monkeypatch.setenv("CAREPOST_DATABASE_URL", settings.resolved_database_url)
    monkeypatch.setenv("CAREPOST_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("CAREPOST_SECRET_KEY", settings.resolved_secret_key)


def _tenant_file(tmp_path, slug: str, *, extra: str = "") -> str:
    path = tmp_path / "tenant.yaml"
    path.write_text(
        f"""
accounts:
  - slug: {slug}
    name: Test Clinic
    dialects: [masks]
    masks:
      contact_email: orders@test-clinic.example
      allowed_mask_types: [cpap]
      variants: {{cpap: variant-1}}
    keys:
      - {{name: main, mode: live}}
      - {{name: main, mode: test}}
{extra}"""
    )
    return str(path)


def test_load_is_idempotent_and_issues_working_keys(cli_env, tmp_path, app):
    slug = f"cli-{uuid.uuid4().hex[:10]}"
    path = _tenant_file(tmp_path, slug)

    first = runner.invoke(cli, ["load", path])
    second = runner.invoke(cli, ["load", path])

    assert first.exit_code == 0, first.output
    [account] = json.loads(first.output)["accounts"]
    assert account["slug"] == slug
    secrets = {k["mode"]: k["secret"] for k in account["keys"]}
    assert secrets["live"].startswith("cpk_live_") and secrets["test"].startswith("cpk_test_")
    assert second.exit_code == 0, (second.output, repr(second.exception))
    [again] = json.loads(second.output)["accounts"]
    assert [k["secret"] for k in again["keys"]] == [None, None]
    assert [k["prefix"] for k in again["keys"]] == [k["prefix"] for k in account["keys"]]

    listed = json.loads(runner.invoke(cli, ["keys", "list", "--account", slug]).output)
    assert len(listed) == 2  # the second load issued nothing


async def test_a_loaded_key_places_an_order(cli_env, tmp_path, client):
    slug = f"cli-{uuid.uuid4().hex[:10]}"
    result = await invoke_async("load", _tenant_file(tmp_path, slug))
    live = next(k["secret"] for k in json.loads(result.output)["accounts"][0]["keys"] if k["mode"] == "live")
    response = await client.post("/api/partner/v1/orders", json=mask_order(), headers={"X-Api-Key": live})

    assert response.status_code == 201


def test_load_refuses_a_file_with_a_typo(cli_env, tmp_path):
    path = _tenant_file(tmp_path, f"cli-{uuid.uuid4().hex[:10]}", extra="    colour: blue\n")

    result = runner.invoke(cli, ["load", path])

    assert result.exit_code == 1
    assert "colour" in result.output


async def test_keys_create_list_revoke(cli_env, tmp_path, client):
    slug = f"cli-{uuid.uuid4().hex[:10]}"
    await invoke_async("load", _tenant_file(tmp_path, slug))

    created = await invoke_async("keys", "create", "--account", slug, "--mode", "test", "--name", "ci", "--role", "read_only")
    issued = json.loads(created.output)
    listed = json.loads((await invoke_async("keys", "list", "--account", slug)).output)

    assert issued["secret"].startswith("cpk_test_")
    entry = next(k for k in listed if k["id"] == issued["id"])
    assert entry["role"] == "read_only" and entry["revoked_at"] is None
    assert all("secret" not in k for k in listed)
    assert issued["secret"].startswith(entry["prefix"])

    status_before = await client.get("/api/partner/v1/orders/ORD_1234567890/status", headers={"X-Api-Key": issued["secret"]})
    revoked = await invoke_async("keys", "revoke", str(issued["id"]))
    revoked_again = await invoke_async("keys", "revoke", str(issued["id"]))
    status_after = await client.get("/api/partner/v1/orders/ORD_1234567890/status", headers={"X-Api-Key": issued["secret"]})

    assert status_before.status_code == 404  # authenticated; the order just doesn't exist
    assert revoked.exit_code == 0
    assert revoked_again.exit_code == 1
    assert status_after.status_code == 401


def test_keys_for_an_unknown_account_fail_cleanly(cli_env):
    result = runner.invoke(cli, ["keys", "create", "--account", "no-such-clinic"])

    assert result.exit_code == 1
    assert "no-such-clinic" in result.output


def test_an_invalid_mode_is_refused(cli_env, tmp_path):
    slug = f"cli-{uuid.uuid4().hex[:10]}"
    runner.invoke(cli, ["load", _tenant_file(tmp_path, slug)])

    result = runner.invoke(cli, ["keys", "create", "--account", slug, "--mode", "staging"])

    assert result.exit_code == 1




async def test_operators_and_orders_commands_move_an_order(cli_env, client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    token = json.loads((await invoke_async("operators", "create", "night-shift")).output)["token"]
    advanced = await invoke_async("orders", "act", order_id, "complete_scan", "--operator", "night-shift")
    wrong = await invoke_async("orders", "act", order_id, "deliver")
    shown = json.loads((await invoke_async("orders", "show", order_id)).output)

    assert token.startswith("cpo_")
    assert advanced.exit_code == 0 and "scan_review" in advanced.output
    assert wrong.exit_code == 1 and "deliver" in wrong.output
    assert shown["status"] == "scan_review"
    assert shown["events"][-1] == {**shown["events"][-1], "name": "scan_completed", "actor": "operator:night-shift"}
    status = await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})
    assert status.json()["data"]["scan_status"] == "pending"
    ops = await client.get(f"/api/ops/v1/orders/{order_id}", headers={"Authorization": f"Bearer {token}"})
    assert ops.status_code == 200


async def test_the_tenant_file_sets_templates_and_gtins_and_a_reload_keeps_them(cli_env, tmp_path, db):
    slug = f"cli-{uuid.uuid4().hex[:10]}"
    _tenant_file(tmp_path, slug)
    text = (tmp_path / "tenant.yaml").read_text().replace(
        "      variants: {cpap: variant-1}\n",
        "      variants: {cpap: variant-1}\n      patient_email:\n        subject: 'Scan, {{patient_first_name}}'\n        text: '{{scan_upload_url}}'\n",
    )
    (tmp_path / "tenant.yaml").write_text("mask_products:\n  cpap: {gtin: '00628678429093'}\n" + text)
    plain = tmp_path / "plain.yaml"
    plain.write_text(text.replace("      patient_email:\n        subject: 'Scan, {{patient_first_name}}'\n        text: '{{scan_upload_url}}'\n", ""))

    first = await invoke_async("load", str(tmp_path / "tenant.yaml"))
    reload_without_email = await invoke_async("load", str(plain))

    assert first.exit_code == 0, first.output
    assert reload_without_email.exit_code == 0
    async with db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        template = await clinic_template(session, account_id=account.id)
        product = await MaskProductRepository(session).get("cpap")
    assert template.subject == "Scan, {{patient_first_name}}"  # kept: settings are updated, not replaced
    assert product.gtin == "00628678429093"


def test_the_tenant_file_refuses_a_bad_gtin_and_a_hostile_template(cli_env, tmp_path):
    slug = f"cli-{uuid.uuid4().hex[:10]}"
    path = tmp_path / "bad.yaml"
    path.write_text("mask_products:\n  cpap: {gtin: '00628678429094'}\naccounts: []\n")
    bad_gtin = runner.invoke(cli, ["load", str(path)])
    path.write_text(
        f"accounts:\n  - slug: {slug}\n    name: X\n    dialects: [masks]\n    masks:\n"
        "      patient_email: {subject: x, text: \"{{ ''.__class__ }}\"}\n"
    )
    hostile = runner.invoke(cli, ["load", str(path)])

    assert bad_gtin.exit_code == 1 and "check digit" in bad_gtin.output
    assert hostile.exit_code == 1


async def test_the_tenant_file_connects_a_clinic_to_shopify_with_its_token_sealed(cli_env, tmp_path, db, settings):
    slug = f"cli-{uuid.uuid4().hex[:10]}"
    path = tmp_path / "shopify.yaml"
    path.write_text(
        f"accounts:\n  - slug: {slug}\n    name: Shopify Clinic\n    dialects: [masks]\n    commerce:\n"
        "      provider: shopify\n      shop_domain: forge-b2b.myshopify.com\n      access_token: shpat_abcdef0123456789\n"
        "      company_id: gid://shopify/Company/1\n      company_location_id: gid://shopify/CompanyLocation/2\n"
        "      company_contact_id: gid://shopify/CompanyContact/3\n      payment_terms_template_id: gid://shopify/PaymentTermsTemplate/4\n"
    )

    result = await invoke_async("load", str(path))

    assert result.exit_code == 0, result.output
    async with db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        connection = await session.get(CommerceConnection, account.id)
    assert connection.provider == "shopify"
    assert connection.config["endpoint"] == "https://forge-b2b.myshopify.com/admin/api/2025-01/graphql.json"
    assert "shpat_abcdef0123456789" not in (connection.sealed_credentials + str(connection.config))
    assert unseal(settings.resolved_secret_key, connection.sealed_credentials) == "shpat_abcdef0123456789"
    bad = path.read_text().replace("gid://shopify/Company/1", "company-1")
    path.write_text(bad)
    assert (await invoke_async("load", str(path))).exit_code == 1


DEVICES_TENANT = """
catalog:
  items:
    - {{sku: HUB-{tag}, name: Hub, model: H1, manufacturer: Acme {tag}, serialized: true}}
    - {{sku: STR-{tag}, name: Strips, model: S1, manufacturer: Acme {tag}}}
  kits:
    - code: KIT-{tag}
      name: Starter
      items: [{{sku: HUB-{tag}, drives_external_identifier: true}}, {{sku: STR-{tag}, count: 2}}]
fulfillment_sites:
  - code: FS-{tag}
    name: Warehouse
    stock: {{STR-{tag}: {strips}}}
    devices:
      - {{sku: HUB-{tag}, external_identifier: HUB-{tag}-1, identifiers: {{serial: S1}}}}
      - {{sku: HUB-{tag}, external_identifier: HUB-{tag}-2, identifiers: {{serial: S2}}}}
accounts:
  - slug: {slug}
    name: Devices customer
    dialects: [devices]
    devices:
      sites:
        - {{name: Main, address: {{line_one: 1 Main St, city: Portland, state: OR, zip_code: "97201", country: US}}}}
      patients:
        - external_identifier: P-1
          first_name: Jo
          last_name: Doe
          site: Main
          address: {{line_one: 2 Main St, city: Portland, state: OR, zip_code: "97201", country: US}}
    keys:
      - {{name: main, mode: live}}
"""


async def test_load_brings_a_devices_catalog_warehouse_and_customer_and_fulfil_moves_orders(cli_env, tmp_path, client, db):
    tag, slug = uuid.uuid4().hex[:8], f"cli-{uuid.uuid4().hex[:10]}"
    path = tmp_path / "devices.yaml"
    path.write_text(DEVICES_TENANT.format(tag=tag, slug=slug, strips=10))

    first = await invoke_async("load", str(path))
    path.write_text(DEVICES_TENANT.format(tag=tag, slug=slug, strips=8))
    second = await invoke_async("load", str(path))

    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    (report,) = json.loads(first.output)["accounts"]
    key = report["keys"][0]["secret"]
    assert report["devices"]["fulfillment_sites"][0]["code"] == f"FS-{tag}"
    assert json.loads(second.output)["accounts"][0]["devices"]["patients"] == report["devices"]["patients"]
    headers = {"Impilo-API-Key": key}
    patients = (await client.get("/api/v3/patient", headers=headers)).json()
    sites = (await client.get("/api/v3/site", headers=headers)).json()
    assert patients["total"] == 1 and sites["total"] == 1  # loading twice made nothing twice
    assert patients["content"][0]["site"]["id"] == sites["content"][0]["id"]
    async with db.transaction() as session:
        kit_id = (await session.scalar(select(Kit).where(Kit.code == f"KIT-{tag}"))).id
    body = {"patient": {"id": patients["content"][0]["id"]}, "orderKits": [{"count": 2, "kit": {"id": kit_id}}]}
    order = (await client.post("/api/v3/order", json=body, headers=headers)).json()
    too_many = await client.post("/api/v3/order", json=body, headers=headers)  # 2 hubs, both reserved; strips 8 - 4
    assert order["currentStatus"] == "reconfirmAddress" and too_many.json()["message"] == "insufficient_inventory"

    number = str(order["id"])
    steps = [
        await invoke_async("orders", "act", number, "reconfirm_address"),
        await invoke_async("orders", "act", number, "pack"),
        await invoke_async("orders", "act", number, "ship", "--tracking", "ups:1Z999AA10123456784"),
    ]
    bad_tracking = await invoke_async("orders", "act", number, "deliver", "--tracking", "nocolon")
    wrong = await invoke_async("orders", "act", number, "pack")

    assert [s.exit_code for s in steps] == [0, 0, 0], [s.output for s in steps]
    assert "shipped" in steps[-1].output
    assert bad_tracking.exit_code != 0 and wrong.exit_code == 1
    shipped = (await client.get(f"/api/v3/order/{number}", headers=headers)).json()
    assert shipped["trackingNumbers"] == [{"carrier": "ups", "value": "1Z999AA10123456784"}]
    assert sorted(k["externalIdentifier"] for k in shipped["packedKits"]) == [f"HUB-{tag}-1", f"HUB-{tag}-2"]


def test_a_tenant_file_with_stock_for_a_serialized_item_is_refused(cli_env, tmp_path):
    tag = uuid.uuid4().hex[:8]
    text = DEVICES_TENANT.format(tag=tag, slug=f"cli-{tag}", strips=1).replace(f"stock: {{STR-{tag}: 1}}", f"stock: {{HUB-{tag}: 5}}")
    path = tmp_path / "bad.yaml"
    path.write_text(text)

    result = runner.invoke(cli, ["load", str(path)])

    assert result.exit_code == 1 and "serialized" in result.output


async def test_users_come_from_the_cli_and_the_tenant_file_and_sign_in(cli_env, tmp_path, client):
    slug = f"pharma-{uuid.uuid4().hex[:10]}"
    path = tmp_path / "tenant.yaml"
    path.write_text(
        f"""
accounts:
  - slug: {slug}
    name: Farmacia de prueba
    dialects: [pharmacy]
    users:
      - {{email: Compras@Farmacia.example, password: "una contraseña larga"}}
    keys:
      - {{name: main, mode: live}}
"""
    )
    loaded = await invoke_async("load", str(path))
    assert loaded.exit_code == 0, loaded.output
    [account] = json.loads(loaded.output)["accounts"]
    assert account["users"] == ["compras@farmacia.example"]
    live_key = account["keys"][0]["secret"]
    created = await invoke_async("users", "create", "--account", slug, "--email", "second@farmacia.example", "--password", "otra contraseña larga")
    assert created.exit_code == 0, created.output
    too_short = await invoke_async("users", "create", "--account", slug, "--email", "x@farmacia.example", "--password", "short")
    assert too_short.exit_code != 0

    for email, password in (("compras@farmacia.example", "una contraseña larga"), ("second@farmacia.example", "otra contraseña larga")):
        response = await client.post("/api/token/", json={"email": email, "password": password}, headers={"X-API-Key": live_key})
        assert response.status_code == 200, (email, response.text)


async def test_operators_create_gives_a_console_login_that_signs_in(cli_env, db):
    email = f"Night-{uuid.uuid4().hex[:6]}@Supplier.example"

    made = await invoke_async("operators", "create", "Night Shift", "--email", email, "--role", "admin")
    refused = await invoke_async("operators", "create", "Someone", "--email", "x@supplier.example", "--role", "owner")

    assert made.exit_code == 0, made.output
    issued = json.loads(made.output)
    assert issued["token"].startswith("cpo_")
    assert issued["console"]["email"] == email.lower() and issued["console"]["role"] == "admin"
    signed_in = await console.sign_in(db, email=email, password=issued["console"]["password"], client=None)
    assert signed_in is not None and signed_in.user.name == "Night Shift"
    assert refused.exit_code != 0 and "role must be one of: admin, support" in refused.output
