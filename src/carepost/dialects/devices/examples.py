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
