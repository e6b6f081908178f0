"""Store credentials at rest: Fernet (AES-128-CBC + HMAC) under a key derived from CAREPOST_SECRET_KEY.

A store's access token must be usable, so it cannot be hashed like our API
keys; it is encrypted instead, and only the adapter that calls the store
opens it.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken


def _fernet(secret_key: str) -> Fernet:
    digest = hashlib.sha256(b"carepost.commerce-credentials:" + secret_key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(secret_key: str, plaintext: str) -> str:
    return _fernet(secret_key).encrypt(plaintext.encode()).decode()


def unseal(secret_key: str, sealed: str) -> str:
    try:
        return _fernet(secret_key).decrypt(sealed.encode()).decode()
    except InvalidToken:
        raise ValueError("store credentials cannot be opened: CAREPOST_SECRET_KEY changed since they were sealed") from None
