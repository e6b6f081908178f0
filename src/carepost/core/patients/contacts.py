"""Patients known by their contact details: the pharmacy API names its patient (`user`)
by e-mail and phone. They are the core's patients, the same the devices flow uses."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import Patient
from carepost.core.patients.repository import EMAIL, PHONE, ContactTaken, PatientRepository

PHONE_INVALID = "Enter a valid phone number."


@dataclass(frozen=True)
class ContactIn:
    email: str
    phone: str
    first_name: str
    last_name: str


def international_phone(phone: str, *, field: str) -> str:
    """The contract's "+(COUNTRY-CODE)(PHONE)": any number phonenumbers knows as valid,
    written with its country code, in E.164 (+528188888888, +12125550123)."""
    if not phone.startswith("+"):
        raise InvalidInput(PHONE_INVALID, field=field)
    try:
        parsed = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        raise InvalidInput(PHONE_INVALID, field=field) from None
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidInput(PHONE_INVALID, field=field)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


async def patient_for_contact(session: AsyncSession, *, scope: Scope, contact: ContactIn, field: str) -> Patient:
    """The patient with this e-mail, or a new one. E-mail and phone each name one patient
    within the account and mode: a phone that is another patient's is refused (on `field`.phone).
    The database holds the rule (patient_contacts): a create that loses a race to claim a
    contact looks again and goes on exactly as if it had come second."""
    phone = international_phone(contact.phone, field=f"{field}.phone")
    email = contact.email.strip().lower()
    try:
        return await _named_patient(session, scope, contact, email, phone, field)
    except ContactTaken:
        return await _named_patient(session, scope, contact, email, phone, field)


async def _named_patient(session: AsyncSession, scope: Scope, contact: ContactIn, email: str, phone: str, field: str) -> Patient:
    patients = PatientRepository(session)
    by_email, by_phone = await patients.ids_with_contact(scope, email=email, phone=phone)
    if by_phone is not None and by_phone != by_email:
        raise InvalidInput("A patient with this phone already exists.", field=f"{field}.phone")
    patient = await patients.patient(scope, by_email) if by_email is not None else None
    if patient is not None and by_phone is not None:  # both already name this patient: nothing to claim
        patient.first_name, patient.last_name = contact.first_name, contact.last_name
        await patients.add(patient)
        return patient
    claims = {PHONE: phone} if patient is not None else {EMAIL: email, PHONE: phone}
    releasing = patient.phone_number if patient is not None else None
    if patient is None:
        patient = Patient(
            account_id=scope.account_id, mode=scope.mode, email=email, address={}, archived=False, sex="unknown", enrolled=False,
        )
    # In a savepoint: a contact another request claimed first undoes this patient's writes alone.
    async with session.begin_nested():
        patient.first_name, patient.last_name, patient.phone_number = contact.first_name, contact.last_name, phone
        await patients.add(patient)
        await patients.claim_contacts(scope, patient.id, claims, releasing=releasing)
    return patient
