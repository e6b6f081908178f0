"""The USER's "email UNIQUE" and "phone UNIQUE" (issue 24, items 6 and 8): held by the
database per account and mode under concurrent creates, the loser of a race answering as
if it had come second; any valid international phone accepted."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import func, select

from carepost.core.models import Patient, PatientContact
from tests.pharmacy_world import order_body

CREATE = "/api/orders/resources/"


def _user(email: str, phone: str) -> dict[str, str]:
    return {"email": email, "phone": phone, "first_name": "Ana", "last_name": "López"}


def _fresh_phone() -> str:
    return f"+5281{uuid.uuid4().int % 10**8:08d}"


async def _patients_named(db, world, email: str) -> int:
    async with db.read() as session:
        return await session.scalar(select(func.count()).select_from(Patient).where(Patient.email == email))


async def test_eight_creates_at_once_for_one_new_email_make_one_patient(client, db, world, token):
    email, phone = f"carrera-{uuid.uuid4().hex[:8]}@example.mx", _fresh_phone()
    bodies = []
    for _ in range(8):
        body = order_body(world)
        body["user"] = _user(email.upper() if len(bodies) % 2 else email, phone)  # the same e-mail, normalized
        bodies.append(body)
    answers = await asyncio.gather(*(client.post(CREATE, json=b, headers=world.headers(token)) for b in bodies))
    assert [a.status_code for a in answers] == [201] * 8, [a.text for a in answers if a.status_code != 201]
    assert await _patients_named(db, world, email) == 1


async def test_creates_at_once_with_new_emails_and_one_new_phone_admit_one(client, db, world, token):
    phone = _fresh_phone()
    bodies = []
    for n in range(6):
        body = order_body(world)
        body["user"] = _user(f"telefono-{n}-{uuid.uuid4().hex[:6]}@example.mx", phone)
        bodies.append(body)
    answers = await asyncio.gather(*(client.post(CREATE, json=b, headers=world.headers(token)) for b in bodies))
    assert sorted(a.status_code for a in answers) == [201, 400, 400, 400, 400, 400]
    for refused in (a for a in answers if a.status_code == 400):
        assert refused.json() == {"user": {"phone": ["A patient with this phone already exists."]}}
    async with db.read() as session:
        holders = await session.scalar(
            select(func.count()).select_from(PatientContact).where(PatientContact.kind == "phone", PatientContact.value == phone)
        )
    assert holders == 1


async def test_a_patient_who_changes_phone_gives_the_old_one_up(client, db, world, token):
    email, first_phone, second_phone = f"cambia-{uuid.uuid4().hex[:8]}@example.mx", _fresh_phone(), _fresh_phone()
    for phone in (first_phone, second_phone):
        body = order_body(world)
        body["user"] = _user(email, phone)
        assert (await client.post(CREATE, json=body, headers=world.headers(token))).status_code == 201
    body = order_body(world)
    body["user"] = _user(f"otra-{uuid.uuid4().hex[:8]}@example.mx", first_phone)  # free again
    assert (await client.post(CREATE, json=body, headers=world.headers(token))).status_code == 201


@pytest.mark.parametrize("phone", ["+12125550123", "+447911123456", "+34612345678", "+528188888888"])
async def test_any_valid_international_phone_is_accepted_in_e164(client, db, world, token, phone):
    body = order_body(world)
    body["user"]["phone"] = phone
    answer = await client.post(CREATE, json=body, headers=world.headers(token))
    assert answer.status_code == 201, answer.text
    async with db.read() as session:
        stored = await session.scalar(select(Patient.phone_number).where(Patient.email == body["user"]["email"]))
    assert stored == phone


@pytest.mark.parametrize("phone", ["12125550123", "+1555123456", "+52 81", "+999123456789"])
async def test_a_phone_without_its_country_code_or_invalid_is_refused(client, world, token, phone):
    body = order_body(world)
    body["user"]["phone"] = phone
    answer = await client.post(CREATE, json=body, headers=world.headers(token))
    assert answer.status_code == 400 and answer.json() == {"user": {"phone": ["Enter a valid phone number."]}}
