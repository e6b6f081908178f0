"""What retail (pharmacy) orders are priced and delivered with: the catalog's
prices, payment methods, shipping methods, pick-up stores and coupons."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId, JsonDoc, Money, Rate, UTCDateTime, exact_decimal

# A fraction to four places (0.1250) or pesos to the cent, up to 99,999,999.
COUPON_VALUE = exact_decimal(12, 4)


class RetailProduct(Base):
    """A catalog item sold at retail: its price (before IVA), IVA rate, and whether it needs a prescription."""

    __tablename__ = "retail_products"
    __table_args__ = (CheckConstraint("price >= 0", name="price_not_negative"),)

    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    price: Mapped[Decimal] = mapped_column(Money)
    iva_rate: Mapped[Decimal] = mapped_column(Rate)
    requires_prescription: Mapped[bool] = mapped_column(default=False)
    image_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    # SAT's keys for the CFDI's Concepto: c_ClaveProdServ (01010101, "not in the catalogue",
    # until the tenant file names one) and c_ClaveUnidad (H87, a piece).
    sat_product_key: Mapped[str] = mapped_column(String(8), server_default="01010101")
    sat_unit_key: Mapped[str] = mapped_column(String(3), server_default="H87")


class PaymentMethod(Base):
    """A way an account pays, given with its API key; its kind decides the new order's payment status."""

    __tablename__ = "payment_methods"
    __table_args__ = (UniqueConstraint("account_id", "code", name="uq_payment_methods_account_id_code"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64))  # the tenant file's key
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # credit, transfer, cash
    active: Mapped[bool] = mapped_column(default=True)


class ShippingMethod(Base):
    """A delivery service: the postal codes it serves (by prefix), its price, free from a threshold, its transit days."""

    __tablename__ = "shipping_methods"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    price: Mapped[Decimal] = mapped_column(Money)
    free_from: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    min_days: Mapped[int]
    max_days: Mapped[int]
    zip_prefixes: Mapped[list[str]] = mapped_column(JsonDoc)  # "" serves every postal code
    active: Mapped[bool] = mapped_column(default=True)


class Store(Base):
    """A store where an order can be picked up instead of shipped."""

    __tablename__ = "stores"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    active: Mapped[bool] = mapped_column(default=True)


class Coupon(Base):
    """An account's discount code. Value in (0, 1): a fraction; 1 or more: pesos (core/invoicing/totals.py)."""

    __tablename__ = "coupons"
    __table_args__ = (
        UniqueConstraint("account_id", "code", name="uq_coupons_account_id_code"),
        CheckConstraint("uses >= 0", name="uses_not_negative"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    value: Mapped[Decimal] = mapped_column(COUPON_VALUE)
    valid_from: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    max_uses: Mapped[int | None] = mapped_column(nullable=True)
    uses: Mapped[int] = mapped_column(default=0)


class RetailOrder(Base):
    """What a retail (pharmacy) order holds beyond the orders row: how it is paid and
    delivered, its coupon as applied, and its totals (core/invoicing/totals.py)."""

    __tablename__ = "retail_orders"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    payment_method_id: Mapped[int] = mapped_column(ForeignKey("payment_methods.id"))
    payment_status: Mapped[str] = mapped_column(String(16))
    shipping_method_id: Mapped[int | None] = mapped_column(ForeignKey("shipping_methods.id"), nullable=True)
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"), nullable=True)
    coupon_id: Mapped[int | None] = mapped_column(ForeignKey("coupons.id"), nullable=True)
    coupon_code: Mapped[str | None] = mapped_column(String(64), nullable=True)  # as applied, should the coupon change
    coupon_value: Mapped[Decimal | None] = mapped_column(COUPON_VALUE, nullable=True)
    subtotal: Mapped[Decimal] = mapped_column(Money)
    discount: Mapped[Decimal] = mapped_column(Money)
    iva: Mapped[Decimal] = mapped_column(Money)
    shipping_price: Mapped[Decimal] = mapped_column(Money)
    shipping_discount: Mapped[Decimal] = mapped_column(Money)
    total: Mapped[Decimal] = mapped_column(Money)
    expected_delivery_date: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    max_delivery_date: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    comments: Mapped[str | None] = mapped_column(Text, nullable=True)
    invoicing: Mapped[dict[str, Any] | None] = mapped_column(JsonDoc, nullable=True)  # as sent; the validated Receptor is on the invoice
    generated_by: Mapped[int | None] = mapped_column(ForeignKey("account_users.id"), nullable=True)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("account_users.id"), nullable=True)
    insurance_refund_status: Mapped[str] = mapped_column(String(16), default="not_applicable")
    rejection_reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
    origin: Mapped[str] = mapped_column(String(32), default="api")
    payment_date: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    shipping_date: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    receiving_date: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class RetailOrderLine(Base):
    """One product of a retail order, priced as it was when the order was placed or changed."""

    __tablename__ = "retail_order_lines"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    quantity: Mapped[int]
    unit_price: Mapped[Decimal] = mapped_column(Money)
    iva_rate: Mapped[Decimal] = mapped_column(Rate)
    subtotal: Mapped[Decimal] = mapped_column(Money)
    discount: Mapped[Decimal] = mapped_column(Money)
    iva: Mapped[Decimal] = mapped_column(Money)
    total: Mapped[Decimal] = mapped_column(Money)


class Prescription(Base):
    """A prescription sent with an order; its document lives in the document store, never here."""

    __tablename__ = "prescriptions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    storage_key: Mapped[str] = mapped_column(String(200))
    document_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    content_type: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int]
    issue_date: Mapped[date] = mapped_column(Date)
    expiring_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
