"""POST /api/token/: SimpleJWT's token endpoint, behind the account's X-API-Key."""

from __future__ import annotations

import jwt
from argon2 import PasswordHasher
import pytest
from sqlalchemy import select

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
