"""The cases contract's field rules and prescriber identifiers, without a database."""

from __future__ import annotations

import pytest

from carepost.core.cases import rules
from carepost.core.cases.prescribers import dea_valid, npi_valid, npi_well_formed


@pytest.mark.parametrize(("given", "expected"), [("CA", "CA"), ("ny", "NY"), (" TX ", "TX"), ("DC", "DC"), ("PR", "PR"), ("GU", "GU")])
def test_state_codes_accepted(given, expected):
    assert rules.state_code(given) == expected


@pytest.mark.parametrize("given", ["XX", "California", "AE", "C", "", "CAL", "ZZ"])
def test_state_codes_refused(given):
    assert rules.state_code(given) is None


@pytest.mark.parametrize(("given", "expected"), [("US", "US"), ("us", "US"), ("mx", "MX"), ("USA", None), ("U", None), ("1A", None), ("ÜS", None)])
def test_country_codes(given, expected):
    assert rules.country_code(given) == expected


@pytest.mark.parametrize(("given", "ok"), [("94105", True), ("00501", True), ("9410", False), ("941055", False), ("94-05", False), ("9410a", False),
    ("９４１０５", False)])
def test_postal_codes(given, ok):
    assert rules.postal_code_valid(given) is ok


@pytest.mark.parametrize(("given", "ok"), [("john.smith@example.com", True), ("a@b.co", True), ("john.smith", False), ("@example.com", False),
    ("a b@example.com", False)])
def test_emails(given, ok):
    assert rules.email_valid(given) is ok


@pytest.mark.parametrize(
    ("given", "shape", "possible"),
    [("+1234567890", True, False), ("+14155550123", True, True), ("(415) 555-0123", True, True), ("555", False, False), ("call me", False, False)],
)
def test_phone_numbers(given, shape, possible):
    assert rules.phone_shape_valid(given) is shape
    assert rules.phone_possible(given) is possible


def test_npi_by_luhn_over_80840():
    assert npi_valid("1234567893")  # CMS's published example
    assert not npi_valid("1234567890") and npi_well_formed("1234567890")  # the contract's example: a warning, not a refusal
    assert not npi_valid("123456789") and not npi_well_formed("12345678901")


@pytest.mark.parametrize(("given", "ok"), [("AB1234563", True), ("ab1234563", True), ("BJ6125341", True), ("A91234563", True), ("AB1234567", False),
    ("AB123456", False), ("1B1234563", False)])
def test_dea_numbers(given, ok):
    assert dea_valid(given) is ok
