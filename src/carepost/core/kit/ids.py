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


_UPPER_ALNUM = string.ascii_uppercase + string.digits
_LOWER_ALNUM = string.ascii_lowercase + string.digits


def fupc() -> str:
    """Seven upper-case alphanumerics, like the contract's `O0R7T9E` (unique: see the repository)."""
    return "".join(secrets.choice(_UPPER_ALNUM) for _ in range(7))


def scan_public_id(now_ms: int) -> str:
    """`SCAN_1779902370302_hzebwhy8e`: milliseconds and nine random characters, as the contract shows."""
    return f"SCAN_{now_ms}_{''.join(secrets.choice(_LOWER_ALNUM) for _ in range(9))}"


def mesh_job_id() -> str:
    """`job-abc123`-shaped, with enough randomness to stay unique."""
    return "job-" + "".join(secrets.choice(_LOWER_ALNUM) for _ in range(10))
