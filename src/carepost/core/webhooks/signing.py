"""Standard Webhooks secrets and signatures, with the `standardwebhooks` library: a
secret is `whsec_` and base64 of random bytes; a signature is `v1,<base64
HMAC-SHA256 of "id.timestamp.body">`; several are sent space-separated (a rotation)."""

from __future__ import annotations

import base64
import secrets
from collections.abc import Sequence
from datetime import datetime

from standardwebhooks.webhooks import Webhook

SECRET_BYTES = 24


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def signature_headers(message_id: str, timestamp: datetime, body: str, signing_secrets: Sequence[str]) -> dict[str, str]:
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": " ".join(Webhook(secret).sign(message_id, timestamp, body) for secret in signing_secrets),
    }
