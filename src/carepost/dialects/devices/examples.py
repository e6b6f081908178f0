"""The devices API's example bodies: contract 002's patient order, with the demo's test patient
and starter kit in place of its empty objects, so "Try it out" works against `bin/demo`."""

from __future__ import annotations

from typing import Any

from carepost.demo.ids import DEMO_KIT, DEMO_TEST_PATIENT

CREATE_ORDER: dict[str, Any] = {
    "emailLabel": False,
    "externalOrderIds": ["xyz_123_0"],
    "orderItems": [],
    "orderKits": [{"count": 1, "kit": {"id": DEMO_KIT}}],
    "orderNotes": [],
    "patient": {"id": DEMO_TEST_PATIENT},
    "returnDevices": [],
    "returnItems": [],
    "returnPackedKits": [],
    "shippingOption": "standard",
}

# Contract 002's words for its create's errors (each message is listed in docs/devices.md).
CREATE_ERRORS = {
    400: "Bad Request: the order's structure, inventory and items, loaner kit rules, returns, patient or site, a new patient, "
    "or the request's format (\"Invalid JSON format\", \"Invalid data provided\")",
    401: "Unauthorized: missing, invalid, or expired authentication token",
    403: "Forbidden: \"Access Denied\", \"The requested feature has been disabled.\", or \"The requested resource is forbidden.\"",
}

ADDRESS: dict[str, Any] = {"lineOne": "18 NE Alberta St", "city": "Portland", "state": "OR", "zipCode": "97211", "country": "US"}
PATIENT: dict[str, Any] = {"firstName": "Ada", "lastName": "Lovelace", "address": ADDRESS, "sex": "female", "externalIdentifier": "NW-2001"}
SITE: dict[str, Any] = {"name": "Northwind Westside Clinic", "address": ADDRESS, "phoneNumber": "+15035550111"}
TEST_HELPER: dict[str, Any] = {"note": "Moved from the API docs"}  # reconfirm_address; `ship` also takes tracking_numbers
