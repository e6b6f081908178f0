"""Every table, imported in one place so Alembic and the app see the same metadata."""

from carepost.core.models.accounts import Account, AccountDialect, AccountUser, ApiKey
from carepost.core.models.audit import AccessAuditEntry, RequestLogEntry
from carepost.core.models.cases import Case, CaseOrder, CaseOrderItem, Drug, Pharmacy
from carepost.core.models.catalog import Item, Kit, KitItem, Manufacturer
from carepost.core.models.commerce import CommerceConnection, CommerceLedgerOrder, Counter
from carepost.core.models.fhir import FhirExport
from carepost.core.models.idempotency import IdempotencyRecord
from carepost.core.models.inventory import FulfillmentSite, SandboxStock, Stock, StockReservation
from carepost.core.models.invoicing import Invoice, InvoiceIssuer
from carepost.core.models.logistics import (
    Device,
    DeviceEvent,
    OrderDevice,
    OrderExternalId,
    OrderLine,
    OrderNote,
    PackedKit,
    TrackingNumber,
)
from carepost.core.models.manufacturing import MaskClinicSettings, MaskProduct, MaskProduction, MaskScan, MaskScanFile
from carepost.core.models.operators import ConsoleAuditEntry, ConsoleOperator, ConsoleSession, OperatorToken
from carepost.core.models.orders import Order, OrderEvent, OrderTally
from carepost.core.models.outbox import OutboxMessage
from carepost.core.models.patients import Patient, PatientContact, Site
from carepost.core.models.retail import (
    Coupon,
    PaymentMethod,
    Prescription,
    RetailOrder,
    RetailOrderLine,
    RetailProduct,
    ShippingMethod,
    Store,
)
from carepost.core.models.sandbox import SandboxSettings
from carepost.core.models.webhooks import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent

__all__ = [
    "FhirExport",
    "AccessAuditEntry",
    "Account",
    "AccountDialect",
    "AccountUser",
    "ApiKey",
    "Case",
    "CaseOrder",
    "CaseOrderItem",
    "CommerceConnection",
    "CommerceLedgerOrder",
    "ConsoleAuditEntry",
    "ConsoleOperator",
    "ConsoleSession",
    "Counter",
    "Coupon",
    "Device",
    "DeviceEvent",
    "Drug",
    "FulfillmentSite",
    "IdempotencyRecord",
    "Invoice",
    "InvoiceIssuer",
    "Item",
    "Kit",
    "KitItem",
    "Manufacturer",
    "MaskClinicSettings",
    "MaskProduct",
    "MaskProduction",
    "MaskScan",
    "MaskScanFile",
    "OperatorToken",
    "Order",
    "OrderDevice",
    "OrderEvent",
    "OrderExternalId",
    "OrderLine",
    "OrderNote",
    "OrderTally",
    "OutboxMessage",
    "PackedKit",
    "Patient",
    "PatientContact",
    "PaymentMethod",
    "Pharmacy",
    "Prescription",
    "RequestLogEntry",
    "RetailOrder",
    "RetailOrderLine",
    "RetailProduct",
    "SandboxSettings",
    "SandboxStock",
    "ShippingMethod",
    "Site",
    "Stock",
    "StockReservation",
    "Store",
    "TrackingNumber",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
