"""Checks on contact details shared by every dialect.

A check stricter than a contract's own examples cannot reject them: the seed
phone +1234567890 is too short for its country and +15551234567 is a
fictional 555 number, yet both must be accepted. They pass with a warning
recorded on the order; only what does not parse as a phone number is refused.
"""

from __future__ import annotations

import phonenumbers

from carepost.core.kit.errors import InvalidInput


def phone_warnings(phone: str, *, field: str = "phone", code: str | None = None) -> list[str]:
    """Warnings for a plausible phone number; InvalidInput (naming `field`) for anything else."""
    refusal = "Must be a phone number in international format, such as +15551234567."
    try:
        parsed = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        raise InvalidInput(refusal, code=code, field=field) from None
    if not phonenumbers.is_possible_number(parsed):
        return ["phone_implausible: the phone number has the wrong length for its country"]
    if not phonenumbers.is_valid_number(parsed):
        return ["phone_not_assigned: the phone number is not a known assigned number"]
    return []
