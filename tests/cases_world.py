"""An organization with the cases API, made through the tenant file: a live and a test
case, the contract example's pharmacy-123 and drug-456, a controlled drug, an inactive
pharmacy and drug; and a second organization with a case of its own (for the 403)."""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass
from typing import Any

from carepost.core.kit.db import Database
from carepost.dialects.cases.bodies import PLACE_ORDER_EXAMPLE
from carepost.tenant_file.apply import apply
from carepost.tenant_file.apply import model as tenant_model

ADDRESS = {"addressLine1": "1 Market St", "city": "San Francisco", "state": "CA", "country": "US", "postalCode": "94105"}

# Contract 003's example request, as written (the demo prints it too).
EXAMPLE_ORDER: dict[str, Any] = PLACE_ORDER_EXAMPLE


def example(**order_changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(EXAMPLE_ORDER)
    body["order"].update(order_changes)
    return body


@dataclass
class CasesWorld:
    tag: str
    live_key: str
    test_key: str
    live_case: str
    test_case: str
    other_case: str  # another organization's
    controlled_drug: str

    def headers(self, mode: str = "live") -> dict[str, str]:
        return {"cv-api-key": self.live_key if mode == "live" else self.test_key}


async def cases_world(db: Database, secret_key: str) -> CasesWorld:
    tag = uuid.uuid4().hex[:8]
    patient = {"firstName": "Maria", "lastName": "Garcia", "dateOfBirth": "1980-04-02", "sex": "female", "email": "maria@example.com",
        "phoneNumber": "+14155550123", "address": ADDRESS}
    tenant = tenant_model().model_validate(
        {
            "pharmacies": [{"code": "pharmacy-123", "name": "Bay Pharmacy"}, {"code": f"closed-{tag}", "name": "Closed", "active": False}],
            "drugs": [
                {"code": "drug-456", "name": "Lisinopril", "strength": "10 mg", "form": "tablet", "ndc": "0093-7663-56", "rxnorm": "314076"},
                {"code": f"oxy-{tag}", "name": "Oxycodone", "strength": "5 mg", "form": "tablet", "controlled": True, "schedule": "II"},
                {"code": f"old-{tag}", "name": "Discontinued", "active": False},
            ],
            "accounts": [
                {
                    "slug": f"org-{tag}", "name": f"Telehealth {tag}", "dialects": ["cases"],
                    "keys": [{"name": "main", "mode": "live"}, {"name": "main", "mode": "test"}],
                    "cases": [{"mode": "live", "patient": patient}, {"mode": "test", "patient": patient}],
                },
                {
                    "slug": f"other-{tag}", "name": f"Other {tag}", "dialects": ["cases"], "keys": [{"name": "main", "mode": "live"}],
                    "cases": [{"mode": "live", "patient": patient}],
                },
            ],
        }
    )
    mine, other = await apply(db, tenant, secret_key=secret_key)
    keys = {k.mode: k.secret for k in mine.keys}
    cases = {c["mode"]: c["id"] for c in mine.sections["cases"]["cases"]}
    return CasesWorld(tag, keys["live"], keys["test"], cases["live"], cases["test"], other.sections["cases"]["cases"][0]["id"], f"oxy-{tag}")
