"""The codes the tenant file gives are the resources' codings (RxNorm, NDC, GTIN); names stay as text."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from carepost.tenant_file.apply import model as tenant_model
from tests.fhir.helpers import cases_orders, devices_orders, every_match, pharmacy_orders


def codings(concept: dict) -> dict[str, str]:
    return {c["system"]: c["code"] for c in concept.get("coding", [])}


async def test_drugs_carry_their_rxnorm_and_ndc_and_items_their_gtin(client, db, settings):
    cases = await cases_orders(client, db, settings)
    [prescribed] = await every_match(client, "MedicationRequest", cases.keys["test"])
    assert codings(prescribed["medicationCodeableConcept"]) == {
        "http://www.nlm.nih.gov/research/umls/rxnorm": "314076",
        "http://hl7.org/fhir/sid/ndc": "0093-7663-56",
    }
    assert prescribed["medicationCodeableConcept"]["text"] == "Lisinopril 10 mg tablet"

    pharmacy = await pharmacy_orders(client, db, settings)
    [sold] = await every_match(client, "MedicationRequest", pharmacy.keys["test"])  # the antibiotic; the gauze needs no prescription
    assert codings(sold["medicationCodeableConcept"])["http://www.nlm.nih.gov/research/umls/rxnorm"] == "308182"

    devices = await devices_orders(client, db, settings)
    requested = await every_match(client, "DeviceRequest", devices.keys["test"])
    strips = next(r for r in requested if r["codeCodeableConcept"]["text"] == "Test strips")
    kit = next(r for r in requested if r["codeCodeableConcept"]["text"] == "Starter kit")
    assert codings(strips["codeCodeableConcept"])["https://www.gs1.org/gtin"] == "00614141000012"
    assert "coding" not in kit["codeCodeableConcept"]  # no code given: text only, nothing invented


@pytest.mark.parametrize("bad", [{"gtin": "00614141000013"}, {"gtin": "123"}, {"gtin": "0061414100001x"}, {"rxnorm": "RX1"}])
def test_a_tenant_file_with_a_bad_gtin_or_rxcui_is_refused(bad):
    item = {"sku": "X-1", "name": "X", "model": "x", "manufacturer": "Acme", **bad}
    with pytest.raises(ValidationError) as refused:
        tenant_model().model_validate({"catalog": {"items": [item]}})
    assert refused.value.errors()[0]["loc"][-1] == next(iter(bad))
