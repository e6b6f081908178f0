"""What makes two requests "the same" for idempotency: endpoint and canonical payload."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def fingerprint(endpoint: str, payload: Any) -> str:
    canonical = json.dumps([endpoint, payload], sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()
