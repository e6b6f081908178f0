"""An account's CFDI issuer from the tenant file: its CSD checked, its secrets sealed."""

from __future__ import annotations

import base64
import shutil

import pytest
from sqlalchemy import select

from carepost.core.kit import sealing
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import Account, InvoiceIssuer
from carepost.demo.csd import CERTIFICATE, KEY, PASSWORD
from carepost.tenant_file.apply import apply, read
from tests.pharmacy_world import issuer, pharmacy_world, sat_test_csd


async def test_the_key_and_passwords_are_sealed_and_the_report_shows_no_secret(db, settings):
    pac = {"provider": "sw_sapien", "url": "https://services.test.sw.com.mx", "user": "u", "password": "contraseña-pac"}
    world = await pharmacy_world(db, settings.resolved_secret_key, invoicing=issuer(pac))
    password = (sat_test_csd() / PASSWORD).read_text().strip()
    async with db.read() as session:
        row = await session.scalar(select(InvoiceIssuer).join(Account, Account.id == InvoiceIssuer.account_id).where(Account.slug == world.slug))
    stored = " ".join(str(v) for v in (row.sealed_key, row.sealed_password, row.pac))
    assert password not in stored and "contraseña-pac" not in stored and "password" not in row.pac
    assert sealing.unseal(settings.resolved_secret_key, row.sealed_password, purpose=sealing.INVOICING) == password
    with pytest.raises(ValueError):  # sealed for invoicing, not openable as a store credential
        sealing.unseal(settings.resolved_secret_key, row.sealed_password, purpose=sealing.COMMERCE)
    assert base64.b64decode(row.certificate).startswith(b"\x30")  # the public certificate, DER, as it is
    assert row.certificate_number == "30001000000400002434"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"password": "not-the-password", "password_file": None}, "do not open together"),
        ({"rfc": "XOJI740919U48"}, "belongs to EKU9003173C9"),
        ({"key_file": "/nonexistent/emisor.key"}, "cannot be read"),
    ],
)
async def test_a_csd_that_does_not_fit_is_refused(db, settings, change, words):
    with pytest.raises(InvalidInput, match=words):
        await pharmacy_world(db, settings.resolved_secret_key, invoicing={**issuer(), **change})


async def test_the_tenant_files_csd_paths_are_relative_to_it(db, settings, tmp_path):
    (tmp_path / "csd").mkdir()
    for name in (CERTIFICATE, KEY, PASSWORD):
        shutil.copy(sat_test_csd() / name, tmp_path / "csd" / name)  # copied at run time, into the test's own directory
    tenant_path = tmp_path / "tenant.yaml"
    tenant_path.write_text(
        "accounts:\n"
        f"  - slug: relativa-{tmp_path.name[-8:].lower().replace('_', '-')}\n"
        "    name: Farmacia Relativa\n"
        "    dialects: [pharmacy]\n"
        "    invoicing:\n"
        "      rfc: EKU9003173C9\n"
        "      legal_name: ESCUELA KEMPER URGATE\n"
        "      fiscal_regime: '601'\n"
        "      postal_code: '42501'\n"
        f"      certificate_file: csd/{CERTIFICATE}\n"
        f"      key_file: csd/{KEY}\n"
        f"      password_file: csd/{PASSWORD}\n"
    )
    [report] = await apply(db, read(tenant_path), secret_key=settings.resolved_secret_key)
    assert report.sections["invoicing"] == {"rfc": "EKU9003173C9", "certificate_number": "30001000000400002434", "pac": "embedded"}
