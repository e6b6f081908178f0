"""Idempotency keys: one per logical request, sent again unchanged when a request is retried
(the `Idempotency-Key` header, or the masks body's `idempotency_key`). A retry with the same key
and body answers as the first did; the same key with another body is refused."""

from __future__ import annotations

import uuid


def new_idempotency_key() -> str:
    return str(uuid.uuid4())
