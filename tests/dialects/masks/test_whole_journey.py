"""One order's whole life, as a clinic's client and a patient see it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.dialects.masks.helpers import ORDERS, status_url
from tests.dialects.masks.portal_files import JPEG, MOV, MP4
from tests.factories import create_clinic, create_operator, mask_order


async def test_create_scan_make_ship_deliver_then_look_the_mask_up(client, db):
    clinic, operator = await create_clinic(db), await create_operator(db)
    key, ops = {"X-Api-Key": clinic.live_key}, {"Authorization": f"Bearer {operator}"}
    created = (await client.post(ORDERS, json=mask_order(mask_type="nose", idempotency_key="journey-0001"), headers=key)).json()["data"]
    order_id = created["vitacore_order_id"]

    async def status() -> dict:
        response = await client.get(status_url(order_id), headers=key)
        assert response.status_code == 200
        return response.json()["data"]

    placed = await status()
    assert (placed["current_step_id"], placed["scan_id"], placed["udi"], placed["tracking"]) == ("awaiting_scan", None, None, None)

    # The patient follows the link and uploads the three files.
    link = created["scan_upload_url"]
    params = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
    for kind, (name, content, content_type) in {
        "front_video": ("f.mp4", MP4, "video/mp4"), "profile_video": ("p.mov", MOV, "video/quicktime"), "calibration_photo": ("c.jpg", JPEG, "image/jpeg")
    }.items():
        uploaded = await client.post(f"/api/portal/start-scan/files/{kind}", params=params, files={"file": (name, content, content_type)})
        assert uploaded.status_code == 200
    scanned = await status()
    assert (scanned["current_step_id"], scanned["scan_status"]) == ("scan_review", "pending")
    assert scanned["scan_id"].startswith("SCAN_")

    # The factory works through its steps; the clinic sees each one.
    expected = {
        "approve_scan": ("scan_approved", "Scan approved"),
        "start_mesh": ("meshing", "Meshing"),
        "start_print": ("printing", "Printing"),
        "start_qa": ("qa", "Quality check"),
        "print_label": ("labelled", "Labelled"),
    }
    for action, (step, label) in expected.items():
        assert (await client.post(f"/api/ops/v1/orders/{order_id}/actions/{action}", headers=ops)).status_code == 200
        now = await status()
        assert (now["current_step_id"], now["current_step_label"], now["is_shipped"]) == (step, label, False)
        assert (now["udi"] is not None) == (action == "print_label")
    udi = (await status())["udi"]
    assert udi["di"] == "00628678429109" and len(udi["lot"]) == 7

    shipped = await client.post(
        f"/api/ops/v1/orders/{order_id}/actions/ship", json={"carrier": "ups", "tracking_number": "1Z999AA10123456784"}, headers=ops
    )
    assert shipped.status_code == 200
    on_its_way = await status()
    assert on_its_way["is_shipped"] is True and on_its_way["tracking"]["tracking_number"] == "1Z999AA10123456784"
    await client.post(f"/api/ops/v1/orders/{order_id}/actions/deliver", headers=ops)
    delivered = await status()
    assert delivered["current_step_id"] == "delivered" and delivered["udi"] == udi

    # The clinic scans the mask's label, three ways.
    raw_scan = "]d201" + udi["di"] + "11" + udi["production_date"][2:].replace("-", "") + "10" + udi["lot"]
    by_fupc = await client.get("/api/partner/v1/fupc/lookup", params={"fupc": udi["lot"]}, headers=key)
    by_gs1 = await client.get("/api/partner/v1/barcode/lookup", params={"barcode": udi["gs1_element_string"], "request_type": "full"}, headers=key)
    by_raw = await client.post("/api/partner/v1/barcode/lookup", json={"barcode": raw_scan, "request_type": "udi"}, headers=key)
    for response in (by_fupc, by_gs1, by_raw):
        assert response.status_code == 200
        assert response.json()["data"]["resolved"]["order_id"] == order_id
        assert response.json()["data"]["resolved"]["scan_id"] == scanned["scan_id"]
    assert by_fupc.json()["data"]["patient"]["name"] == "Jane Doe"
    assert by_gs1.json()["data"]["order"]["tracking"]["carrier"] == "ups"
    assert by_raw.json()["data"]["udi"] == udi
