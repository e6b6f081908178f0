"""The portal and the console with documents in object storage (moto's S3 server): a scan goes
to the bucket, encrypted at rest, and comes back from it; the data dir holds no document."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from carepost.app import create_app
from tests.console.conftest import make_login, sign_in
from tests.dialects.masks.portal_files import JPEG, MOV, MP4
from tests.dialects.masks.test_portal import _order, _stored, _upload
from tests.factories import create_clinic


@pytest.fixture
async def bucket_app(settings, s3, tmp_path) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient, str]]:
    bucket = s3.new_bucket()
    app = create_app(settings.model_copy(update={"data_dir": tmp_path, "documents_url": f"s3://{bucket}/carepost"}))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as api, \
            httpx.AsyncClient(transport=transport, base_url="https://testserver") as browser:
        yield api, browser, bucket
    await app.state.call_log.flush()
    await app.state.runtime.documents.close()
    await app.state.runtime.db.dispose()


async def test_a_portal_scan_is_kept_in_the_bucket_and_served_from_it(bucket_app, db, s3, tmp_path):
    api, browser, bucket = bucket_app
    clinic = await create_clinic(db)
    order_id, link = await _order(api, clinic.live_key)

    for kind in ("front_video", "profile_video", "calibration_photo"):
        assert (await _upload(api, link, kind)).status_code == 200

    stored = {f.kind: f.storage_key for f in await _stored(db, order_id)}
    assert s3.keys(bucket) == sorted(f"carepost/{key}" for key in stored.values())
    for key in stored.values():
        assert s3.client().head_object(Bucket=bucket, Key=f"carepost/{key}")["ServerSideEncryption"] == "AES256"
    assert not (tmp_path / "documents").exists()
    assert (await sign_in(browser, await make_login(db))).status_code == 303
    for kind, content in (("front_video", MP4), ("profile_video", MOV), ("calibration_photo", JPEG)):
        served = await browser.get(f"/console/orders/{order_id}/documents/scan-{kind}")
        assert served.status_code == 200 and served.content == content


async def test_a_re_upload_replaces_the_object(bucket_app, db, s3):
    api, _, bucket = bucket_app
    clinic = await create_clinic(db)
    order_id, link = await _order(api, clinic.live_key)

    await _upload(api, link, "front_video")
    [before] = await _stored(db, order_id)
    await _upload(api, link, "front_video", ("front.mov", MOV, "video/quicktime"))
    [after] = await _stored(db, order_id)

    assert s3.keys(bucket) == [f"carepost/{after.storage_key}"]
    assert before.storage_key != after.storage_key
