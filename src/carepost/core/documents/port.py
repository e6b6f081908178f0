"""The document-storage port: where uploaded files (scans, prescriptions) live."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator
from typing import Protocol


class DocumentTooLarge(Exception):
    """A streamed document went past its limit; nothing of it was kept."""


class DocumentStore(Protocol):
    async def put(self, key: str, data: bytes) -> None:
        """Store `data` under `key`, replacing what was there."""
        ...

    async def put_stream(self, key: str, chunks: AsyncIterable[bytes], *, max_bytes: int) -> int:
        """Store what `chunks` yield under `key` and return its size; raise DocumentTooLarge
        (keeping nothing) as soon as it passes `max_bytes`."""
        ...

    async def get(self, key: str) -> bytes:
        """The whole document: for those read whole anyway (a PDF to attach, to zip, to send)."""
        ...

    def stream(self, key: str) -> AsyncIterator[bytes]:
        """The document in pieces, for serving one of any size (a 100 MB scan video) in bounded memory."""
        ...

    async def delete(self, key: str) -> None:
        """Remove `key`; no error if it is already gone."""
        ...

    async def close(self) -> None:
        """Let go of what the store holds open (an object store's connections), at shutdown."""
        ...
