"""The patient's scan upload: two videos and a calibration photo.

The portal link carries the order id and the patient's e-mail, and that pair
is the patient's only credential: a wrong pair and an unknown order read
alike. Files are checked by their content, not by what the browser says they
are. A re-upload replaces the file. When the third file is on file, the scan
exists and the order moves on to review.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import filetype
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.documents.port import DocumentStore
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import Conflict, Forbidden, InvalidInput, NotFound
from carepost.core.manufacturing import factory
from carepost.core.manufacturing.repository import ScanFileRepository
from carepost.core.models import MaskScanFile, Order
from carepost.core.orders.lifecycle import MaskStep

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


async def accept(session: AsyncSession, *, order: Order, kind: str, data: bytes, store: DocumentStore) -> UploadResult:
    uploads_open(order)
    rule = SCAN_FILES.get(kind)
    if rule is None:
        raise InvalidInput(f"Unknown file {kind!r}; expected one of: {', '.join(SCAN_FILES)}.", field="kind")
    if not data:
        raise InvalidInput(f"The {rule.label.lower()} is empty.", code="file_empty", field=kind)
    if len(data) > rule.max_bytes:
        raise InvalidInput(f"The {rule.label.lower()} is larger than {rule.max_bytes // MIB} MB.", code="file_too_large", field=kind)
    guessed = filetype.guess(data)
    if guessed is None or guessed.mime not in rule.accepted:
        raise InvalidInput(
            f"The {rule.label.lower()} must be one of: {', '.join(sorted(rule.accepted))}.", code="unsupported_file_type", field=kind
        )
    key = f"scans/{order.account_id}/{order.public_id}/{kind}-{uuid.uuid4().hex}.{guessed.extension}"
    await store.put(key, data)
    files = ScanFileRepository(session)
    previous = await files.get(order.id, kind)
    replaced_key = previous.storage_key if previous else None  # read now: saving updates that same row
    await files.save(
        MaskScanFile(
            order_id=order.id,
            kind=kind,
            account_id=order.account_id,
            storage_key=key,
            content_type=guessed.mime,
            size_bytes=len(data),
            uploaded_at=utcnow(),
        )
    )
    on_file = await files_on_file(session, order)
    scan_id = None
    if set(on_file) == set(SCAN_FILES):
        await factory.advance(session, order=order, action="complete_scan", actor="patient")
        scan_id = await factory.latest_scan_id(session, order)
    return UploadResult(on_file=on_file, scan_id=scan_id, replaced_key=replaced_key)
