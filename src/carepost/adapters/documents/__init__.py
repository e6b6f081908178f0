"""Choosing the document store: a bucket when CAREPOST_DOCUMENTS_URL names one, else files under
the (private) data dir."""

from __future__ import annotations

from carepost.adapters.documents.local import LocalDocumentStore
from carepost.adapters.documents.s3 import Bucket, S3DocumentStore
from carepost.config import Settings
from carepost.core.documents.port import DocumentStore


def document_store(settings: Settings) -> DocumentStore:
    if settings.documents_url:
        return S3DocumentStore(
            Bucket.from_url(settings.documents_url),
            encryption=settings.documents_encryption,
            kms_key_id=settings.documents_kms_key_id,
        )
    return LocalDocumentStore(settings.private_data_dir() / "documents")
