"""Reading a PLACE_ORDER body field by field, as contract 003 words its refusals:
one sentence naming the field (`firstName is required`), the first one found.

The contract names fields by their own name; where the same name appears in two
places (an address's fields), the message names its object too
(`shippingAddress.state must be a valid US state abbreviation`). Every message is
listed in docs/cases.md.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from carepost.core.cases import rules
from carepost.core.kit.errors import InvalidInput

MAX_TEXT = 500
MAX_LONG_TEXT = 5000


class Fields:
    """One JSON object being read; `where` prefixes the names of address fields."""

    def __init__(self, value: Any, name: str, *, where: str = "") -> None:
        if not isinstance(value, dict):
            raise refusal(f"{name} must be an object")
        self.value, self.where = value, where

    def _label(self, key: str) -> str:
        return f"{self.where}{key}"

    def text(self, key: str, *, required: bool = True, max_length: int = MAX_TEXT) -> str | None:
        value = self.value.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise refusal(f"{self._label(key)} is required")
            return None
        if not isinstance(value, str):
            raise refusal(f"{self._label(key)} must be a string")
        if len(value) > max_length:
            raise refusal(f"{self._label(key)} is too long (at most {max_length} characters)")
        return value.strip()

    def whole_number(self, key: str, *, low: int, high: int) -> int | None:
        value = self.value.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise refusal(f"{self._label(key)} must be a whole number from {low} to {high}")
        return value

    def day(self, key: str) -> date | None:
        value = self.text(key, required=False, max_length=10)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise refusal(f"{key} must be a date (YYYY-MM-DD)") from None

    def obj(self, key: str, *, required: bool = True) -> Fields | None:
        value = self.value.get(key)
        if value is None:
            if required:
                raise refusal(f"{self._label(key)} is required")
            return None
        return Fields(value, self._label(key))


def refusal(message: str) -> InvalidInput:
    return InvalidInput(message, code="invalid_request")


def address(fields: Fields | None, name: str) -> dict[str, str] | None:
    """An address object, its state, country and postal code checked by the contract's rules."""
    if fields is None:
        return None
    at = Fields(fields.value, name, where=f"{name}.")
    line1, line2 = at.text("addressLine1"), at.text("addressLine2", required=False)
    city, state, country, postal = at.text("city"), at.text("state"), at.text("country"), at.text("postalCode")
    assert state is not None and country is not None and postal is not None
    state_code = rules.state_code(state)
    if state_code is None:
        raise refusal(f"{name}.state must be a valid US state abbreviation")
    country_code = rules.country_code(country)
    if country_code is None:
        raise refusal(f"{name}.country must be exactly 2 characters")
    if not rules.postal_code_valid(postal):
        raise refusal(f"{name}.postalCode must be exactly 5 digits")
    found = {"addressLine1": line1, "addressLine2": line2, "city": city, "state": state_code, "country": country_code, "postalCode": postal}
    return {k: v for k, v in found.items() if v is not None}


def quantity(value: str, label: str) -> str:
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise refusal(f"{label} must be a positive number") from None
    if not amount.is_finite() or amount <= 0:
        raise refusal(f"{label} must be a positive number")
    return value
