"""The patient scan portal: the page, the uploads, and everything that must store nothing."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select

from carepost.core.models import MaskScanFile, Order
from tests.dialects.masks.helpers import ORDERS, cancel_url, status_url
from tests.dialects.masks.portal_files import JPEG, MOV, MP4, PDF
from tests.factories import create_clinic, mask_order

FILES = {"front_video": ("front.mp4", MP4, "video/mp4"), "profile_video": ("side.mov", MOV, "video/quicktime"), "calibration_photo": ("card.jpg",
    JPEG, "image/jpeg")}


async def _order(client, key: str, **overrides) -> tuple[str, str]:
    response = await client.post(ORDERS, json=mask_order(**overrides), headers={"X-Api-Key": key})
    data = response.json()["data"]
    return data["vitacore_order_id"], data["scan_upload_url"]


def _params(link: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}


async def _upload(client, link: str, kind: str, file=None):
    name, content, content_type = file or FILES[kind]
    params = {k: v for k, v in _params(link).items() if k in ("order_id", "email")}
    return await client.post(f"/api/portal/start-scan/files/{kind}", params=params, files={"file": (name, content, content_type)})


async def _stored(db, order_id: str) -> list[MaskScanFile]:
    async with db.transaction() as session:
        order = await session.scalar(select(Order).where(Order.public_id == order_id))
        return list(await session.scalars(select(MaskScanFile).where(MaskScanFile.order_id == order.id)))


async def test_the_page_names_the_product_and_asks_for_three_files(client, db):
    clinic = await create_clinic(db)
    _, link = await _order(client, clinic.live_key, mask_type="nose")

    page = await client.get(urlsplit(link).path, params=_params(link))

    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Scan for your Form Fit Nasal CPAP" in page.text
    for kind in FILES:
        assert f'data-kind="{kind}"' in page.text
    assert "<progress" in page.text


async def test_three_uploads_make_the_scan_and_move_the_order_on(client, db, settings):
    clinic = await create_clinic(db)
    order_id, link = await _order(client, clinic.live_key)

    first = await _upload(client, link, "front_video")
    second = await _upload(client, link, "profile_video")
    status_between = (await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})).json()["data"]
    third = await _upload(client, link, "calibration_photo")

    assert first.status_code == 200 and first.json()["data"]["on_file"] == ["front_video"]
    assert second.json()["data"]["scan_complete"] is False
    assert status_between["current_step_id"] == "awaiting_scan" and status_between["scan_id"] is None
    done = third.json()["data"]
    assert done["scan_complete"] is True and done["scan_id"].startswith("SCAN_")
    status = (await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})).json()["data"]
    assert (status["scan_id"], status["scan_status"], status["current_step_id"]) == (done["scan_id"], "pending", "scan_review")
    stored = await _stored(db, order_id)
    assert {f.kind: f.content_type for f in stored} == {
        "front_video": "video/mp4", "profile_video": "video/quicktime", "calibration_photo": "image/jpeg"
    }
    assert all((settings.data_dir / "documents" / f.storage_key).read_bytes() for f in stored)
    assert (await client.post(cancel_url(order_id), headers={"X-Api-Key": clinic.live_key})).status_code == 409
    again = await _upload(client, link, "front_video")
    assert again.status_code == 409 and again.json()["error"]["code"] == "scan_already_complete"
    page = await client.get(urlsplit(link).path, params=_params(link))
    assert "Your scan is complete" in page.text


async def test_a_re_upload_replaces_the_file(client, db, settings):
    clinic = await create_clinic(db)
    order_id, link = await _order(client, clinic.live_key)

    await _upload(client, link, "front_video")
    [before] = await _stored(db, order_id)
    await _upload(client, link, "front_video", ("front.mov", MOV, "video/quicktime"))
    [after] = await _stored(db, order_id)

    assert after.content_type == "video/quicktime" and after.storage_key != before.storage_key
    assert not (settings.data_dir / "documents" / before.storage_key).exists()
    assert (settings.data_dir / "documents" / after.storage_key).read_bytes() == MOV


async def test_type_is_checked_by_content_not_by_name(client, db):
    clinic = await create_clinic(db)
    order_id, link = await _order(client, clinic.live_key)

    pdf_called_mp4 = await _upload(client, link, "front_video", ("front.mp4", PDF, "video/mp4"))
    photo_as_video = await _upload(client, link, "front_video", ("front.mp4", JPEG, "video/mp4"))
    empty = await _upload(client, link, "calibration_photo", ("card.jpg", b"", "image/jpeg"))
    unknown_kind = await _upload(client, link, "selfie", ("card.jpg", JPEG, "image/jpeg"))

    assert pdf_called_mp4.status_code == 400 and pdf_called_mp4.json()["error"]["code"] == "unsupported_file_type"
    assert photo_as_video.status_code == 400
    assert empty.status_code == 400 and empty.json()["error"]["code"] == "file_empty"
    assert unknown_kind.status_code == 400
    assert await _stored(db, order_id) == []


async def test_a_wrong_email_or_order_shows_a_clear_page_and_stores_nothing(client, db):
    clinic = await create_clinic(db)
    order_id, link = await _order(client, clinic.live_key)
    wrong = {"order_id": order_id, "email": "someone.else@example.com"}

    page = await client.get("/api/portal/start-scan", params=wrong)
    unknown = await client.get("/api/portal/start-scan", params={"order_id": "ORD_0000000002", "email": "patient@example.com"})
    upload = await client.post("/api/portal/start-scan/files/front_video", params=wrong, files={"file": ("f.mp4", MP4, "video/mp4")})

    assert page.status_code == 404 and "This scan link is not valid" in page.text
    assert unknown.status_code == 404 and unknown.text == page.text.replace(order_id, "ORD_0000000002")
    assert upload.status_code == 404 and upload.json()["error"]["code"] == "scan_link_invalid"
    assert await _stored(db, order_id) == []


async def test_the_email_match_ignores_case(client, db):
    clinic = await create_clinic(db)
    order_id, _ = await _order(client, clinic.live_key, patient_email="Jane.Doe@Example.com")

    page = await client.get("/api/portal/start-scan", params={"order_id": order_id, "email": "jane.doe@example.com"})

    assert page.status_code == 200


async def test_a_cancelled_order_shows_a_clear_page_and_takes_no_upload(client, db):
    clinic = await create_clinic(db)
    order_id, link = await _order(client, clinic.live_key)
    await client.post(cancel_url(order_id), headers={"X-Api-Key": clinic.live_key})

    page = await client.get(urlsplit(link).path, params=_params(link))
    upload = await _upload(client, link, "front_video")

    assert page.status_code == 409 and "This order was cancelled" in page.text
    assert upload.status_code == 409 and upload.json()["error"]["code"] == "scan_upload_blocked"
    assert await _stored(db, order_id) == []


async def test_a_test_orders_link_opens_the_sandbox_page_and_stores_nothing(client, db):
    clinic = await create_clinic(db)
    order_id, link = await _order(client, clinic.test_key)

    page = await client.get(urlsplit(link).path, params=_params(link))
    upload = await _upload(client, link, "front_video")

    assert page.status_code == 200 and "Sandbox scan page" in page.text and "test order" in page.text
    assert upload.status_code == 403 and upload.json()["error"]["code"] == "sandbox_order"
    assert await _stored(db, order_id) == []


async def test_a_photo_over_its_limit_is_refused(client, db):
    clinic = await create_clinic(db)
    order_id, link = await _order(client, clinic.live_key)
    huge = JPEG + b"\x00" * (15 * 1024 * 1024)

    response = await _upload(client, link, "calibration_photo", ("card.jpg", huge, "image/jpeg"))

    assert response.status_code == 400 and response.json()["error"]["code"] == "file_too_large"
    assert await _stored(db, order_id) == []


async def test_a_rejected_scans_files_do_not_count_towards_the_next(client, db, ops_headers):
    clinic = await create_clinic(db)
    order_id, link = await _order(client, clinic.live_key)
    for kind in FILES:
        await _upload(client, link, kind)
    rejected = await client.post(f"/api/ops/v1/orders/{order_id}/actions/reject_scan", json={"note": "blurry"}, headers=ops_headers)
    assert rejected.status_code == 200, rejected.text

    again = await _upload(client, link, "front_video")

    assert again.status_code == 200, again.text
    assert again.json()["data"]["on_file"] == ["front_video"]
    assert again.json()["data"]["scan_complete"] is False
    assert [f.kind for f in await _stored(db, order_id)] == ["front_video"]
    page = await client.get(urlsplit(link).path, params=_params(link))
    assert page.text.count("On file") == 1


async def test_a_text_field_in_place_of_the_file_is_a_clear_400(client, db):
    clinic = await create_clinic(db)
    order_id, link = await _order(client, clinic.live_key)
    params = {k: v for k, v in _params(link).items() if k in ("order_id", "email")}

    response = await client.post("/api/portal/start-scan/files/front_video", params=params, data={"file": "not a file"})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "file_missing"
    assert "Expected UploadFile" not in response.text
    assert await _stored(db, order_id) == []


async def test_a_file_past_its_kind_limit_is_refused_while_it_streams(client, db, settings):
    clinic = await create_clinic(db)
    order_id, link = await _order(client, clinic.live_key)
    too_big = JPEG + b"\0" * (15 * 1024 * 1024)  # a photo may be 15 MB

    response = await _upload(client, link, "calibration_photo", ("card.jpg", too_big, "image/jpeg"))

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "file_too_large"
    assert await _stored(db, order_id) == []
    assert not list((settings.data_dir / "documents").rglob(f"*{order_id}*/*calibration*"))  # nothing half-written kept


async def test_an_upload_past_the_portal_limit_is_413(client, db):
    clinic = await create_clinic(db)
    _, link = await _order(client, clinic.live_key)

    response = await _upload(client, link, "front_video", ("front.mp4", MP4 + b"\0" * (101 * 1024 * 1024), "video/mp4"))

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
