"""The small FHIR data types every mapping builds (references, identifiers, names, addresses),
as plain dicts: a search page or an export of 100,000 orders is rendered without a model per
resource. The tests validate every resource served with fhir.resources' R4B models."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

# The identifier systems Carepost names (docs/fhir.md); the rest are HL7's own.
CAREPOST = "https://carepost.dev/fhir"
ORDER_ID = f"{CAREPOST}/sid/order-id"  # ORD_…, every flow's public id
ORDER_NUMBER = f"{CAREPOST}/sid/order-number"  # the number devices' and the pharmacy's partners use
PATIENT_ID = f"{CAREPOST}/sid/patient-id"  # a devices or pharmacy patient's id in those APIs
PATIENT_EXTERNAL_ID = f"{CAREPOST}/sid/patient-external-id"  # the partner's own identifier for its patient
CASE_ID = f"{CAREPOST}/sid/case-id"  # a cases API case (a UUID)
ACCOUNT = f"{CAREPOST}/sid/account"  # an account's slug
NPI = "http://hl7.org/fhir/sid/us-npi"
DEA = "urn:oid:2.16.840.1.113883.4.814"  # the DEA registration number's OID
NDC = "http://hl7.org/fhir/sid/ndc"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
GTIN = "https://www.gs1.org/gtin"
SKU = f"{CAREPOST}/sid/sku"
DEVICE_EXTERNAL_ID = f"{CAREPOST}/sid/device-external-id"  # a serialized unit's externalIdentifier (devices API)
FULFILLMENT_CODE = f"{CAREPOST}/sid/fulfillment-site-code"
GS1_ISSUER = "http://hl7.org/fhir/NamingSystem/gs1-di"  # who issued a UDI's device identifier
STORE_CODE = f"{CAREPOST}/sid/store-code"
PHARMACY_CODE = f"{CAREPOST}/sid/pharmacy-code"  # the cases API's pharmacyId
ERROR_CODE = f"{CAREPOST}/CodeSystem/error"


def ref(resource_type: str, resource_id: str, display: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"reference": f"{resource_type}/{resource_id}"}
    if display:
        found["display"] = display
    return found


def identifier(system: str, value: str | int | None) -> list[dict[str, Any]]:
    """A one-item list, or none when there is no value (FHIR has no empty strings)."""
    return [{"system": system, "value": str(value)}] if value not in (None, "") else []


def coding(system: str, code: str | None, display: str | None = None) -> list[dict[str, Any]]:
    if not code:
        return []
    found: dict[str, Any] = {"system": system, "code": code}
    if display:
        found["display"] = display
    return [found]


def concept(text: str | None, *codings: list[dict[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    codes = [c for group in codings for c in group]
    if codes:
        found["coding"] = codes
    if text:
        found["text"] = text
    return found


def human_name(first: str | None, last: str | None) -> list[dict[str, Any]]:
    name: dict[str, Any] = {}
    if last and last.strip():
        name["family"] = last.strip()
    if first and first.strip():
        name["given"] = first.split()
    text = " ".join(part.strip() for part in (first, last) if part and part.strip())
    if text:
        name["text"] = text
    return [name] if name else []


def name_text(text: str | None) -> list[dict[str, Any]]:
    """A name given whole (a masks order's patient_name): kept as text, not guessed apart."""
    return [{"text": text.strip()}] if text and text.strip() else []


def telecom(email: str | None, phone: str | None) -> list[dict[str, Any]]:
    found = [{"system": "phone", "value": phone}] if phone else []
    return found + ([{"system": "email", "value": email}] if email else [])


def address(lines: list[str | None], *, city: str | None, state: str | None, postal_code: str | None, country: str | None) -> list[dict[str, Any]]:
    found: dict[str, Any] = {}
    kept = [line for line in lines if line and line.strip()]
    for key, value in (("line", kept), ("city", city), ("state", state), ("postalCode", postal_code), ("country", country)):
        if value:
            found[key] = value
    return [found] if found else []


def gender(sex: str | None) -> str:
    """administrative-gender: male | female | other | unknown."""
    value = (sex or "").lower()
    return value if value in ("male", "female", "other") else "unknown"


def instant(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def day(value: date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value or None


def meta(last_updated: datetime | None) -> dict[str, Any]:
    return {"meta": {"lastUpdated": instant(last_updated)}} if last_updated else {}


def resource(resource_type: str, resource_id: str, *, last_updated: datetime | None = None, **fields: Any) -> dict[str, Any]:
    """A resource with its type and id first, and no field left empty (FHIR forbids empty values)."""
    found: dict[str, Any] = {"resourceType": resource_type, "id": resource_id, **meta(last_updated)}
    found.update({key: value for key, value in fields.items() if value not in (None, "", [], {})})
    return found


_LINE_KEYS = ("line_one", "line_two", "line_three", "addressLine1", "addressLine2", "address1", "address2", "street", "interior_number")
_POSTAL_KEYS = ("zip_code", "postalCode", "zip", "zipcode")


def one_address(stored: dict[str, Any] | None) -> dict[str, Any] | None:
    """For a resource that has one address, not a list (a Location)."""
    found = address_of(stored)
    return found[0] if found else None


def address_of(stored: dict[str, Any] | None) -> list[dict[str, Any]]:
    """An address as any flow stores it (devices' `line_one`, cases' `addressLine1`, masks' Shopify-shaped `address1`)."""
    if not stored:
        return []
    return address(
        [stored.get(key) for key in _LINE_KEYS],
        city=stored.get("city"),
        state=stored.get("state") or stored.get("province"),
        postal_code=next((stored[key] for key in _POSTAL_KEYS if stored.get(key)), None),
        country=stored.get("country_code") or stored.get("country"),
    )
