"""The object-storage document store against a real S3-protocol server (moto's, on loopback)."""

from __future__ import annotations

import os
import tracemalloc
from collections.abc import AsyncIterator

import pytest

from carepost.adapters.documents import document_store
from carepost.adapters.documents.s3 import PART_BYTES, Bucket, S3DocumentStore
from carepost.config import Settings
from carepost.core.documents.port import DocumentTooLarge

MIB = 1024 * 1024


async def _pieces(total: int, piece: int = 256 * 1024) -> AsyncIterator[bytes]:
    sent = 0
    while sent < total:
        size = min(piece, total - sent)
        yield bytes([sent // piece % 251]) * size  # each piece its own byte: a misplaced part shows
        sent += size


def _expected(total: int, piece: int = 256 * 1024) -> bytes:
    return b"".join(bytes([start // piece % 251]) * min(piece, total - start) for start in range(0, total, piece))


@pytest.fixture
def bucket(s3) -> str:
    return s3.new_bucket()


_opened: list[S3DocumentStore] = []


@pytest.fixture(autouse=True)
async def _close_stores() -> AsyncIterator[None]:
    yield
    while _opened:
        await _opened.pop().close()


def _store(bucket: str, prefix: str = "documents") -> S3DocumentStore:
    store = S3DocumentStore(Bucket.from_url(f"s3://{bucket}/{prefix}"))
    _opened.append(store)
    return store


async def test_a_document_put_is_read_back_under_the_prefix_and_encrypted_at_rest(s3, bucket):
    store = _store(bucket, "tenant-docs/")

    await store.put("orders/1/prescription.pdf", b"%PDF-1.7 prescription")

    assert await store.get("orders/1/prescription.pdf") == b"%PDF-1.7 prescription"
    assert s3.keys(bucket) == ["tenant-docs/orders/1/prescription.pdf"]
    head = s3.client().head_object(Bucket=bucket, Key="tenant-docs/orders/1/prescription.pdf")
    assert head["ServerSideEncryption"] == "AES256"


async def test_a_streamed_upload_larger_than_a_part_arrives_whole_and_in_order(s3, bucket):
    store = _store(bucket)
    total = 2 * PART_BYTES + 3 * MIB + 17

    size = await store.put_stream("scans/video.mp4", _pieces(total), max_bytes=100 * MIB)

    assert size == total
    assert await store.get("scans/video.mp4") == _expected(total)
    assert s3.client().head_object(Bucket=bucket, Key="documents/scans/video.mp4")["ServerSideEncryption"] == "AES256"
    assert not s3.client().list_multipart_uploads(Bucket=bucket).get("Uploads")


async def test_a_small_streamed_upload_is_one_object(s3, bucket):
    store = _store(bucket)

    assert await store.put_stream("photo.jpg", _pieces(300_000), max_bytes=MIB) == 300_000
    assert await store.get("photo.jpg") == _expected(300_000)


async def test_an_upload_past_its_limit_keeps_nothing_not_even_parts(s3, bucket):
    store = _store(bucket)

    with pytest.raises(DocumentTooLarge):
        await store.put_stream("scans/too-big.mp4", _pieces(2 * PART_BYTES + MIB), max_bytes=2 * PART_BYTES)

    assert s3.keys(bucket) == []
    assert not s3.client().list_multipart_uploads(Bucket=bucket).get("Uploads")  # aborted, nothing left to pay for


async def test_an_upload_whose_source_fails_keeps_nothing(s3, bucket):
    store = _store(bucket)

    async def breaks_midway() -> AsyncIterator[bytes]:
        async for piece in _pieces(PART_BYTES + MIB):
            yield piece
        raise ConnectionResetError("the client went away")

    with pytest.raises(ConnectionResetError):
        await store.put_stream("scans/cut.mp4", breaks_midway(), max_bytes=100 * MIB)

    assert s3.keys(bucket) == []
    assert not s3.client().list_multipart_uploads(Bucket=bucket).get("Uploads")


async def test_upload_and_download_hold_a_part_not_the_file(s3, bucket):
    store = _store(bucket)
    total = 48 * MIB
    await store.put("warm-up.pdf", b"x")  # botocore loads its models once, outside the measure

    tracemalloc.start()
    try:
        await store.put_stream("scans/long.mp4", _pieces(total), max_bytes=100 * MIB)
        _, upload_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        received = 0
        async for chunk in store.stream("scans/long.mp4"):
            received += len(chunk)
        _, download_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert received == total
    assert upload_peak < 4 * PART_BYTES, f"upload held {upload_peak / MIB:.0f} MiB of a {total / MIB:.0f} MiB file"
    assert download_peak < 8 * MIB, f"download held {download_peak / MIB:.0f} MiB"


async def test_delete_removes_and_a_missing_key_is_no_error(s3, bucket):
    store = _store(bucket)
    await store.put("a.pdf", b"x")

    await store.delete("a.pdf")
    await store.delete("a.pdf")

    assert s3.keys(bucket) == []


async def test_a_key_that_climbs_out_of_the_prefix_is_refused(bucket):
    store = _store(bucket)

    for key in ("../other-tenant/a.pdf", "/etc/passwd", "a/../../b"):
        with pytest.raises(ValueError, match="escapes"):
            await store.put(key, b"x")


def test_settings_choose_the_bucket_and_refuse_what_is_not_one(tmp_path):
    chosen = document_store(Settings(data_dir=tmp_path, documents_url="s3://docs-bucket/carepost/prod"))
    assert isinstance(chosen, S3DocumentStore) and chosen.bucket == Bucket("docs-bucket", "carepost/prod/")
    assert Bucket.from_url("s3://docs-bucket") == Bucket("docs-bucket", "")
    for wrong in ("https://docs-bucket/x", "s3:///no-bucket", "/var/documents"):
        with pytest.raises(ValueError, match="s3://bucket/prefix"):
            document_store(Settings(data_dir=tmp_path, documents_url=wrong))
    with pytest.raises(ValueError, match="CAREPOST_DOCUMENTS_ENCRYPTION"):
        document_store(Settings(data_dir=tmp_path, documents_url="s3://b", documents_encryption="rot13"))
    assert not (tmp_path / "documents").exists()


async def test_a_missing_document_raises_rather_than_reading_as_empty(bucket):
    store = _store(bucket)
    with pytest.raises(Exception) as raised:
        await store.get("never-written.pdf")
    assert "NoSuchKey" in repr(raised.value) or "Not Found" in str(raised.value)
    assert os.environ["AWS_ENDPOINT_URL"].startswith("http://127.0.0.1:")
