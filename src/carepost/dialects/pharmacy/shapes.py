"""What the pharmacy API answers, for the OpenAPI document (http/shapes.py)."""

from __future__ import annotations

from typing import Any, Literal

from carepost.http.shapes import Shape


class PharmacyError(Shape):
    """DRF's error shapes: `{"detail": "…"}` (SimpleJWT adds `code` and `messages`), or, for
    invalid fields, the body's own shape with a list of messages per field."""

    detail: str | None = None
    code: str | None = None
    messages: list[dict[str, Any]] | None = None


class AccessToken(Shape):
    access: str


class LineTotals(Shape):
    product: int
    quantity: int
    subtotal: float
    discount: float
    iva: float
    total: float


class CouponApplied(Shape):
    code: str
    value: float


class Calculation(Shape):
    subtotal: float
    shipping_price: float
    shipping_discount: float
    coupon: CouponApplied | None
    discount: float
    iva: float
    total: float
    selected_shipping_method: int | None
    expected_delivery_date: str | None
    max_delivery_date: str | None
    details: list[LineTotals]
    shipping: dict[str, Any] | None
    store: dict[str, Any] | None




class ListedOrder(Shape):
    id: int
    created_at: str
    order_status: str
    patient_order_status: str
    patient: str
    payment_status: str
    products_count: int
    details: list[dict[str, Any]]
    shipping: dict[str, Any] | None
    payment_method: str | None
    total: float
    origin: str
    expected_delivery_date: str | None
    max_delivery_date: str | None


class OrderPage(Shape):
    count: int
    next: str | None
    previous: str | None
    results: list[ListedOrder]


class InvoiceState(Shape):
    """Beyond the contract: where the order's CFDI is (docs/pharmacy.md, "Invoicing")."""

    id: int
    status: Literal["pending", "stamped", "failed", "cancelling", "cancelled"]
    cfdi: str | None
    sandbox: bool | None
    error: str | None
    xml: str | None
    pdf: str | None
    stamped_at: str | None
    cancelled_at: str | None


class User(Shape):
    """The contract's USER: here, the account's user who placed or changed the order."""

    id: int
    email: str
    phone: str | None
    first_name: str
    last_name: str


class PrescriptionOut(Shape):
    """The contract's PRESCRIPTION; `document` (base64) only in `GET /api/orders/{id}`, null elsewhere."""

    id: int
    document: str | None
    document_name: str | None
    issue_date: str
    expiring_date: str | None


class OrderDetail(Shape):
    id: int
    details: list[dict[str, Any]]
    patient: dict[str, Any]
    shipping: dict[str, Any] | None
    store: int | None
    payment_method: dict[str, Any] | None
    coupon: CouponApplied | None
    order_status: str
    patient_order_status: str
    payment_status: str
    subtotal: float
    discount: float
    iva: float
    shipping_price: float
    shipping_discount: float
    shipping_cost: float
    total: float
    cfdi: str | None
    invoicing: int | None
    invoice: InvoiceState | None
    generated_by: User | None
    updated_by: User | None
    prescriptions: list[PrescriptionOut]
    created_at: str
    updated_at: str


class OrderDetailPage(Shape):
    count: int
    next: str | None
    previous: str | None
    results: list[OrderDetail]


class AnsweredOrder(OrderDetail):
    """A create's or a PATCH's answer: the detail, with the create's `store`, `details` and `selected_shipping_method`."""

    store: dict[str, Any] | None  # type: ignore[assignment]
    selected_shipping_method: int | None
