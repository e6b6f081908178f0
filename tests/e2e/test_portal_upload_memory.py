"""Five concurrent 100 MB scan uploads, to a real `carepost serve`, leave its peak memory
under 300 MB: uploads are checked against the link before the body is read, and
streamed to the document store, never held whole.

Peak memory is the kernel's high-water mark of the server's resident set (VmHWM),
read from /proc after the uploads; it includes what the process needed to start."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from tests.dialects.masks.helpers import ORDERS
from tests.dialects.masks.portal_files import MP4
from tests.factories import create_clinic, mask_order
from tests.processes import listening_pids, peak_rss_mib, serving

MIB = 1024 * 1024
UPLOAD_BYTES = 100 * MIB - 64 * 1024  # a full-size video, within the 100 MB limit with its framing
BOUNDARY = "carepost-memory-test"


async def _multipart_video() -> AsyncIterator[bytes]:
    yield (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="front.mp4"\r\n'
           "Content-Type: video/mp4\r\n\r\n").encode() + MP4
    sent = len(MP4)
    chunk = b"\0" * MIB
    while sent < UPLOAD_BYTES:
        piece = chunk[: UPLOAD_BYTES - sent]
        sent += len(piece)
        yield piece
    yield f"\r\n--{BOUNDARY}--\r\n".encode()


def _length() -> int:
    head = (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="front.mp4"\r\n'
            "Content-Type: video/mp4\r\n\r\n").encode()
    return len(head) + UPLOAD_BYTES + len(f"\r\n--{BOUNDARY}--\r\n".encode())


async def _upload(http: httpx.AsyncClient, base: str, order_id: str, email: str) -> int:
    try:
        response = await http.post(
            f"{base}/api/portal/start-scan/files/front_video",
            params={"order_id": order_id, "email": email},
            content=_multipart_video(),
            headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", "Content-Length": str(_length())},
        )
    except (httpx.RemoteProtocolError, httpx.WriteError):  # refused and closed before the body was all sent
        return 0
    return response.status_code


@pytest.mark.parametrize(
    ("linked", "store"), [(False, "local"), (True, "local"), (True, "bucket")], ids=["unauthenticated", "valid-links", "valid-links-to-a-bucket"]
)
async def test_five_concurrent_100_mb_uploads_stay_under_300_mb(tmp_path, database_url, db, linked, store, request):
    clinic = await create_clinic(db)
    env = {
        "CAREPOST_DATABASE_URL": database_url,
        "CAREPOST_DATA_DIR": str(tmp_path),
        "CAREPOST_SECRET_KEY": "memory",
        "CAREPOST_PORTAL_RATE_LIMIT_PER_MINUTE": "1000",
    }
    if store == "bucket":  # streamed to S3 in parts (adapters/documents/s3.py), never whole
        s3 = request.getfixturevalue("s3")
        env |= {"CAREPOST_DOCUMENTS_URL": f"s3://{s3.new_bucket()}/scans", **s3.env}
    with serving(env) as base:
        [pid] = listening_pids(int(base.rsplit(":", 1)[1]))
        async with httpx.AsyncClient(timeout=120) as http:
            orders = []
            for _ in range(5):
                email = f"p-{uuid.uuid4().hex[:8]}@example.com"
                created = await http.post(f"{base}{ORDERS}", json=mask_order(patient_email=email), headers={"X-Api-Key": clinic.live_key})
                order_id = created.json()["data"]["vitacore_order_id"]
                orders.append((order_id, email if linked else "someone-else@example.com"))
            statuses = await asyncio.gather(*(_upload(http, base, order_id, email) for order_id, email in orders))
        peak = peak_rss_mib(pid)

    print(f"peak resident memory after five concurrent 100 MB uploads ({'valid links' if linked else 'bad links'}, {store}): {peak:.0f} MiB")
    if linked:
        assert statuses == [200] * 5
    else:  # refused (404) before the body was read, or cut off while the client still sent it
        assert len(statuses) == 5 and all(status in (0, 404) for status in statuses)
    # To a bucket, each upload in flight holds one 5 MiB part and the copies botocore makes of it
    # as it signs and sends it (about 18 MiB, measured by tests/adapters/test_s3_documents.py).
    assert peak < (300 if store == "local" else 360)
