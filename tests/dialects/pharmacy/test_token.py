"""POST /api/token/: SimpleJWT's token endpoint, behind the account's X-API-Key."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import jwt
import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from carepost.core.kit import lockout
from carepost.core.kit.clock import utcnow
from carepost.core.models import AccountUser
from tests.factories import create_clinic, create_pharmacy_client

TOKEN = "/api/token/"
NO_ACCOUNT = {"detail": "No active account found with the given credentials"}


@pytest.fixture
async def pharmacy(db):
    return await create_pharmacy_client(db)


def _body(pharmacy, **overrides):
    return {"email": pharmacy.email, "password": pharmacy.password, **overrides}


async def test_the_right_pair_gets_an_access_token_with_the_documented_claims(client, pharmacy):
    response = await client.post(TOKEN, json=_body(pharmacy), headers={"X-API-Key": pharmacy.clinic.live_key})

    assert response.status_code == 200, response.text
    assert set(response.json()) == {"access"}
    claims = jwt.decode(response.json()["access"], options={"verify_signature": False})
    assert claims["token_type"] == "access"
    assert claims["access_lifetime"] == 3600
    assert claims["exp"] - claims["iat"] == 3600
    assert claims["jti"] and isinstance(claims["user_id"], int)


async def test_the_path_without_its_slash_answers_the_same_without_a_redirect(client, pharmacy):
    response = await client.post("/api/token", json=_body(pharmacy), headers={"X-API-Key": pharmacy.clinic.live_key})

    assert response.status_code == 200


@pytest.mark.parametrize("overrides", [{"password": "wrong password!"}, {"email": "nobody@clinic.example"}])
async def test_a_wrong_pair_is_401_in_simplejwts_words(client, pharmacy, overrides):
    response = await client.post(TOKEN, json=_body(pharmacy, **overrides), headers={"X-API-Key": pharmacy.clinic.live_key})

    assert response.status_code == 401
    assert response.json() == NO_ACCOUNT
    assert response.headers["www-authenticate"] == 'Bearer realm="api"'


async def test_a_user_of_another_account_cannot_sign_in_with_this_key(client, db, pharmacy):
    other = await create_pharmacy_client(db)

    response = await client.post(TOKEN, json=_body(other), headers={"X-API-Key": pharmacy.clinic.live_key})

    assert response.status_code == 401 and response.json() == NO_ACCOUNT


async def test_missing_fields_are_drf_field_errors(client, pharmacy):
    response = await client.post(TOKEN, json={}, headers={"X-API-Key": pharmacy.clinic.live_key})

    assert response.status_code == 400
    assert response.json() == {"email": ["This field is required."], "password": ["This field is required."]}


async def test_wrong_types_blank_and_nul_are_field_errors(client, pharmacy):
    headers = {"X-API-Key": pharmacy.clinic.live_key}

    typed = await client.post(TOKEN, json={"email": 5, "password": ""}, headers=headers)
    nul = await client.post(TOKEN, json={"email": "a\u0000@b.c", "password": "x"}, headers=headers)

    assert typed.json() == {"email": ["Not a valid string."], "password": ["This field may not be blank."]}
    assert nul.status_code == 400 and nul.json() == {"email": ["Null characters are not allowed."]}


async def test_malformed_json_is_drfs_parse_error(client, pharmacy):
    response = await client.post(TOKEN, content=b'{"email": ', headers={"X-API-Key": pharmacy.clinic.live_key, "Content-Type": "application/json"})

    assert response.status_code == 400
    assert response.json()["detail"].startswith("JSON parse error - ")


async def test_without_an_api_key_or_with_a_wrong_one_it_is_401(client, pharmacy):
    missing = await client.post(TOKEN, json=_body(pharmacy))
    wrong = await client.post(TOKEN, json=_body(pharmacy), headers={"X-API-Key": "cpk_live_nope"})

    assert missing.status_code == 401 and missing.json() == {"detail": "Authentication credentials were not provided."}
    assert wrong.status_code == 401 and wrong.json() == {"detail": "Invalid API key."}


async def test_an_account_without_the_pharmacy_api_is_403(client, db, pharmacy):
    masks_only = await create_clinic(db)

    response = await client.post(TOKEN, json=_body(pharmacy), headers={"X-API-Key": masks_only.live_key})

    assert response.status_code == 403
    assert response.json() == {"detail": "You do not have permission to perform this action."}


async def test_passwords_are_stored_as_argon2_hashes(db, pharmacy):
    async with db.transaction() as session:
        user = await session.scalar(select(AccountUser).where(AccountUser.email == pharmacy.email))

    assert user.password_hash.startswith("$argon2id$")
    assert pharmacy.password not in user.password_hash


async def test_a_wrong_method_names_it_like_drf(client):
    response = await client.get(TOKEN)

    assert response.status_code == 405
    assert response.json() == {"detail": 'Method "GET" not allowed.'}


async def test_a_hash_made_with_older_parameters_is_upgraded_at_sign_in(client, db, pharmacy):
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(pharmacy.password)
    async with db.transaction() as session:
        user = await session.scalar(select(AccountUser).where(AccountUser.email == pharmacy.email))
        user.password_hash = weak

    response = await client.post(TOKEN, json=_body(pharmacy), headers={"X-API-Key": pharmacy.clinic.live_key})

    assert response.status_code == 200
    async with db.transaction() as session:
        upgraded = await session.scalar(select(AccountUser.password_hash).where(AccountUser.email == pharmacy.email))
    assert upgraded != weak and not PasswordHasher().check_needs_rehash(upgraded)


async def test_five_wrong_passwords_lock_the_user_out_and_the_answer_stays_the_same(client, db, pharmacy):
    headers = {"X-API-Key": pharmacy.clinic.live_key}
    for _ in range(lockout.LOCK_AFTER_FAILURES):
        wrong = await client.post(TOKEN, json=_body(pharmacy, password="not the password"), headers=headers)
        assert wrong.status_code == 401 and wrong.json() == NO_ACCOUNT
    locked = await client.post(TOKEN, json=_body(pharmacy), headers=headers)
    assert locked.status_code == 401 and locked.json() == NO_ACCOUNT  # the right password, refused alike
    async with db.transaction() as session:
        user = await session.scalar(select(AccountUser).where(AccountUser.email == pharmacy.email))
        assert user.failed_sign_ins == lockout.LOCK_AFTER_FAILURES
        assert user.locked_until > utcnow() + lockout.LOCKED_FOR - timedelta(minutes=1)
        user.locked_until = utcnow() - timedelta(seconds=1)  # fifteen minutes later
    again = await client.post(TOKEN, json=_body(pharmacy), headers=headers)
    assert again.status_code == 200, again.text
    async with db.transaction() as session:
        user = await session.scalar(select(AccountUser).where(AccountUser.email == pharmacy.email))
        assert (user.failed_sign_ins, user.locked_until) == (0, None)


async def test_a_success_clears_the_failures_in_a_row(client, db, pharmacy):
    headers = {"X-API-Key": pharmacy.clinic.live_key}
    for _ in range(lockout.LOCK_AFTER_FAILURES - 1):
        assert (await client.post(TOKEN, json=_body(pharmacy, password="nope nope nope"), headers=headers)).status_code == 401
    assert (await client.post(TOKEN, json=_body(pharmacy), headers=headers)).status_code == 200
    assert (await client.post(TOKEN, json=_body(pharmacy, password="nope nope nope"), headers=headers)).status_code == 401
    assert (await client.post(TOKEN, json=_body(pharmacy), headers=headers)).status_code == 200  # not locked: the count began again


async def test_wrong_passwords_at_once_each_count(client, db, pharmacy):
    headers = {"X-API-Key": pharmacy.clinic.live_key}
    answers = await asyncio.gather(
        *(client.post(TOKEN, json=_body(pharmacy, password=f"wrong {n}"), headers=headers) for n in range(8))
    )
    assert {a.status_code for a in answers} == {401}
    async with db.transaction() as session:
        user = await session.scalar(select(AccountUser).where(AccountUser.email == pharmacy.email))
    assert user.failed_sign_ins == 8 and user.locked_until is not None
