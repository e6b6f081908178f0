"""Documents as files under the data dir (the default store)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterable, AsyncIterator
from pathlib import Path

from carepost.core.documents.port import DocumentTooLarge
from carepost.core.kit.private_files import open_private, private_directory, write_private

STREAM_CHUNK_BYTES = 1024 * 1024


class LocalDocumentStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root.resolve()):  # keys are ours, but never trust a path
            raise ValueError(f"document key escapes the store: {key!r}")
        return path

    async def put(self, key: str, data: bytes) -> None:
        await asyncio.to_thread(self._write, self._path(key), data)

    async def put_stream(self, key: str, chunks: AsyncIterable[bytes], *, max_bytes: int) -> int:
        path = self._path(key)
        partial = await asyncio.to_thread(self._partial, path)
        size = 0
        try:
            with os.fdopen(open_private(partial), "wb") as file:
                async for chunk in chunks:
                    size += len(chunk)
                    if size > max_bytes:
                        raise DocumentTooLarge(key)
                    await asyncio.to_thread(file.write, chunk)
            os.replace(partial, path)  # a reader never sees half a file
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return size

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self._path(key).read_bytes)

    async def stream(self, key: str) -> AsyncIterator[bytes]:
        with await asyncio.to_thread(self._path(key).open, "rb") as file:
            while chunk := await asyncio.to_thread(file.read, STREAM_CHUNK_BYTES):
                yield chunk

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, missing_ok=True)

    async def close(self) -> None:
        """Files hold nothing open between calls."""

    @staticmethod
    def _partial(path: Path) -> Path:
        private_directory(path.parent)
        return path.with_suffix(path.suffix + ".partial")

    @classmethod
    def _write(cls, path: Path, data: bytes) -> None:
        partial = cls._partial(path)
        write_private(partial, data)
        os.replace(partial, path)
