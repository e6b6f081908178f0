"""The devices dialect's part of the tenant file: each account's sites and patients, matched
on natural keys, so applying a file twice changes nothing. (The catalog and warehouses
are the supply every flow shares: tenant_file/supply.py.)"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import EmailStr, Field

from carepost.core.accounts.service import Scope
from carepost.core.kit.errors import InvalidInput
from carepost.core.logistics.repository import DIALECT
from carepost.core.patients.repository import PatientRepository
from carepost.core.patients.service import PatientIn, ensure_patient
from carepost.core.patients.sites import SiteIn, SiteRef, ensure_site
from carepost.tenant_file.schema import Strict
from carepost.tenant_file.sections import AccountWork, TenantSection


class AddressFile(Strict):
    line_one: str = Field(min_length=1, max_length=255)
    line_two: str | None = Field(default=None, max_length=255)
    line_three: str | None = Field(default=None, max_length=255)
    city: str = Field(min_length=1, max_length=100)
    state: str = Field(min_length=1, max_length=100)
    zip_code: str = Field(min_length=1, max_length=20)
    country: str = Field(min_length=1, max_length=100)
    note: str | None = Field(default=None, max_length=500)


class SiteFile(Strict):
    """Matched by (mode, name) within the account."""

    name: str = Field(min_length=1, max_length=200)
    address: AddressFile
    phone_number: str | None = Field(default=None, max_length=32)
    active: bool = True
    mode: Literal["live", "test"] = "live"


class PatientFile(Strict):
    """Matched by (mode, external_identifier) within the account."""

    external_identifier: str = Field(min_length=1, max_length=100)
    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field(min_length=1, max_length=100)
    address: AddressFile
    site: str | None = Field(default=None, description="The name of one of the account's sites, same mode.")
    date_of_birth: date | None = None
    sex: str = "unknown"  # checked by the patient rules (core/patients/service.py SEXES)
    email: EmailStr | None = None
    phone_number: str | None = Field(default=None, max_length=32)
    enrolled: bool = False
    mode: Literal["live", "test"] = "live"


class DevicesFile(Strict):
    sites: list[SiteFile] = Field(default_factory=list)
    patients: list[PatientFile] = Field(default_factory=list)


async def _apply_account(work: AccountWork) -> dict[str, Any]:
    """An account's sites (by name), then its patients (by external identifier); reported with ids."""
    if DIALECT not in work.uses:
        return {"devices": None}
    session, account_id, devices = work.session, work.account.id, work.entry.devices or DevicesFile()
    sites = []
    for entry in devices.sites:
        site = await ensure_site(
            session,
            scope=Scope(account_id, entry.mode),
            site_in=SiteIn(name=entry.name, address=entry.address.model_dump(), phone_number=entry.phone_number, active=entry.active),
        )
        sites.append({"id": site.id, "mode": entry.mode, "name": site.name, "active": site.active})
    patients = []
    for entry in devices.patients:
        scope = Scope(account_id, entry.mode)
        site_ref = None
        if entry.site is not None:
            named = await PatientRepository(session).site_named(scope, entry.site)
            if named is None:
                raise InvalidInput(f"Patient {entry.external_identifier}: no {entry.mode} site named {entry.site!r}.")
            site_ref = SiteRef(named.id)
        patient = await ensure_patient(
            session,
            scope=scope,
            patient_in=PatientIn(
                first_name=entry.first_name, last_name=entry.last_name, address=entry.address.model_dump(), site=site_ref,
                date_of_birth=entry.date_of_birth, sex=entry.sex, email=str(entry.email) if entry.email else None,
                phone_number=entry.phone_number, external_identifier=entry.external_identifier, enrolled=entry.enrolled,
            ),
        )
        patients.append({"id": patient.id, "mode": entry.mode, "external_identifier": entry.external_identifier,
            "name": f"{patient.first_name} {patient.last_name}"})
    catalog = {k: v for k, v in work.supply.items() if k != "products"}
    return {"devices": {"sites": sites, "patients": patients, **catalog}}


SECTION = TenantSection(account_fields={"devices": (DevicesFile | None, None)}, apply_account=_apply_account)
