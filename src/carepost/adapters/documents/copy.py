"""Moving to object storage: every document under a local documents folder copied to a store
under the same key (`carepost documents copy-to-bucket`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from carepost.adapters.documents.local import LocalDocumentStore
from carepost.core.documents.port import DocumentStore

# No document is larger than the largest scan video (core/manufacturing/scan_upload.py); a file
# larger than this under the folder is no document of ours.
LARGEST_DOCUMENT_BYTES = 1024 * 1024 * 1024


@dataclass(frozen=True)
class Copied:
    documents: int
    bytes: int


async def copy_folder(root: Path, target: DocumentStore) -> Copied:
    """Copy what `root` holds, each file streamed (a scan video is never whole in memory). Files
    still being written (`*.partial`) are left alone; running it again copies everything again."""
    source = LocalDocumentStore(root)
    documents = total = 0
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".partial"):
        key = path.relative_to(root).as_posix()
        total += await target.put_stream(key, source.stream(key), max_bytes=LARGEST_DOCUMENT_BYTES)
        documents += 1
    return Copied(documents, total)
