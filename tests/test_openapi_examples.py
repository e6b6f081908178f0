"""The OpenAPI document a generator and "Try it out" can trust: every security scheme says what
it takes, the cases bodies are typed, and each example is valid against its own schema."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from carepost.dialects.cases import bodies as cases_bodies
from carepost.dialects.devices.schemas import CreateOrderIn as DevicesCreateOrderIn
from carepost.dialects.masks.schemas import CreateOrderIn as MasksCreateOrderIn
from carepost.dialects.pharmacy.schemas import CreateOrderIn as PharmacyCreateOrderIn
from carepost.dialects.pharmacy.schemas import TokenIn


@pytest.fixture(scope="module")
async def document(app) -> dict:
    return app.openapi()


async def test_every_security_scheme_says_what_it_takes(document):
    schemes = document["components"]["securitySchemes"]
    assert len(schemes) >= 9 and all(scheme.get("description") for scheme in schemes.values())


async def test_the_cases_bodies_are_typed(document):
    for path, model in (("/api/v1/cases/{case_id}", "CasesPlaceOrderIn"), ("/api/v1/cases", "CasesOpenCaseIn")):
        body = document["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        assert body["schema"] == {"$ref": f"#/components/schemas/{model}"}
        assert document["components"]["schemas"][model]["properties"]


@pytest.mark.parametrize(
    ("path", "model"),
    [
        ("/api/partner/v1/orders", MasksCreateOrderIn), ("/api/v3/order", DevicesCreateOrderIn),
        ("/api/orders/resources/", PharmacyCreateOrderIn), ("/api/token/", TokenIn),
        ("/api/v1/cases/{case_id}", cases_bodies.CasesPlaceOrderIn), ("/api/v1/cases", cases_bodies.CasesOpenCaseIn),
    ],
)
async def test_each_example_is_valid_against_its_own_model(document, path: str, model: type[BaseModel]):
    example = document["paths"][path]["post"]["requestBody"]["content"]["application/json"]["example"]
    model.model_validate(example)
    assert "secret_key" not in example  # Try it out sends the key from Authorize, never a placeholder


def test_two_models_of_one_name_are_refused():
    from carepost.http import openapi

    class Address(BaseModel):
        street: str

    schemas: dict = {"Address": {"properties": {"lineOne": {}, "city": {}}}}
    with pytest.raises(ValueError, match="Two models are named Address"):
        openapi._component(schemas, Address)
