"""The devices contract's documented object shapes, to check responses against."""

from __future__ import annotations

from typing import Any

ORDER_FIELDS = {
    "currentStatus", "devices", "emailLabel", "externalOrderIds", "id", "orderEvents", "orderItems", "orderKits",
    "orderNotes", "packedKits", "patient", "returnDevices", "returnItems", "returnPackedKits", "shippingOption",
    "site", "trackingNumbers",
}
PATIENT_FIELDS = {
    "firstName", "lastName", "address", "archived", "dateOfBirth", "email", "enrolled", "externalIdentifier", "id",
    "phoneNumber", "sex", "site",
}
SITE_FIELDS = {"active", "address", "id", "name", "phoneNumber"}
ADDRESS_FIELDS = {"city", "country", "lineOne", "state", "zipCode", "lineThree", "lineTwo", "note"}
ITEM_FIELDS = {"id", "manufacturer", "model", "name", "orderable", "sku"}
KIT_FIELDS = {"archived", "id", "kitItems", "name"}
DEVICE_FIELDS = {
    "currentPatient", "currentStatus", "deviceEvents", "deviceIdentifiers", "disabledReadings", "externalIdentifier",
    "id", "item", "lastHealthCheck", "site", "used",
}
PAGE_FIELDS = {"content", "first", "last", "page", "size", "total"}
ERROR_FIELDS = {"timestamp", "status", "error", "message", "path", "requestId"}


def assert_error(response: Any, status: int, message: str) -> None:
    body = response.json()
    assert response.status_code == status, response.text
    assert body["message"] == message, body
    assert ERROR_FIELDS <= set(body) and body["status"] == status
