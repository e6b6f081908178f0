"""The document-storage port: where uploaded files (scans, prescriptions) live."""

from __future__ import annotations

from typing import Protocol


class DocumentStore(Protocol):
    async def put(self, key: str, data: bytes) -> None:
        """Store `data` under `key`, replacing what was there."""
        ...

    async def get(self, key: str) -> bytes:
        ...

    async def delete(self, key: str) -> None:
        """Remove `key`; no error if it is already gone."""
        ...
