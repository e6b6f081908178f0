"""Core problems -> the devices contract's messages, status codes and error envelope.

Contract 002 lists its 400 messages verbatim; each core code maps to exactly
one of them. The envelope is the one the contract's Spring-style API
answers with (docs/devices.md):
`{"timestamp", "status", "error", "message", "path", "requestId", "errors"?}`.
"""

from __future__ import annotations

from http import HTTPStatus

from starlette.responses import Response

from carepost.core.kit.clock import iso_millis, utcnow
from carepost.http.json_response import JSONResponse
from carepost.http.problems import STATUS_BY_KIND, Problem

INVALID_DATA = "Invalid data provided"

MESSAGES = {
    # Request format
    "invalid_json": "Invalid JSON format",
    "validation_error": INVALID_DATA,
    "invalid_data": INVALID_DATA,
    "invalid_characters": INVALID_DATA,
    # Order structure
    "order_empty": "Order must contain at least one of: orderItems, orderKits, returnItems, returnDevices, or returnPackedKits",
    "shipping_option_required": "shippingOption is required when emailLabel is false and return items are included",
    "patient_or_site_required": "patient or site required",
    # Inventory and items
    "insufficient_inventory": "insufficient_inventory",
    "items_not_orderable": "Order contains Items that are marked as non-orderable. Order cannot be placed.",
    "item_not_orderable": "item_not_orderable",
    # Loaner kits
    "max_one_loaner_kit": "max_one_loaner_kit",
    "qty_over_one_loaner_kit": "qty_over_one_loaner_kit",
    "no_returns_with_loaner_kit": "no_returns_with_loaner_kit",
    "no_loaner_kit_to_site": "no_loaner_kit_to_site",
    # Returns
    "device_in_returned_kit": "Device cannot be included both as a return device and in a packed kit",
    # Patient and site
    "patient_does_not_exist": "patient_does_not_exist",
    "invalid_order": "invalid_order",
    # New patients (and the patient and site endpoints, which share the rules)
    "patient_required": "Patient required",
    "patient_first_name_blank": "Must provide a non-blank string for firstName.",
    "patient_last_name_blank": "Must provide a non-blank string for lastName.",
    "patient_address_missing": "Must provide an Address for Patient.",
    "site_not_found": "Site {site_id} not found",
    "site_not_active": "Site {site_id} not active",
    "site_unidentified": "Unable to find the Site provided.",
    "address_line_one_missing": "Must provide a Line One value in the Address.",
    "address_city_missing": "Must provide a City value in the Address.",
    "address_state_missing": "Must provide a State value in the Address.",
    "address_country_missing": "Must provide a Country value in the Address.",
    "address_zip_missing": "Must provide a Zip Code value in the Address.",
    # Credentials and permissions
    "missing_api_key": "Missing, invalid, or expired authentication token",
    "invalid_api_key": "Missing, invalid, or expired authentication token",
    "conflicting_credentials": "Missing, invalid, or expired authentication token",
    "dialect_disabled": "The requested feature has been disabled.",
    "read_only_key": "The requested resource is forbidden.",
}

# Where the contract puts a problem under another status than its family's usual one.
_STATUS_BY_CODE = {
    "patient_does_not_exist": 400,  # listed under 400 in contract 002
    "idempotency_key_mismatch": 422,  # the IETF Idempotency-Key draft's answer
}

# Any other refusal of a known caller (a live key on a sandbox helper) is Spring's plain denial.
ACCESS_DENIED = "Access Denied"


def status_for(problem: Problem) -> int:
    return _STATUS_BY_CODE.get(problem.code) or STATUS_BY_KIND.get(problem.kind, 500)


def message_for(problem: Problem) -> str:
    template = MESSAGES.get(problem.code)
    if template is not None:
        try:
            return template.format(**problem.details)
        except KeyError:  # a detail the message names is missing: say it without
            return problem.message
    if problem.kind == "forbidden":
        return ACCESS_DENIED
    return problem.message


def render(problem: Problem, request_id: str, path: str) -> Response:
    status = status_for(problem)
    body: dict[str, object] = {
        "timestamp": iso_millis(utcnow()),
        "status": status,
        "error": HTTPStatus(status).phrase,
        "message": message_for(problem),
        "path": path,
        "requestId": request_id,
    }
    if problem.fields:
        body["errors"] = [{"field": wire_field(f.field), "message": f.message} for f in problem.fields]
    return JSONResponse(body, status_code=status)


def wire_field(name: str) -> str:
    """A field as this API spells it: `address.zip_code` (the core's name) is `address.zipCode`."""
    return ".".join(_camel(part) for part in name.split("."))


def _camel(part: str) -> str:
    head, *rest = part.split("_")
    return head + "".join(word[:1].upper() + word[1:] for word in rest)
