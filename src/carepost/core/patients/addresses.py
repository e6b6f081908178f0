"""The postal address of a patient or site, and what it must contain."""

from __future__ import annotations

from typing import Any

from carepost.core.kit.errors import InvalidInput

ADDRESS_REQUIRED = (
    ("line_one", "address_line_one_missing"),
    ("city", "address_city_missing"),
    ("state", "address_state_missing"),
    ("country", "address_country_missing"),
    ("zip_code", "address_zip_missing"),
)
ADDRESS_FIELDS = ("line_one", "line_two", "line_three", "city", "state", "zip_code", "country", "note")


def blank(value: str | None) -> bool:
    return value is None or not value.strip()


def check_address(address: dict[str, Any] | None) -> dict[str, Any]:
    """The address with every known field (missing optional ones as None), or the first thing missing."""
    if not address:
        raise InvalidInput("An address is required.", code="patient_address_missing", field="address")
    for key, code in ADDRESS_REQUIRED:
        if blank(address.get(key)):
            raise InvalidInput(f"The address needs {key}.", code=code, field=f"address.{key}")
    return {key: address.get(key) for key in ADDRESS_FIELDS}
