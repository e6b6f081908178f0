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
