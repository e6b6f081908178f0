"""What the cases API answers, for the OpenAPI document (and the typed client made from it)."""

from __future__ import annotations

from typing import Any

from carepost.http.shapes import Shape


class CasesError(Shape):
    status: int
    success: bool
    message: str
    error: str


class CaseOrderRef(Shape):
    id: str


class CaseOrderRefData(Shape):
    order: CaseOrderRef


class OrderCreated(Shape):
    status: int
    success: bool
    message: str
    data: CaseOrderRefData


class CasePrescriptionItem(Shape):
    drugId: str
    drugName: str
    quantity: str
    direction: str | None
    refillCount: int | None
    supplyDays: int | None
    customFields: dict[str, Any] | None


class CaseTimelineEntry(Shape):
    name: str
    occurredAt: str


class CaseOrderView(Shape):
    id: str
    status: str
    pharmacyReference: str | None
    failure: str | None
    warnings: list[str]
    shippingAddress: dict[str, Any] | None
    diagnosis: str | None
    patientHealthInfo: dict[str, Any] | None
    dateWritten: str | None
    dateSigned: str | None
    datePrescribed: str | None
    prescriber: dict[str, Any] | None
    prescriptionItems: list[CasePrescriptionItem]
    prescriptionDocument: bool  # GET …/orders/{orderId}/prescription has it once true
    tracking: dict[str, Any] | None
    createdAt: str
    updatedAt: str
    timeline: list[CaseTimelineEntry]


class CaseView(Shape):
    id: str
    mode: str
    patient: dict[str, Any]
    createdAt: str
    orders: list[CaseOrderView]


class CaseData(Shape):
    case: CaseView


class CaseAnswer(Shape):
    status: int
    success: bool
    message: str
    data: CaseData


class CaseOrderData(Shape):
    order: CaseOrderView


class OrderMoved(Shape):
    status: int
    success: bool
    message: str
    data: CaseOrderData
