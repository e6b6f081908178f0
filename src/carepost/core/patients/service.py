"""Patients and sites of an account, and the rules for creating a patient.

Each refusal has its own code; a dialect renders it in its contract's words
(the devices contract lists one message per rule). Checks run in the order
the contract lists them: names, then the address, then the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.errors import InvalidInput, NotFound
from carepost.core.models import Patient, Site
from carepost.core.patients.repository import PatientRepository

ADDRESS_REQUIRED = (
    ("line_one", "address_line_one_missing"),
    ("city", "address_city_missing"),
    ("state", "address_state_missing"),
    ("country", "address_country_missing"),
    ("zip_code", "address_zip_missing"),
)
ADDRESS_FIELDS = ("line_one", "line_two", "line_three", "city", "state", "zip_code", "country", "note")


@dataclass(frozen=True)
class SiteRef:
    """How a request names a site: by id, or (unusably) without one."""

    id: int | None


@dataclass(frozen=True)
class PatientIn:
    first_name: str | None
    last_name: str | None
    address: dict[str, Any] | None
    site: SiteRef | None = None
    date_of_birth: date | None = None
    sex: str = "unknown"
    email: str | None = None
    phone_number: str | None = None
    external_identifier: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def check_address(address: dict[str, Any] | None) -> dict[str, Any]:
    if not address:
        raise InvalidInput("An address is required.", code="patient_address_missing")
    for key, code in ADDRESS_REQUIRED:
        if _blank(address.get(key)):
            raise InvalidInput(f"The address needs {key}.", code=code)
    return {key: address.get(key) for key in ADDRESS_FIELDS}


async def usable_site(session: AsyncSession, *, account_id: int, ref: SiteRef) -> Site:
    """An active site of this account, or the reason it can't be used."""
    if ref.id is None:
        raise InvalidInput("The site could not be identified.", code="site_unidentified")
    site = await PatientRepository(session).site(account_id=account_id, site_id=ref.id)
    if site is None:
        raise InvalidInput(f"Site {ref.id} not found.", code="site_not_found", site_id=ref.id)
    if not site.active:
        raise InvalidInput(f"Site {ref.id} is not active.", code="site_not_active", site_id=ref.id)
    return site


async def create_patient(session: AsyncSession, *, account_id: int, patient_in: PatientIn) -> Patient:
    if _blank(patient_in.first_name):
        raise InvalidInput("firstName must not be blank.", code="patient_first_name_blank")
    if _blank(patient_in.last_name):
        raise InvalidInput("lastName must not be blank.", code="patient_last_name_blank")
    address = check_address(patient_in.address)
    site = await usable_site(session, account_id=account_id, ref=patient_in.site) if patient_in.site else None
    patient = Patient(
        account_id=account_id,
        site_id=site.id if site else None,
        first_name=(patient_in.first_name or "").strip(),
        last_name=(patient_in.last_name or "").strip(),
        address=address,
        date_of_birth=patient_in.date_of_birth,
        sex=patient_in.sex,
        email=patient_in.email,
        phone_number=patient_in.phone_number,
        external_identifier=patient_in.external_identifier,
        enrolled=False,
        archived=False,
    )
    await PatientRepository(session).add(patient)
    return patient


async def patient_for_order(session: AsyncSession, *, account_id: int, patient_id: int) -> Patient:
    """An existing, unarchived patient of this account; anything else does not exist for it."""
    patient = await PatientRepository(session).patient(account_id=account_id, patient_id=patient_id)
    if patient is None or patient.archived:
        raise NotFound("Patient ID not found for your customer.", code="patient_does_not_exist")
    return patient


async def create_site(session: AsyncSession, *, account_id: int, name: str, address: dict[str, Any], phone_number: str | None = None) -> Site:
    if _blank(name):
        raise InvalidInput("A site needs a name.", code="site_name_blank", field="name")
    site = Site(account_id=account_id, name=name.strip(), address=check_address(address), phone_number=phone_number, active=True)
    await PatientRepository(session).add(site)
    return site
