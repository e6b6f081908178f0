"""Pure wire <-> core translations of the masks dialect."""

from __future__ import annotations

from datetime import UTC, datetime

from carepost.core.accounts.service import Caller
from carepost.core.manufacturing.products import MaskType
from carepost.core.manufacturing.views import MaskOrderView
from carepost.core.models import Order
from carepost.core.orders.made_to_measure import Cancellation
from carepost.dialects.masks import mapping
from carepost.dialects.masks.schemas import CreateOrderIn
from tests.factories import mask_order

CALLER = Caller(account_id=7, api_key_id=9, mode="live", role="full", dialects=frozenset({"masks"}))
PLACED = datetime(2026, 5, 29, 12, 0, tzinfo=UTC)


def _order(**overrides) -> Order:
    values = {
        "public_id": "ORD_5678901234",
        "mode": "live",
        "status": "awaiting_scan",
        "recipient": {"name": "Jane Doe", "email": "patient+1@example.com", "phone": "+15551234567"},
        "attributes": {"mask_type": "nose", "forge_sends_email_to_client": True},
        "commerce_order_id": "5678901234",
        "commerce_order_name": "#1234",
        "commerce_cancelled": False,
        "placed_at": PLACED,
        "updated_at": PLACED,
        "cancelled_at": None,
    }
    return Order(**{**values, **overrides})


def test_omitted_mask_type_and_email_flag_take_the_contract_defaults():
    body = mask_order()
    del body["mask_type"], body["forge_sends_email_to_client"]
    order_in = mapping.order_in(CreateOrderIn.model_validate(body))
    assert order_in.mask_type is MaskType.CPAP
    assert order_in.forge_sends_email_to_client is False


def test_idempotency_ignores_credentials_and_treats_defaults_as_given():
    explicit = CreateOrderIn.model_validate({**mask_order(mask_type="cpap"), "idempotency_key": "k" * 8, "secret_key": "a"})
    implicit_body = {**mask_order(), "idempotency_key": "k" * 8, "secret_key": "b"}
    del implicit_body["mask_type"]
    implicit = CreateOrderIn.model_validate(implicit_body)
    assert mapping.idempotent_request(CALLER, explicit) == mapping.idempotent_request(CALLER, implicit)


def test_no_idempotency_key_means_no_idempotent_request():
    assert mapping.idempotent_request(CALLER, CreateOrderIn.model_validate(mask_order())) is None


def test_a_different_body_has_a_different_fingerprint():
    a = CreateOrderIn.model_validate({**mask_order(), "idempotency_key": "k" * 8})
    b = CreateOrderIn.model_validate({**mask_order(patient_name="John Roe"), "idempotency_key": "k" * 8})
    assert mapping.idempotent_request(CALLER, a).fingerprint != mapping.idempotent_request(CALLER, b).fingerprint


def test_scan_upload_url_escapes_the_email_and_marks_test_orders():
    live = mapping.scan_upload_url("https://api.example.com/", _order())
    test = mapping.scan_upload_url("https://api.example.com", _order(mode="test"))
    assert live == "https://api.example.com/api/portal/start-scan?order_id=ORD_5678901234&email=patient%2B1%40example.com"
    assert test == live + "&sandbox=true"


def test_created_omits_the_link_only_when_the_email_was_sent():
    sent = mapping.created(_order(), request_id="r1", public_url="https://x", email_sent=True)
    failed = mapping.created(_order(), request_id="r1", public_url="https://x", email_sent=False)
    not_asked = mapping.created(_order(), request_id="r1", public_url="https://x", email_sent=None)
    assert "scan_upload_url" not in sent and sent["patient_scan_email_sent"] is True
    assert "scan_upload_url" in failed and failed["patient_scan_email_sent"] is False
    assert "scan_upload_url" in not_asked and "patient_scan_email_sent" not in not_asked
    assert sent["placed_at"] == "2026-05-29T12:00:00.000Z"


def test_replayed_marks_only_the_replay_flag():
    body = {"success": True, "data": {"idempotent_replay": False, "vitacore_order_id": "ORD_1"}}
    assert mapping.replayed(body) == {"success": True, "data": {"idempotent_replay": True, "vitacore_order_id": "ORD_1"}}
    assert body["data"]["idempotent_replay"] is False


def test_status_of_a_cancelled_order():
    cancelled_at = datetime(2026, 6, 22, 20, 15, tzinfo=UTC)
    data = mapping.status(MaskOrderView(_order(status="cancelled", cancelled_at=cancelled_at, updated_at=cancelled_at), None, None))
    assert data["is_cancelled"] is True
    assert data["current_step_id"] == "cancelled"
    assert data["cancelled_at"] == "2026-06-22T20:15:00.000Z"
    assert data["is_shipped"] is False


def test_status_reports_shipped_for_shipped_and_delivered():
    assert mapping.status(MaskOrderView(_order(status="shipped"), None, None))["is_shipped"] is True
    assert mapping.status(MaskOrderView(_order(status="delivered"), None, None))["is_shipped"] is True


def test_cancelled_body():
    order = _order(status="cancelled", cancelled_at=PLACED, commerce_cancelled=True)
    data = mapping.cancelled(Cancellation(order=order, already_cancelled=True))
    assert data == {
        "vitacore_order_id": "ORD_5678901234",
        "shopify_order_id": "5678901234",
        "already_cancelled": True,
        "cancelled_at": "2026-05-29T12:00:00.000Z",
        "shopify_cancelled": True,
        "scan_upload_blocked": True,
    }
