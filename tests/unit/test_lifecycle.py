"""The made-to-measure transition table, without a database."""

from __future__ import annotations

import pytest

from carepost.core.cases.lifecycle import PRESCRIPTION
from carepost.core.flows.registry import flow_of
from carepost.core.manufacturing.lifecycle import MADE_TO_MEASURE, MaskStep
from carepost.core.orders.lifecycle import TransitionNotAllowed

HAPPY_PATH = [
    ("complete_scan", MaskStep.SCAN_REVIEW),
    ("approve_scan", MaskStep.SCAN_APPROVED),
    ("start_mesh", MaskStep.MESHING),
    ("start_print", MaskStep.PRINTING),
    ("start_qa", MaskStep.QA),
    ("print_label", MaskStep.LABELLED),
    ("ship", MaskStep.SHIPPED),
    ("deliver", MaskStep.DELIVERED),
]


def test_an_order_walks_from_awaiting_scan_to_delivered():
    state = MADE_TO_MEASURE.initial
    assert state == MaskStep.AWAITING_SCAN
    for action, expected in HAPPY_PATH:
        state = MADE_TO_MEASURE.next(state, action)
        assert state == expected


def test_the_partner_may_cancel_only_while_awaiting_the_scan():
    cancellable = {s for s in MaskStep if MADE_TO_MEASURE.allows(s, "cancel")}
    assert cancellable == {MaskStep.AWAITING_SCAN}
    assert MADE_TO_MEASURE.next(MaskStep.AWAITING_SCAN, "cancel") == MaskStep.CANCELLED


@pytest.mark.parametrize("step", [MaskStep.SCAN_REVIEW, MaskStep.MESHING, MaskStep.PRINTING, MaskStep.SHIPPED])
def test_cancel_after_upload_production_or_shipping_is_refused(step):
    with pytest.raises(TransitionNotAllowed) as refused:
        MADE_TO_MEASURE.next(step, "cancel")
    assert refused.value.state == step and refused.value.action == "cancel"


def test_a_rejected_scan_goes_back_to_awaiting_scan_and_is_cancellable_again():
    state = MADE_TO_MEASURE.next(MaskStep.SCAN_REVIEW, "reject_scan")
    assert state == MaskStep.AWAITING_SCAN
    assert MADE_TO_MEASURE.allows(state, "cancel")


def test_the_factory_may_cancel_until_the_mask_ships_but_not_after():
    for step in MaskStep:
        expected = step not in (MaskStep.SHIPPED, MaskStep.DELIVERED, MaskStep.CANCELLED)
        assert MADE_TO_MEASURE.allows(step, "factory_cancel") is expected, step


def test_terminal_states_lead_nowhere():
    for action in {a for _, a in MADE_TO_MEASURE.transitions}:
        assert not MADE_TO_MEASURE.allows(MaskStep.CANCELLED, action)
        assert not MADE_TO_MEASURE.allows(MaskStep.DELIVERED, action)


def test_every_step_is_reachable_and_known():
    assert MADE_TO_MEASURE.states == set(MaskStep)
    assert flow_of(MADE_TO_MEASURE.flow).lifecycle is MADE_TO_MEASURE


def test_a_device_order_walks_from_reconfirm_address_to_delivered_and_back():
    from carepost.core.logistics.lifecycle import LOGISTICS, DeviceStatus

    state = LOGISTICS.initial
    assert state == "reconfirmAddress"  # what the devices guide's example shows for a new order
    for action, expected in [
        ("reconfirm_address", DeviceStatus.PROCESSING),
        ("pack", DeviceStatus.PACKED),
        ("ship", DeviceStatus.SHIPPED),
        ("deliver", DeviceStatus.DELIVERED),
        ("receive_returns", DeviceStatus.RETURN_RECEIVED),
    ]:
        state = LOGISTICS.next(state, action)
        assert state == expected


def test_a_return_only_order_skips_packing():
    from carepost.core.logistics.lifecycle import LOGISTICS, DeviceStatus

    state = LOGISTICS.next(DeviceStatus.PROCESSING, "send_return_label")
    assert state == DeviceStatus.AWAITING_RETURN
    assert LOGISTICS.next(state, "receive_returns") == DeviceStatus.RETURN_RECEIVED


def test_device_orders_cancel_until_they_ship():
    from carepost.core.logistics.lifecycle import LOGISTICS, DeviceStatus

    cancellable = {s for s in DeviceStatus if LOGISTICS.allows(s, "cancel")}
    assert cancellable == {DeviceStatus.RECONFIRM_ADDRESS, DeviceStatus.PROCESSING, DeviceStatus.PACKED, DeviceStatus.AWAITING_RETURN}
    assert LOGISTICS.states == set(DeviceStatus)
    assert flow_of(LOGISTICS.flow).lifecycle is LOGISTICS


def test_retail_orders_can_be_cancelled_and_edited_only_before_building():
    from carepost.core.retail.lifecycle import PATIENT_ORDER_STATUS, RETAIL, RETAIL_EDITABLE, RetailStatus

    walk = [("approve", "approved"), ("start_building", "building"), ("dispatch", "dispatched"), ("deliver", "delivered")]
    state = RETAIL.initial
    for action, expected in walk:
        state = RETAIL.next(state, action)
        assert state == expected
    assert {s for s in RETAIL.states if RETAIL.allows(s, "cancel")} == {RetailStatus.QUOTED, RetailStatus.APPROVED} == RETAIL_EDITABLE
    with pytest.raises(TransitionNotAllowed):
        RETAIL.next(RetailStatus.CANCELLED, "approve")  # a cancel cannot be undone
    assert set(PATIENT_ORDER_STATUS) == RETAIL.states
    assert set(PATIENT_ORDER_STATUS.values()) == {"in_process", "shipped", "delivered", "cancelled"}  # the contract's four


def test_payment_status_moves_as_recorded_and_paid_is_final():
    from carepost.core.retail.lifecycle import PAYMENT, PaymentStatus

    assert PAYMENT.states == set(PaymentStatus)
    assert PAYMENT.next(PaymentStatus.CREDIT, "mark_paid") == PaymentStatus.PAID
    assert PAYMENT.next(PAYMENT.next(PaymentStatus.UNPAID, "reject_payment"), "start_payment") == PaymentStatus.IN_PROCESS
    assert not any(PAYMENT.allows(PaymentStatus.PAID, action) for action in ("mark_paid", "reject_payment", "start_payment"))


def test_a_prescription_order_goes_to_the_patients_door():
    state = PRESCRIPTION.initial
    for action in ("store_prescription", "send_to_pharmacy", "accept", "fill", "ship", "deliver"):
        state = PRESCRIPTION.next(state, action)
    assert state == "delivered"


def test_a_prescription_order_is_rejected_fails_and_retries_or_is_cancelled():
    assert PRESCRIPTION.next("sent_to_pharmacy", "reject") == "rejected"
    assert PRESCRIPTION.next(PRESCRIPTION.next("prescription_stored", "fail"), "retry") == "received"
    for state in ("received", "prescription_stored", "sent_to_pharmacy", "accepted", "failed"):
        assert PRESCRIPTION.next(state, "cancel") == "cancelled"
    for state in ("filled", "shipped", "delivered", "rejected", "cancelled"):
        with pytest.raises(TransitionNotAllowed):
            PRESCRIPTION.next(state, "cancel")
    with pytest.raises(TransitionNotAllowed):
        PRESCRIPTION.next("received", "ship")  # nothing skips the pharmacy
    assert PRESCRIPTION.states == {
        "received", "prescription_stored", "sent_to_pharmacy", "accepted", "rejected", "filled", "shipped", "delivered", "failed", "cancelled",
    }
