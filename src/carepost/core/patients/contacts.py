"""Patients known by their contact details: the pharmacy API names its patient (`user`)
by e-mail and phone. They are the core's patients, the same the devices flow uses."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import Patient
from carepost.core.patients.repository import PatientRepository

PHONE_INVALID = "Enter a valid phone number."


@dataclass(frozen=True)
class ContactIn:
    email: str
    phone: str
    first_name: str
    last_name: str


def mexican_mobile(phone: str, *, field: str) -> str:
    """+52 and ten digits that phonenumbers knows as a Mexican number, in E.164."""
    try:
        parsed = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        raise InvalidInput(PHONE_INVALID, field=field) from None
    if parsed.country_code != 52 or len(str(parsed.national_number)) != 10 or not phonenumbers.is_valid_number(parsed):
        raise InvalidInput(PHONE_INVALID, field=field)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


async def patient_for_contact(session: AsyncSession, *, scope: Scope, contact: ContactIn, field: str) -> Patient:
    """The patient with this e-mail, or a new one. E-mail and phone each name one patient
    within the account and mode: a phone that is another patient's is refused (on `field`.phone)."""
    phone = mexican_mobile(contact.phone, field=f"{field}.phone")
    patients = PatientRepository(session)
    by_email, by_phone = await patients.ids_with_contact(scope, email=contact.email, phone=phone)
    if by_phone is not None and by_phone != by_email:
        raise InvalidInput("A patient with this phone already exists.", field=f"{field}.phone")
    patient = await patients.patient(scope, by_email) if by_email is not None else None
    if patient is None:
        patient = Patient(
            account_id=scope.account_id, mode=scope.mode, email=contact.email.lower(), address={},
            archived=False, sex="unknown", enrolled=False,
        )
    patient.first_name, patient.last_name, patient.phone_number = contact.first_name, contact.last_name, phone
    await patients.add(patient)
    return patient
