"""The masks API's example bodies, as the OpenAPI document shows them and "Try it out" sends
them: contract 000's create example, without its `secret_key` (Authorize with the key instead)."""

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
