"""Prescriptions sent with a retail order: checked by their content (PDF, JPEG or PNG,
at most 5 MiB), dated sensibly, and kept in the document store."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import filetype

from carepost.core.documents.port import DocumentStore
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import Order, Prescription

# Well under the pharmacy body's limit (dialects/pharmacy/surface.py): a phone's photo or a
# scanned page fits; the detail answer carries every document back as base64.
MAX_BYTES = 5 * 1024 * 1024
TOO_LARGE = "The document is larger than 5 MB."
ACCEPTED = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


@dataclass(frozen=True)
class PrescriptionIn:
    document: bytes  # decoded from the wire's base64
    document_name: str | None
    issue_date: date
    expiring_date: date | None


def check(prescriptions: Sequence[PrescriptionIn], *, field: str, today: date) -> list[str]:
    """Refuse a document that is empty, too large or of another kind, or a prescription
    that has expired; the content types, in order."""
    kinds = []
    for index, prescription in enumerate(prescriptions):
        at = f"{field}.{index}"
        if not prescription.document:
            raise InvalidInput("The document is empty.", field=f"{at}.document")
        if len(prescription.document) > MAX_BYTES:
            raise InvalidInput(TOO_LARGE, field=f"{at}.document")
        guessed = filetype.guess(prescription.document)
        if guessed is None or guessed.mime not in ACCEPTED:
            raise InvalidInput("The document must be a PDF, JPEG or PNG file.", field=f"{at}.document")
        if prescription.expiring_date is not None and prescription.expiring_date < today:
            raise InvalidInput("The prescription has expired.", field=f"{at}.expiring_date")
        if prescription.issue_date > today:
            raise InvalidInput("The issue date is in the future.", field=f"{at}.issue_date")
        kinds.append(guessed.mime)
    return kinds


async def keep(
    store: DocumentStore, *, order: Order, prescriptions: Sequence[PrescriptionIn], kinds: Sequence[str]
) -> list[Prescription]:
    """Store each document and describe it; the rows are the caller's to add."""
    rows = []
    for prescription, kind in zip(prescriptions, kinds, strict=True):
        key = f"prescriptions/{order.account_id}/{order.public_id}/{uuid.uuid4().hex}.{ACCEPTED[kind]}"
        await store.put(key, prescription.document)
        rows.append(
            Prescription(
                account_id=order.account_id, order_id=order.id, storage_key=key, document_name=prescription.document_name,
                content_type=kind, size_bytes=len(prescription.document), issue_date=prescription.issue_date,
                expiring_date=prescription.expiring_date, created_at=utcnow(),
            )
        )
    return rows
