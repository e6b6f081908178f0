"""Patients of an account, and the rules for creating and changing one.

Each refusal has its own code; a dialect renders it in its contract's words
(the devices contract lists one message per rule). Checks run in the order
the contract lists them: names, then the address, then the site.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.kit.clock import utcnow
from carepost.core.kit.contact import phone_warnings
from carepost.core.kit.errors import InvalidInput, NotFound
from carepost.core.kit.paging import Page, PageRequest
from carepost.core.models import Patient
from carepost.core.patients.addresses import blank, check_address
from carepost.core.patients.repository import DuplicateExternalIdentifier, PatientRepository
from carepost.core.patients.sites import SiteRef, usable_site

SEXES = ("male", "female", "other", "unknown")
EARLIEST_BIRTH = date(1900, 1, 1)


@dataclass(frozen=True)
class PatientIn:
    first_name: str | None = None
    last_name: str | None = None
    address: dict[str, Any] | None = None
    site: SiteRef | None = None
    date_of_birth: date | None = None
    sex: str = "unknown"
    email: str | None = None
    phone_number: str | None = None
    external_identifier: str | None = None
    enrolled: bool = False

    def is_empty(self) -> bool:
        """Nothing given at all (`"patient": {}`): not a patient to create."""
        return all(getattr(self, f.name) in (None, "unknown", False) for f in fields(self))


@dataclass(frozen=True)
class PatientFilters:
    external_identifier: str | None = None
    site_id: int | None = None
    archived: bool | None = None


async def create_patient(session: AsyncSession, *, scope: Scope, patient_in: PatientIn) -> Patient:
    patient = Patient(account_id=scope.account_id, mode=scope.mode, archived=False)
    await _apply(session, scope, patient, patient_in)
    await PatientRepository(session).add(patient)
    return patient


async def update_patient(session: AsyncSession, *, scope: Scope, patient_id: int, patient_in: PatientIn) -> Patient:
    """Replace what the customer manages, under the same rules as a new patient."""
    patient = await get_patient(session, scope=scope, patient_id=patient_id, lock=True)
    await _apply(session, scope, patient, patient_in)
    await PatientRepository(session).flush()
    return patient


async def archive_patient(session: AsyncSession, *, scope: Scope, patient_id: int) -> Patient:
    """Archived patients stay readable but can't receive new orders."""
    patient = await get_patient(session, scope=scope, patient_id=patient_id, lock=True)
    patient.archived = True
    await session.flush()
    return patient


async def get_patient(session: AsyncSession, *, scope: Scope, patient_id: int, lock: bool = False) -> Patient:
    patient = await PatientRepository(session).patient(scope, patient_id, lock=lock)
    if patient is None:
        raise NotFound("No such patient.", code="unknown_patient")
    return patient


async def list_patients(session: AsyncSession, *, scope: Scope, filters: PatientFilters, page: PageRequest) -> Page[Patient]:
    return await PatientRepository(session).patient_page(
        scope, page, external_identifier=filters.external_identifier, site_id=filters.site_id, archived=filters.archived
    )


async def patient_for_order(session: AsyncSession, *, scope: Scope, patient_id: int) -> Patient:
    """An existing, unarchived patient of this account and mode; anything else does not exist for it."""
    patient = await PatientRepository(session).patient(scope, patient_id)
    if patient is None or patient.archived:
        raise NotFound("Patient ID not found for your customer.", code="patient_does_not_exist")
    return patient


async def _apply(session: AsyncSession, scope: Scope, patient: Patient, patient_in: PatientIn) -> None:
    if blank(patient_in.first_name):
        raise InvalidInput("firstName must not be blank.", code="patient_first_name_blank", field="firstName")
    if blank(patient_in.last_name):
        raise InvalidInput("lastName must not be blank.", code="patient_last_name_blank", field="lastName")
    address = check_address(patient_in.address)
    site = await usable_site(session, scope=scope, ref=patient_in.site) if patient_in.site else None
    if patient_in.sex not in SEXES:
        raise InvalidInput(f"sex must be one of {', '.join(SEXES)}.", code="invalid_data", field="sex")
    _check_date_of_birth(patient_in.date_of_birth)
    if patient_in.phone_number:
        phone_warnings(patient_in.phone_number, field="phoneNumber", code="invalid_data")
    if patient_in.external_identifier:
        holder = await PatientRepository(session).id_with_external_id(scope, patient_in.external_identifier)
        if holder is not None and holder != patient.id:
            raise DuplicateExternalIdentifier()
    patient.site_id = site.id if site else None
    patient.first_name = (patient_in.first_name or "").strip()
    patient.last_name = (patient_in.last_name or "").strip()
    patient.address = address
    patient.date_of_birth = patient_in.date_of_birth
    patient.sex = patient_in.sex
    patient.email = patient_in.email
    patient.phone_number = patient_in.phone_number
    patient.external_identifier = patient_in.external_identifier
    patient.enrolled = patient_in.enrolled


def _check_date_of_birth(born: date | None) -> None:
    """A birth date is in the past and no earlier than 1900: anything else is a typo."""
    if born is not None and not EARLIEST_BIRTH <= born <= utcnow().date():
        raise InvalidInput(
            f"dateOfBirth must be between {EARLIEST_BIRTH.isoformat()} and today.", code="invalid_data", field="dateOfBirth"
        )


async def ensure_patient(session: AsyncSession, *, scope: Scope, patient_in: PatientIn) -> Patient:
    """The patient with this external identifier, created or brought to `patient_in` (the tenant file's match)."""
    if blank(patient_in.external_identifier):
        raise InvalidInput("Matching a patient needs an external identifier.", code="invalid_data")
    existing = await PatientRepository(session).id_with_external_id(scope, patient_in.external_identifier or "")
    if existing is None:
        return await create_patient(session, scope=scope, patient_in=patient_in)
    return await update_patient(session, scope=scope, patient_id=existing, patient_in=patient_in)
