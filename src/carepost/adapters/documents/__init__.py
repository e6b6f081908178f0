"""Choosing the document store: files under the (private) data dir."""

from __future__ import annotations

from carepost.adapters.documents.local import LocalDocumentStore
from carepost.config import Settings
from carepost.core.documents.port import DocumentStore


def document_store(settings: Settings) -> DocumentStore:
    return LocalDocumentStore(settings.private_data_dir() / "documents")
