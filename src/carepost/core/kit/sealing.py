"""Secrets we must be able to use again, at rest: Fernet (AES-128-CBC + HMAC) under a
key derived from CAREPOST_SECRET_KEY and the secret's purpose.

A store's access token, a CSD's private key and its password, a PAC's password:
each must be usable, so none can be hashed like our API keys; they are encrypted
instead, and only the code that uses one opens it. The purpose keeps one kind of
sealed value from being opened as another.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken

COMMERCE = "commerce-credentials"
INVOICING = "invoicing-credentials"
WEBHOOKS = "webhook-secrets"


def _fernet(secret_key: str, purpose: str) -> Fernet:
    digest = hashlib.sha256(f"carepost.{purpose}:".encode() + secret_key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(secret_key: str, plaintext: str, *, purpose: str = COMMERCE) -> str:
    return _fernet(secret_key, purpose).encrypt(plaintext.encode()).decode()


def unseal(secret_key: str, sealed: str, *, purpose: str = COMMERCE) -> str:
    try:
        return _fernet(secret_key, purpose).decrypt(sealed.encode()).decode()
    except InvalidToken:
        raise ValueError("sealed credentials cannot be opened: CAREPOST_SECRET_KEY changed since they were sealed") from None
