"""The pharmacy dialect's pure parts: access tokens and DRF's error shapes."""

from __future__ import annotations

import jwt
import pytest

from carepost.dialects.pharmacy import tokens
from carepost.dialects.pharmacy.errors import field_errors
from carepost.http.problems import FieldProblem

SECRET = "a-secret-for-tests-long-enough-for-hs256"


def _issue(**overrides) -> str:
    options = {"user_id": 7, "account_id": 3, "mode": "live", "secret": SECRET, "lifetime_seconds": 60, **overrides}
    return tokens.issue(**options)


def test_a_token_verifies_with_its_account_and_mode():
    claims = tokens.verify(_issue(), secret=SECRET)

    assert (claims.user_id, claims.account_id, claims.mode) == (7, 3, "live")


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (_issue(lifetime_seconds=-1), "Token is expired"),
        (_issue()[:-2] + "xx", "Token is invalid"),
        (_issue(secret="another deployment"), "Token is invalid"),
        ("not-a-jwt", "Token is invalid"),
        (jwt.encode({"token_type": "refresh", "exp": 9999999999, "iat": 1, "jti": "j"}, tokens.signing_key(SECRET)), "Token has wrong type"),
        (jwt.encode({"token_type": "access", "exp": 9999999999, "iat": 1}, tokens.signing_key(SECRET)), "Token is invalid"),
        (jwt.encode({"token_type": "access", "exp": 9999999999, "iat": 1, "jti": "j"}, tokens.signing_key(SECRET) * 2, algorithm="HS512"), "Token is invalid"),
    ],
    ids=["expired", "tampered", "other-secret", "garbage", "refresh-type", "no-jti", "other-algorithm"],
)
def test_every_bad_token_is_refused_with_simplejwts_reason(token, reason):
    with pytest.raises(tokens.TokenNotValid, match=reason):
        tokens.verify(token, secret=SECRET)


def test_the_signing_key_is_derived_not_the_secret_itself():
    assert tokens.signing_key(SECRET) != SECRET.encode()
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(_issue(), SECRET, algorithms=["HS256"])


def test_field_errors_nest_as_the_body_does():
    problems = (
        FieldProblem("user.email", "x", type="value_error"),
        FieldProblem("order.details.1.product", "x", type="missing"),
        FieldProblem("order.payment_method", "x", type="int_parsing"),
        FieldProblem("comments", "x", type="string_too_long", context={"max_length": 500}),
        FieldProblem("", "Expected an object", type="model_type"),
    )

    assert field_errors(problems) == {
        "user": {"email": ["x"]},
        "order": {"details": [{}, {"product": ["This field is required."]}], "payment_method": ["A valid integer is required."]},
        "comments": ["Ensure this field has no more than 500 characters."],
        "non_field_errors": ["Invalid data. Expected a dictionary."],
    }
