"""What the masks API answers, for the OpenAPI document (http/shapes.py).

The contract shows the success bodies; the error envelope is docs/masks.md's.
"""

from __future__ import annotations

from typing import Any, Literal

from carepost.http.shapes import FieldError, Shape


class ErrorDetail(Shape):
    code: str
    message: str
    request_id: str
    fields: list[FieldError] | None = None


class MasksError(Shape):
    success: Literal[False]
    error: ErrorDetail


class OrderCreated(Shape):
    idempotent_replay: bool
    request_id: str
    shopify_order_id: str | None  # a fake "test_ORD_…" in test mode, never null there
    shopify_order_name: str | None
    vitacore_order_id: str
    patient_email: str
    patient_name: str
    forge_sends_email_to_client: bool | None
    patient_scan_email_sent: bool | None = None  # only when forge_sends_email_to_client was sent
    mask_type: str
    scan_upload_url: str | None = None  # unless the e-mail with the link went out
    placed_at: str


class Tracking(Shape):
    carrier: str | None
    tracking_number: str
    shipped_date: str | None


class Udi(Shape):
    di: str
    lot: str
    production_date: str
    gs1_element_string: str
    printed_at: str | None


class OrderStatus(Shape):
    vitacore_order_id: str
    shopify_order_id: str | None  # a fake "test_ORD_…" in test mode, never null there
    shopify_order_name: str | None
    patient_email: str
    patient_name: str
    placed_at: str
    is_test: bool
    scan_id: str | None
    scan_status: str | None
    current_step_id: str
    current_step_label: str
    progress_caption: str
    is_shipped: bool
    is_cancelled: bool
    cancelled_at: str | None
    tracking: Tracking | None
    udi: Udi | None
    updated_at: str


class Cancelled(Shape):
    vitacore_order_id: str
    shopify_order_id: str | None  # a fake "test_ORD_…" in test mode, never null there
    already_cancelled: bool
    cancelled_at: str | None
    shopify_cancelled: bool | None
    scan_upload_blocked: bool


class Lookup(Shape):
    """The parsed barcode, what it resolved to, and the sections its request_type names."""

    request_id: str
    request_type: str
    barcode: dict[str, Any]
    resolved: dict[str, Any]
    summary: dict[str, Any] | None = None
    patient: dict[str, Any] | None = None
    clinical: dict[str, Any] | None = None
    manufacturing: dict[str, Any] | None = None
    qa: dict[str, Any] | None = None
    udi: Udi | None = None
    order: dict[str, Any] | None = None


class ScanUpload(Shape):
    kind: str
    on_file: list[str]
    scan_complete: bool
    scan_id: str | None


class OrderCreatedAnswer(Shape):
    success: Literal[True]
    data: OrderCreated


class OrderStatusAnswer(Shape):
    success: Literal[True]
    data: OrderStatus


class CancelledAnswer(Shape):
    success: Literal[True]
    data: Cancelled


class LookupAnswer(Shape):
    success: Literal[True]
    data: Lookup


class ScanUploadAnswer(Shape):
    success: Literal[True]
    data: ScanUpload
