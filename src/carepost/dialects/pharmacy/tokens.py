"""The access token of contract 001: a JWT as SimpleJWT makes them (PyJWT, HS256).

Claims: `token_type: "access"`, `exp`, `iat`, `jti`, `user_id` and
`access_lifetime` (seconds), as the contract says a client reads them; plus
`account_id` and `mode`, so a token works only beside an API key of the
account and mode that obtained it. The signing key is derived from
CAREPOST_SECRET_KEY for this use alone, so no other signature of ours can
pass for a token.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from dataclasses import dataclass
from datetime import timedelta

import jwt

from carepost.core.kit.clock import utcnow

ALGORITHM = "HS256"
_PURPOSE = b"carepost/pharmacy/access-token/v1"


class TokenNotValid(Exception):
    """SimpleJWT's TokenError: its message says why (`Token is expired`, `Token is invalid`)."""


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    account_id: int
    mode: str


def signing_key(secret: str) -> bytes:
    return hmac.new(secret.encode(), _PURPOSE, hashlib.sha256).digest()


def issue(*, user_id: int, account_id: int, mode: str, secret: str, lifetime_seconds: int) -> str:
    now = utcnow()
    claims = {
        "token_type": "access",
        "exp": now + timedelta(seconds=lifetime_seconds),
        "iat": now,
        "jti": uuid.uuid4().hex,
        "user_id": user_id,
        "access_lifetime": lifetime_seconds,
        "account_id": account_id,
        "mode": mode,
    }
    return jwt.encode(claims, signing_key(secret), algorithm=ALGORITHM)


def verify(token: str, *, secret: str) -> AccessClaims:
    try:
        claims = jwt.decode(
            token, signing_key(secret), algorithms=[ALGORITHM], options={"require": ["exp", "iat", "jti", "token_type"]}
        )
    except jwt.ExpiredSignatureError:
        raise TokenNotValid("Token is expired") from None
    except jwt.PyJWTError:
        raise TokenNotValid("Token is invalid") from None
    if claims.get("token_type") != "access":
        raise TokenNotValid("Token has wrong type")
    try:
        return AccessClaims(user_id=int(claims["user_id"]), account_id=int(claims["account_id"]), mode=str(claims["mode"]))
    except (KeyError, TypeError, ValueError):
        raise TokenNotValid("Token contained no recognizable user identification") from None
