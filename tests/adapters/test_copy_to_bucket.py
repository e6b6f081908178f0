"""`carepost documents copy-to-bucket`, run as an operator runs it, against moto's S3 server."""

from __future__ import annotations

import os
import subprocess
import sys

from carepost.adapters.documents.local import LocalDocumentStore
from carepost.adapters.documents.s3 import Bucket, S3DocumentStore


def _run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CAREPOST_")}
    return subprocess.run(
        [sys.executable, "-m", "carepost.cli", "documents", "copy-to-bucket"],
        env={**clean, **env}, capture_output=True, text=True, timeout=120,
    )


async def test_every_local_document_lands_in_the_bucket_under_its_key(s3, tmp_path):
    local = LocalDocumentStore(tmp_path / "documents")
    await local.put("scans/ord_1/front_video-a.mp4", b"\x00\x00\x00\x18ftypmp42" * 1000)
    await local.put("prescriptions/42/rx.pdf", b"%PDF-1.7 rx")
    (tmp_path / "documents" / "scans" / "ord_2").mkdir(parents=True)
    (tmp_path / "documents" / "scans" / "ord_2" / "half.mp4.partial").write_bytes(b"half")  # an upload cut short
    bucket = s3.new_bucket()

    done = _run({**s3.env, "CAREPOST_DATA_DIR": str(tmp_path), "CAREPOST_DOCUMENTS_URL": f"s3://{bucket}/docs"})

    assert done.returncode == 0, done.stderr
    assert "Copied 2 documents (12011 bytes)" in done.stdout
    assert s3.keys(bucket) == ["docs/prescriptions/42/rx.pdf", "docs/scans/ord_1/front_video-a.mp4"]
    store = S3DocumentStore(Bucket.from_url(f"s3://{bucket}/docs"))
    assert await store.get("prescriptions/42/rx.pdf") == b"%PDF-1.7 rx"
    assert await store.get("scans/ord_1/front_video-a.mp4") == await local.get("scans/ord_1/front_video-a.mp4")
    await store.close()
    again = _run({**s3.env, "CAREPOST_DATA_DIR": str(tmp_path), "CAREPOST_DOCUMENTS_URL": f"s3://{bucket}/docs"})
    assert again.returncode == 0 and len(s3.keys(bucket)) == 2  # run twice, the same two objects


def test_without_a_bucket_it_says_what_to_set(tmp_path):
    (tmp_path / "documents").mkdir()

    done = _run({"CAREPOST_DATA_DIR": str(tmp_path)})

    assert done.returncode == 2 and "CAREPOST_DOCUMENTS_URL=s3://bucket/prefix" in done.stderr
