"""API key material. Keys carry 190 bits of randomness, so a plain SHA-256 is
the right store for them (as for GitHub's tokens): argon2 is for guessable
passwords, and would cost every request tens of milliseconds for nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from carepost.core.kit.ids import random_token

MODES = ("live", "test")
ROLES = ("full", "read_only")
_SECRET_LENGTH = 32
_SHOWN_RANDOM_CHARS = 6


@dataclass(frozen=True)
class KeyMaterial:
    secret: str
    prefix: str
    secret_hash: str


def new_key(mode: str) -> KeyMaterial:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    return _material(f"cpk_{mode}_")


def new_operator_token() -> KeyMaterial:
    """Operator tokens look different (`cpo_`) so neither kind can pass for the other."""
    return _material("cpo_")


def _material(head: str) -> KeyMaterial:
    secret = head + random_token(_SECRET_LENGTH)
    return KeyMaterial(secret=secret, prefix=secret[: len(head) + _SHOWN_RANDOM_CHARS], secret_hash=hash_secret(secret))


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
