"""/api/ops/v1: operators move any clinic's mask order; partner keys get nowhere."""

from __future__ import annotations

import httpx

from carepost.app import create_app
from tests.dialects.masks.helpers import place, status_url
from tests.dialects.test_rate_limits import wait_for_a_fresh_window
from tests.factories import create_clinic, create_operator

OPS = "/api/ops/v1/orders"


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_an_operator_walks_an_order_and_the_clinic_sees_each_step(client, db):
    clinic, token = await create_clinic(db), await create_operator(db)
    order_id = await place(client, clinic.live_key)

    for action in ("complete_scan", "approve_scan", "start_mesh", "start_print", "start_qa", "print_label"):
        response = await client.post(f"{OPS}/{order_id}/actions/{action}", headers=_bearer(token))
        assert response.status_code == 200, response.text
    shipped = await client.post(
        f"{OPS}/{order_id}/actions/ship", json={"carrier": "fedex", "tracking_number": "7712 3456 7890"}, headers=_bearer(token)
    )

    assert shipped.json()["status"] == "shipped"
    assert [e["name"] for e in shipped.json()["events"]] == [
        "placed", "scan_completed", "scan_approved", "mesh_started", "printing_started", "qa_started", "label_printed", "shipped"
    ]
    assert shipped.json()["events"][-1]["actor"] == "operator:factory-floor"
    status = (await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})).json()["data"]
    assert status["tracking"]["tracking_number"] == "7712 3456 7890"
    assert status["udi"]["lot"] == shipped.json()["events"][6]["data"]["fupc"]


async def test_operator_reads_an_order_with_its_timeline(client, db):
    clinic, token = await create_clinic(db), await create_operator(db)
    order_id = await place(client, clinic.test_key)

    response = await client.get(f"{OPS}/{order_id}", headers=_bearer(token))

    body = response.json()
    assert response.status_code == 200
    assert (body["order_id"], body["mode"], body["status"], body["account_id"]) == (order_id, "test", "awaiting_scan", clinic.account_id)
    assert body["events"][0]["name"] == "placed"


async def test_partner_keys_and_bad_tokens_are_refused(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    for headers in ({}, _bearer(clinic.live_key), {"X-Api-Key": clinic.live_key}, _bearer("cpo_nope")):
        response = await client.post(f"{OPS}/{order_id}/actions/complete_scan", headers=headers)
        assert response.status_code == 401
        assert response.json()["error"]["request_id"] == response.headers["request-id"]


async def test_unknown_orders_actions_and_out_of_order_steps(client, db):
    clinic, token = await create_clinic(db), await create_operator(db)
    order_id = await place(client, clinic.live_key)

    unknown_order = await client.post(f"{OPS}/ORD_0000000001/actions/complete_scan", headers=_bearer(token))
    unknown_action = await client.post(f"{OPS}/{order_id}/actions/teleport", headers=_bearer(token))
    too_early = await client.post(f"{OPS}/{order_id}/actions/ship", json={"carrier": "ups", "tracking_number": "1"}, headers=_bearer(token))
    bad_body = await client.post(f"{OPS}/{order_id}/actions/complete_scan", json={"speed": "fast"}, headers=_bearer(token))

    assert unknown_order.status_code == 404
    assert unknown_action.status_code == 400 and unknown_action.json()["error"]["fields"][0]["field"] == "action"
    assert too_early.status_code == 409 and too_early.json()["error"]["code"] == "transition_not_allowed"  # one code for every flow
    assert bad_body.status_code == 400 and bad_body.json()["error"]["code"] == "validation_error"


async def test_factory_cancel_from_the_operator_api(client, db):
    clinic, token = await create_clinic(db), await create_operator(db)
    order_id = await place(client, clinic.live_key)
    await client.post(f"{OPS}/{order_id}/actions/complete_scan", headers=_bearer(token))

    response = await client.post(f"{OPS}/{order_id}/actions/factory_cancel", json={"note": "Patient unreachable"}, headers=_bearer(token))

    assert response.json()["status"] == "cancelled"
    status = (await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})).json()["data"]
    assert status["is_cancelled"] is True


async def test_operators_edit_a_clinics_patient_email_template(client, db):
    clinic, token = await create_clinic(db), await create_operator(db)
    url = f"/api/ops/v1/accounts/{clinic.slug}/masks/patient-email"

    default = await client.get(url, headers=_bearer(token))
    changed = await client.put(
        url, json={"subject": "Scan for {{mask_product_name}}", "text": "Go: {{scan_upload_url}}"}, headers=_bearer(token)
    )
    hostile = await client.put(url, json={"subject": "x", "text": "{{ ''.__class__.__mro__ }}"}, headers=_bearer(token))
    typo = await client.put(url, json={"subject": "{{patient_firstname}}", "text": "x"}, headers=_bearer(token))
    after = await client.get(url, headers=_bearer(token))

    assert default.status_code == 200 and "{{scan_upload_url}}" in default.json()["text"]
    assert "patient_first_name" in default.json()["placeholders"]
    assert changed.status_code == 200
    assert hostile.status_code == 400 and hostile.json()["error"]["fields"][0]["field"] == "text"
    assert typo.status_code == 400 and "patient_first_name" in typo.json()["error"]["message"]
    assert (after.json()["subject"], after.json()["text"], after.json()["html"]) == ("Scan for {{mask_product_name}}", "Go: {{scan_upload_url}}", None)
    assert (await client.get("/api/ops/v1/accounts/no-such-clinic/masks/patient-email", headers=_bearer(token))).status_code == 404
    assert (await client.get(url, headers={"X-Api-Key": clinic.live_key})).status_code == 401


async def test_each_operator_token_is_rate_limited(settings, db):
    token, other = await create_operator(db), await create_operator(db)
    app = create_app(settings.model_copy(update={"operator_rate_limit_per_minute": 3}))
    wait_for_a_fresh_window()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        answers = [await http.get(f"{OPS}/ORD_NONE", headers=_bearer(token)) for _ in range(4)]
        others = await http.get(f"{OPS}/ORD_NONE", headers=_bearer(other))
    await app.state.runtime.db.dispose()
    assert [a.status_code for a in answers[:3]] == [404, 404, 404]
    assert answers[3].status_code == 429, answers[3].text
    assert answers[3].json()["error"]["code"] == "rate_limited" and 1 <= int(answers[3].headers["retry-after"]) <= 60
    assert answers[0].headers["ratelimit-policy"] == '"per-token";q=3;w=60'
    assert others.status_code == 404  # another token has a limit of its own
