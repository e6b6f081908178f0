"""Passwords, hashed with argon2 (argon2-cffi's defaults, RFC 9106's second
recommended profile), for everyone who signs in with one: account users (the
pharmacy API's token endpoint) and console operators. argon2 costs tens of
milliseconds of CPU by design, so hashing and checking run off the event loop."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from carepost.core.kit.errors import InvalidInput

MIN_LENGTH = 12

_HASHER = PasswordHasher()
# Checked when there is no stored hash (an unknown e-mail), so a wrong e-mail costs what
# a wrong password does and the timing does not tell which sign-in names exist.
_NOBODY = _HASHER.hash("carepost: nobody signs in with this")


def require_strong_enough(password: str, *, field: str = "password") -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput(f"A password needs at least {MIN_LENGTH} characters.", field=field)


async def hashed(password: str) -> str:
    return await asyncio.to_thread(_HASHER.hash, password)


async def matches(stored_hash: str | None, password: str) -> bool:
    """Whether `password` is the one behind `stored_hash`; with no hash, as slow a No."""
    try:
        await asyncio.to_thread(_HASHER.verify, stored_hash or _NOBODY, password)
    except (VerificationError, InvalidHashError):
        return False
    return stored_hash is not None


def needs_rehash(stored_hash: str) -> bool:
    """Hashed with older parameters: store it again after the next sign-in that checks it."""
    return _HASHER.check_needs_rehash(stored_hash)
