"""Public identifiers and secrets. Random, so they reveal neither volume nor order."""

from __future__ import annotations

import secrets
import string
import uuid

_ALPHANUMERIC = string.ascii_letters + string.digits


def order_public_id() -> str:
    """`ORD_` and ten digits, the shape of the masks contract's example."""
    return f"ORD_{secrets.randbelow(9_000_000_000) + 1_000_000_000}"


def request_id() -> str:
    return uuid.uuid4().hex


def random_token(length: int) -> str:
    return "".join(secrets.choice(_ALPHANUMERIC) for _ in range(length))
