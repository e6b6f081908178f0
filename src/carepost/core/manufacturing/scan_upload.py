"""The patient's scan upload: two videos and a calibration photo.

The portal link carries the order id and the patient's e-mail, and that pair
is the patient's only credential: a wrong pair and an unknown order read
alike. Files are checked by their content, not by what the browser says they
are, and streamed to the document store, never held whole in memory. A
re-upload replaces the file; a rejected scan's files are taken off the order. When the third file is on file, the scan
exists and the order moves on to review.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import filetype
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.documents.port import DocumentStore, DocumentTooLarge
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import Conflict, Forbidden, InvalidInput, NotFound
from carepost.core.manufacturing import factory
from carepost.core.manufacturing.lifecycle import MaskStep
from carepost.core.manufacturing.repository import ScanFileRepository
from carepost.core.models import MaskScanFile, Order
from carepost.core.orders.transitions import transition

MIB = 1024 * 1024
_VIDEO = frozenset({"video/mp4", "video/quicktime", "video/webm"})
_PHOTO = frozenset({"image/jpeg", "image/png", "image/heic"})


@dataclass(frozen=True)
class FileRule:
    label: str
    accepted: frozenset[str]
    max_bytes: int


SCAN_FILES = {
    "front_video": FileRule("Front video", _VIDEO, 100 * MIB),
    "profile_video": FileRule("Profile video", _VIDEO, 100 * MIB),
    "calibration_photo": FileRule("Calibration photo", _PHOTO, 15 * MIB),
}
LARGEST_FILE = max(rule.max_bytes for rule in SCAN_FILES.values())


@dataclass(frozen=True)
class UploadResult:
    on_file: tuple[str, ...]
    scan_id: str | None
    replaced_key: str | None  # the previous file's blob, to delete once this is committed


async def portal_order(session: AsyncSession, *, public_id: str, email: str) -> Order:
    order = await ScanFileRepository(session).order_for_portal(public_id)
    if order is None or order.recipient["email"].casefold() != email.strip().casefold():
        raise NotFound("This scan link is not valid. Please use the link from your e-mail.", code="scan_link_invalid")
    return order


def uploads_open(order: Order) -> None:
    """Why this order takes no upload now, if it doesn't."""
    if order.mode == "test":
        raise Forbidden("This is a test order: its scan page is a sandbox and stores nothing.", code="sandbox_order")
    if order.status == MaskStep.CANCELLED:
        raise Conflict("This order was cancelled; no scan is needed.", code="scan_upload_blocked")
    if order.status != MaskStep.AWAITING_SCAN:
        raise Conflict("Your scan is complete; nothing more is needed.", code="scan_already_complete")


async def files_on_file(session: AsyncSession, order: Order) -> tuple[str, ...]:
    return tuple(sorted(f.kind for f in await ScanFileRepository(session).files(order.id)))


def rule_for(order: Order, kind: str) -> FileRule:
    """The rule for `kind`, if this order takes that upload now (checked before the body is read)."""
    uploads_open(order)
    rule = SCAN_FILES.get(kind)
    if rule is None:
        raise InvalidInput(f"Unknown file {kind!r}; expected one of: {', '.join(SCAN_FILES)}.", field="kind")
    return rule


@dataclass(frozen=True)
class StoredFile:
    """A file in the document store, not yet on the order."""

    kind: str
    storage_key: str
    content_type: str
    size_bytes: int


async def store_upload(
    store: DocumentStore, *, order: Order, kind: str, head: bytes, rest: AsyncIterator[bytes]
) -> StoredFile:
    """Check the file by its first bytes, then stream it to the store, never past its size limit."""
    rule = rule_for(order, kind)
    if not head:
        raise InvalidInput(f"The {rule.label.lower()} is empty.", code="file_empty", field=kind)
    guessed = filetype.guess(head)
    if guessed is None or guessed.mime not in rule.accepted:
        raise InvalidInput(
            f"The {rule.label.lower()} must be one of: {', '.join(sorted(rule.accepted))}.", code="unsupported_file_type", field=kind
        )
    key = f"scans/{order.account_id}/{order.public_id}/{kind}-{uuid.uuid4().hex}.{guessed.extension}"
    try:
        size = await store.put_stream(key, _chained(head, rest), max_bytes=rule.max_bytes)
    except DocumentTooLarge:
        raise InvalidInput(
            f"The {rule.label.lower()} is larger than {rule.max_bytes // MIB} MB.", code="file_too_large", field=kind
        ) from None
    return StoredFile(kind=kind, storage_key=key, content_type=guessed.mime, size_bytes=size)


async def _chained(head: bytes, rest: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    yield head
    async for chunk in rest:
        yield chunk


async def accept(session: AsyncSession, *, order: Order, stored: StoredFile) -> UploadResult:
    """Put a stored file on the order (replacing one of its kind); the third completes the scan."""
    uploads_open(order)
    files = ScanFileRepository(session)
    previous = await files.get(order.id, stored.kind)
    replaced_key = previous.storage_key if previous else None  # read now: saving updates that same row
    await files.save(
        MaskScanFile(
            order_id=order.id,
            kind=stored.kind,
            account_id=order.account_id,
            storage_key=stored.storage_key,
            content_type=stored.content_type,
            size_bytes=stored.size_bytes,
            uploaded_at=utcnow(),
        )
    )
    on_file = await files_on_file(session, order)
    scan_id = None
    if set(on_file) == set(SCAN_FILES):
        await transition(session, order=order, action="complete_scan", actor="patient")
        scan_id = await factory.latest_scan_id(session, order)
    return UploadResult(on_file=on_file, scan_id=scan_id, replaced_key=replaced_key)
