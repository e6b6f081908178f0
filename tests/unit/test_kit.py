"""Identifiers, key material, clock formatting and problem conversion."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from carepost.core.accounts.keys import hash_secret, new_key
from carepost.core.idempotency.fingerprint import fingerprint
from carepost.core.kit.clock import iso_millis
from carepost.core.kit.contact import phone_warnings
from carepost.core.kit.errors import InvalidInput
from carepost.core.kit.ids import order_public_id
from carepost.http.problems import from_validation


def test_order_ids_have_the_contract_shape():
    ids = {order_public_id() for _ in range(200)}
    assert all(re.fullmatch(r"ORD_[1-9]\d{9}", i) for i in ids)
    assert len(ids) == 200


def test_keys_are_random_prefixed_and_stored_only_as_a_hash():
    live, test = new_key("live"), new_key("test")
    assert live.secret.startswith("cpk_live_") and test.secret.startswith("cpk_test_")
    assert live.secret.startswith(live.prefix) and len(live.prefix) < len(live.secret) - 20
    assert live.secret_hash == hash_secret(live.secret) != hash_secret(test.secret)
    assert live.secret not in live.secret_hash
    with pytest.raises(ValueError):
        new_key("staging")


def test_iso_millis_is_utc_with_milliseconds():
    moment = datetime(2026, 5, 29, 14, 0, 0, 123456, tzinfo=timezone(timedelta(hours=2)))
    assert iso_millis(moment) == "2026-05-29T12:00:00.123Z"
    assert iso_millis(None) is None


def test_fingerprint_ignores_key_order_but_not_values():
    assert fingerprint("e", {"a": 1, "b": 2}) == fingerprint("e", {"b": 2, "a": 1})
    assert fingerprint("e", {"a": 1}) != fingerprint("e", {"a": 2})
    assert fingerprint("e", {"a": 1}) != fingerprint("f", {"a": 1})


def test_phone_checks_warn_rather_than_reject_the_contracts_own_examples():
    assert phone_warnings("+528188888888") == []
    assert phone_warnings("+15551234567")[0].startswith("phone_not_assigned")
    assert phone_warnings("+1234567890")[0].startswith("phone_implausible")
    with pytest.raises(InvalidInput) as refused:
        phone_warnings("555-CALL-NOW", field="user.phone")
    assert refused.value.details == {"field": "user.phone"}


def test_validation_problems_name_fields_and_catch_bodies_that_are_not_objects():
    problem = from_validation([{"type": "missing", "loc": ("body", "shipping_address", "zip"), "msg": "Field required"}])
    assert problem.code == "validation_error"
    assert problem.message == "shipping_address.zip: Field required"
    assert from_validation([{"type": "json_invalid", "loc": ("body", 3), "msg": "JSON decode error"}]).code == "invalid_json"
    assert from_validation([{"type": "model_attributes_type", "loc": ("body",), "msg": "x"}]).code == "invalid_json"


def test_utc_now_is_aware():
    from carepost.core.kit.clock import utcnow

    assert utcnow().tzinfo is UTC
