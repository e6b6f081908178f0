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


@pytest.mark.parametrize(
    ("path", "method", "status", "words"),
    [
        ("/api/partner/v1/orders", "post", "422", "clinic not configured"),
        ("/api/partner/v1/orders", "post", "409", "idempotency_key reused by another key"),
        ("/api/partner/v1/orders/{vitacore_order_id}/cancel", "post", "409", "scan upload complete"),
        ("/api/partner/v1/fupc/lookup", "get", "400", "FUPC is not 7 alphanumeric characters"),
        ("/api/v1/cases/{case_id}", "post", "403", "case does not belong to the organization"),
        ("/api/v3/order", "post", "403", "Access Denied"),
        ("/api/token/", "post", "401", "email/password pair is not correct"),
    ],
)
async def test_documented_errors_are_described_in_the_contracts_own_words(document, path, method, status, words):
    assert words in document["paths"][path][method]["responses"][status]["description"]


async def test_every_json_request_body_has_an_example(document):
    missing = [
        f"{method.upper()} {path}"
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if "application/json" in operation.get("requestBody", {}).get("content", {})
        and "example" not in operation["requestBody"]["content"]["application/json"]
    ]
    assert missing == []
