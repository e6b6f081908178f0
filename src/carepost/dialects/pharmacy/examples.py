"""The pharmacy API's example bodies, with the demo's user, product and payment method, so
"Try it out" works against `bin/demo` (obtain a token first, then Authorize with it)."""

from __future__ import annotations

from typing import Any

from carepost.demo.ids import DEMO_PAYMENT_METHOD, DEMO_PRODUCT

TOKEN: dict[str, Any] = {"email": "compras@farmacia-centro.example", "password": "demo-contraseña-1234"}
SHIPPING: dict[str, Any] = {
    "street": "Av. Reforma", "exterior_number": "222", "neighborhood": "Juárez", "city": "Ciudad de México",
    "state": "CDMX", "country": "México", "zipcode": "06600", "phone": "+525512345678",
}
CREATE_ORDER: dict[str, Any] = {
    "user": {"email": "ana.lopez@example.mx", "phone": "+525512345678", "first_name": "Ana", "last_name": "López"},
    "order": {"details": [{"product": DEMO_PRODUCT, "quantity": 2}], "payment_method": DEMO_PAYMENT_METHOD, "shipping": SHIPPING},
}

# Contract 001's words for its errors, where it gives them.
TOKEN_ERRORS = {401: "Unauthorized: the given email/password pair is not correct."}
CREATE_ERRORS = {
    400: "Bad Request: this response may be the result if any value from the payload is missing or incorrect, and the "
    "service will respond with the corresponding message explaining the error.",
}

PATCH_ORDER: dict[str, Any] = {"details": [{"product": DEMO_PRODUCT, "quantity": 3}]}
REQUEST_INVOICE: dict[str, Any] = {
    "invoicing": {
        "full_name": "Ana López", "email": "ana.lopez@example.mx", "rfc": "XAXX010101000", "street": "Av. Reforma",
        "exterior_number": "222", "neighborhood": "Juárez", "city": "Ciudad de México", "state": "CDMX", "country": "México",
        "zipcode": "06600",
    }
}
TEST_HELPER: dict[str, Any] = {"note": "Moved from the API docs"}  # approve; `dispatch` takes carrier and tracking_number
