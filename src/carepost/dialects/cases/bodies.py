"""Contract 003's request bodies as the OpenAPI document shows them, and their examples.

The routes read their bodies themselves (reading.py, mapping.py) to refuse each field in the
contract's own sentence; these models only describe what is read, for people and generators."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field

from carepost.demo.ids import DEMO_TEST_CASE


class CasesAddress(BaseModel):
    addressLine1: str
    addressLine2: str | None = None
    city: str
    state: str = Field(description="A US state's two-letter code.")
    country: str = Field(description="US.")
    postalCode: str


class CasesPatientHealthInfo(BaseModel):
    allergies: str | None = None
    healthConditions: str | None = None
    currentMedications: str | None = None


class CasesPrescriber(BaseModel):
    firstName: str
    lastName: str
    title: str | None = None
    titleSuffix: str | None = None
    npi: str = Field(description="10 digits, with a valid check digit.")
    dea: str | None = Field(default=None, description="Required to prescribe a controlled drug.")
    email: str
    phoneNumber: str
    address: CasesAddress


class CasesPrescriptionItem(BaseModel):
    drugId: str
    quantity: str = Field(description="A positive number, as text (`\"30\"`).")
    direction: str | None = None
    refillCount: int | None = Field(default=None, ge=0, le=99)
    supplyDays: int | None = Field(default=None, ge=1, le=365)
    customFields: dict[str, Any] | None = None


class CasesOrder(BaseModel):
    shippingAddress: CasesAddress | None = Field(default=None, description="The case patient's address when absent.")
    patientHealthInfo: CasesPatientHealthInfo | None = None
    prescriber: CasesPrescriber
    diagnosis: str
    pharmacyId: str
    dateWritten: date | None = None
    dateSigned: date | None = None
    datePrescribed: date | None = None
    prescriptionItems: list[CasesPrescriptionItem] = Field(min_length=1)


class CasesPlaceOrderIn(BaseModel):
    action: Literal["PLACE_ORDER"]
    order: CasesOrder


class CasesPatient(BaseModel):
    firstName: str
    lastName: str
    dateOfBirth: date | None = None
    sex: Literal["female", "male", "other", "unknown"] | None = None
    email: str | None = Field(default=None, description="A `+reject` tag has the sandbox pharmacy reject its test orders (docs/sandbox.md).")
    phoneNumber: str | None = None
    address: CasesAddress | None = None


class CasesOpenCaseIn(BaseModel):
    patient: CasesPatient


# Contract 003's example request, as written (its pharmacy-123 and drug-456 are in the demo tenant).
PLACE_ORDER_EXAMPLE: dict[str, Any] = {
    "action": "PLACE_ORDER",
    "order": {
        "shippingAddress": {"addressLine1": "123 Main St", "city": "San Francisco", "state": "CA", "country": "US", "postalCode": "94105"},
        "patientHealthInfo": {"allergies": "Penicillin", "healthConditions": "Hypertension", "currentMedications": "Lisinopril 10mg daily"},
        "prescriber": {
            "firstName": "John", "lastName": "Smith", "title": "Dr.", "titleSuffix": "MD", "npi": "1234567890",
            "email": "john.smith@example.com", "phoneNumber": "+1234567890",
            "address": {"addressLine1": "456 Medical Center Dr", "city": "San Francisco", "state": "CA", "country": "US", "postalCode": "94102"},
        },
        "diagnosis": "Hypertension",
        "pharmacyId": "pharmacy-123",
        "dateWritten": "2024-01-15",
        "prescriptionItems": [
            {"drugId": "drug-456", "direction": "Take 1 tablet daily with food", "quantity": "30", "refillCount": 3, "supplyDays": 30}
        ],
    },
}
OPEN_CASE_EXAMPLE: dict[str, Any] = {
    "patient": {"firstName": "Maria", "lastName": "Garcia", "dateOfBirth": "1980-04-02", "sex": "female", "email": "maria@example.com"}
}
CASE_ID_EXAMPLE = DEMO_TEST_CASE
TEST_HELPER_EXAMPLE: dict[str, Any] = {"note": "Moved from the API docs"}  # accept; `ship` takes carrier and tracking_number
