"""The cases contract's field rules, as predicates (docs/cases.md, "Validation").

- state: a US state's two-letter abbreviation, from the `us` package's list: the 50
  states, DC, and the five inhabited territories (PR, VI, GU, AS, MP), where US
  pharmacies ship; any case is read (`ca` is CA). Military codes (AA, AE, AP) are not.
- country: exactly two letters, upper-cased as the contract says it will be.
- postalCode: exactly five digits.
- email: email-validator's syntax check (no DNS lookup).
- phone: phonenumbers parses it as a possible number (E.164 with its +, or a US
  number without one). The contract's own example, +1234567890, is not a possible
  number: accepted, with a warning on the order (the project's rule for examples).
"""

from __future__ import annotations

import re

import phonenumbers
import us
from email_validator import EmailNotValidError, validate_email

STATE_CODES = frozenset({s.abbr for s in us.states.STATES_AND_TERRITORIES} | {us.states.DC.abbr})
_POSTAL_CODE = re.compile(r"[0-9]{5}")  # ASCII digits: \d would take any script's


def state_code(value: str) -> str | None:
    code = value.strip().upper()
    return code if code in STATE_CODES else None


def country_code(value: str) -> str | None:
    code = value.strip().upper()
    return code if len(code) == 2 and code.isascii() and code.isalpha() else None


def postal_code_valid(value: str) -> bool:
    return _POSTAL_CODE.fullmatch(value) is not None


def email_valid(value: str) -> bool:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def phone_shape_valid(value: str) -> bool:
    """A phone number's shape: an optional +, then 7 to 15 digits (spaces, dots, dashes and
    parentheses allowed between them)."""
    digits = re.sub(r"[\s().-]", "", value)
    return re.fullmatch(r"\+?[0-9]{7,15}", digits) is not None


def phone_possible(value: str) -> bool:
    """Stricter: phonenumbers finds a possible number for a real country plan."""
    try:
        number = phonenumbers.parse(value, "US")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_possible_number(number)
