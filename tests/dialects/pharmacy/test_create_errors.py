"""Every 401 and every 400 family of the create endpoint, in DRF's and SimpleJWT's shapes."""

from __future__ import annotations

import jwt
import pytest

from tests.factories import create_pharmacy_client
from tests.pharmacy_world import order_body, pharmacy_world

CREATE = "/api/orders/resources/"
NOT_PROVIDED = {"detail": "Authentication credentials were not provided."}


def _token_not_valid(response, reason: str) -> None:
    assert response.status_code == 401, response.text
    body = response.json()
    assert body["detail"] == "Given token not valid for any token type" and body["code"] == "token_not_valid"
    assert body["messages"] == [{"token_class": "AccessToken", "token_type": "access", "message": reason}]
    assert response.headers["www-authenticate"] == 'Bearer realm="api"'


async def test_no_token_or_no_api_key_is_401(client, world, token):
    no_token = await client.post(CREATE, json=order_body(world), headers={"X-API-Key": world.live_key})
    no_key = await client.post(CREATE, json=order_body(world), headers={"Authorization": f"Bearer {token}"})

    assert no_token.status_code == 401 and no_token.json() == NOT_PROVIDED
    assert no_key.status_code == 401 and no_key.json() == NOT_PROVIDED


async def test_an_expired_token_is_refused(client, world, token, settings):
    claims = jwt.decode(token, options={"verify_signature": False})
    claims["exp"] = claims["iat"] - 1
    from carepost.dialects.pharmacy.tokens import signing_key

    expired = jwt.encode(claims, signing_key(settings.resolved_secret_key), algorithm="HS256")

    _token_not_valid(await client.post(CREATE, json=order_body(world), headers=world.headers(expired)), "Token is expired")


async def test_a_tampered_token_is_refused(client, world, token):
    head, payload, signature = token.split(".")

    _token_not_valid(await client.post(CREATE, json=order_body(world), headers=world.headers(f"{head}.{payload}.{signature[::-1]}")), "Token is invalid")


async def test_another_accounts_or_the_other_modes_token_is_refused(client, db, world, token):
    other = await create_pharmacy_client(db)
    other_token = (
        await client.post("/api/token/", json={"email": other.email, "password": other.password}, headers={"X-API-Key": other.clinic.live_key})
    ).json()["access"]

    with_other_account = await client.post(CREATE, json=order_body(world), headers=world.headers(other_token))
    live_token_test_key = await client.post(CREATE, json=order_body(world), headers=world.headers(token, mode="test"))

    _token_not_valid(with_other_account, "Token is invalid")
    _token_not_valid(live_token_test_key, "Token is invalid")


async def test_missing_and_wrongly_typed_fields(client, world, token):
    missing = await client.post(CREATE, json={}, headers=world.headers(token))
    typed = await client.post(CREATE, json={**order_body(world), "order": {**order_body(world)["order"], "payment_method": "card",
        "details": [{"product": 1}]}}, headers=world.headers(token))

    assert missing.status_code == 400
    assert missing.json() == {"user": ["This field is required."], "order": ["This field is required."]}
    assert typed.json() == {
        "order": {"details": [{"quantity": ["This field is required."]}], "payment_method": ["A valid integer is required."]}
    }


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ({"email": "not-an-email"}, {"user": {"email": ["Enter a valid email address."]}}),
        ({"phone": "+15551234567"}, {"user": {"phone": ["Enter a valid phone number."]}}),
        ({"phone": "8188888888"}, {"user": {"phone": ["Enter a valid phone number."]}}),
        ({"first_name": ""}, {"user": {"first_name": ["This field may not be blank."]}}),
        ({"last_name": "a\u0000b"}, {"user": {"last_name": ["Null characters are not allowed."]}}),
    ],
    ids=["email", "not-a-us-number", "no-country-code", "blank-name", "nul"],
)
async def test_bad_user_fields(client, world, token, user, expected):
    body = order_body(world)
    body["user"].update(user)

    response = await client.post(CREATE, json=body, headers=world.headers(token))

    assert response.status_code == 400, response.text
    assert response.json() == expected


async def test_a_phone_that_is_another_patients_is_refused(client, world, token):
    first = order_body(world)
    assert (await client.post(CREATE, json=first, headers=world.headers(token))).status_code == 201
    second = order_body(world)
    second["user"]["phone"] = first["user"]["phone"]

    response = await client.post(CREATE, json=second, headers=world.headers(token))

    assert response.json() == {"user": {"phone": ["A patient with this phone already exists."]}}


async def test_the_same_email_is_the_same_patient(client, world, token):
    body = order_body(world)
    first = (await client.post(CREATE, json=body, headers=world.headers(token))).json()
    body["user"]["email"] = body["user"]["email"].upper()

    again = (await client.post(CREATE, json=body, headers=world.headers(token))).json()

    assert again["patient"]["id"] == first["patient"]["id"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"details": [{"product": 999999999, "quantity": 1}]}, {"order": {"details": [{"product": ['Invalid pk "999999999" - object does not exist.']}]}}),
        ({"payment_method": 999999999}, {"order": {"payment_method": ['Invalid pk "999999999" - object does not exist.']}}),
        ({"shipping_method": 999999999}, {"order": {"shipping_method": ['Invalid pk "999999999" - object does not exist.']}}),
        ({"store": 999999999, "shipping": None}, {"order": {"store": ['Invalid pk "999999999" - object does not exist.']}}),
        ({"details": []}, {"order": {"details": ["This list may not be empty."]}}),
    ],
    ids=["product", "payment-method", "shipping-method", "store", "no-details"],
)
async def test_unknown_ids(client, world, token, change, expected):
    response = await client.post(CREATE, json=order_body(world, **change), headers=world.headers(token))

    assert response.status_code == 400, response.text
    assert response.json() == expected


async def test_another_accounts_payment_method_does_not_exist_here(client, db, settings, world, token):
    other = await pharmacy_world(db, settings.resolved_secret_key)

    response = await client.post(CREATE, json=order_body(world, payment_method=other.payment_methods["net30"]), headers=world.headers(token))

    assert response.json() == {"order": {"payment_method": [f'Invalid pk "{other.payment_methods["net30"]}" - object does not exist.']}}


async def test_a_shipping_method_that_does_not_serve_the_zip(client, world, token):
    body = order_body(world, shipping_method=world.shipping_methods["std"])
    body["order"]["shipping"]["zipcode"] = "64000"  # Monterrey: only the national method serves it

    response = await client.post(CREATE, json=body, headers=world.headers(token))

    assert response.json() == {"order": {"shipping_method": ["This shipping method does not serve postal code 64000."]}}


async def test_both_or_neither_of_shipping_and_store(client, world, token):
    both = order_body(world, store=world.store)
    neither = order_body(world, shipping=None)

    for body in (both, neither):
        response = await client.post(CREATE, json=body, headers=world.headers(token))
        assert response.json() == {"order": {"non_field_errors": ["Send either shipping or store, not both and not neither."]}}
