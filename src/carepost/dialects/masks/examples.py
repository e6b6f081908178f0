"""The masks API's example bodies and error words, as the OpenAPI document shows them: contract
000's create example, without its `secret_key` (Authorize with the key instead, as "Try it out"
sends it); each operation's errors as the contract's "Errors" lists say them."""

from __future__ import annotations

from typing import Any

CREATE_ORDER: dict[str, Any] = {
    "patient_email": "patient@example.com", "patient_name": "Jane Doe", "phone": "+15551234567", "mask_type": "cpap",
    "shipping_address": {
        "first_name": "Jane", "last_name": "Doe", "address1": "123 Main Street", "address2": "Apt 4", "city": "Portland",
        "province": "Oregon", "country": "United States", "country_code": "US", "zip": "97201",
    },
    "forge_sends_email_to_client": False,
}
CANCEL_ORDER: dict[str, Any] = {"reason": "Patient changed their mind", "partner_reference": "CANCEL-1001"}
ADVANCE_TEST_ORDER: dict[str, Any] = {"action": "complete_scan"}


INVALID_KEY = "invalid or revoked API key"
CREATE_ERRORS = {
    401: "invalid or revoked secret_key",
    400: "validation error (missing address fields, etc.)",
    403: "mask_type not allowed for your clinic",
    409: "idempotency_key reused by another key",
    422: "clinic not configured (missing FormFit variant, Shopify ordering disabled, or contact email not set)",
    502: "Shopify order creation failed",
}
STATUS_ERRORS = {401: INVALID_KEY, 404: "unknown id, another clinic's order, or an order not placed with this API key"}
CANCEL_ERRORS = {
    401: INVALID_KEY,
    404: "unknown order, another clinic's order, or not placed with this API key",
    409: "scan upload complete, production or print jobs started, or order shipped",
}
FUPC_ERRORS = {401: INVALID_KEY, 400: "FUPC is not 7 alphanumeric characters", 404: "unknown FUPC, or mask belongs to another clinic"}
BARCODE_ERRORS = {401: INVALID_KEY, 400: "missing or invalid barcode / request_type", 404: "unknown barcode, or mask belongs to another clinic"}

FUPC_LOOKUP: dict[str, Any] = {"fupc": "A1B2C3D", "request_type": "summary"}
BARCODE_LOOKUP: dict[str, Any] = {"barcode": "A1B2C3D", "request_type": "summary"}
PATIENT_EMAIL: dict[str, Any] = {
    "subject": "Your {{mask_product_name}}: a short scan",
    "text": "Hello {{patient_first_name}},\n\n{{clinic_name}} ordered your mask. Please scan: {{scan_upload_url}}",
}
