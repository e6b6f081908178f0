"""Checks on contact details shared by every dialect.

A check stricter than a contract's own examples (the seed phone +1234567890,
or +15551234567, a fictional 555 number) cannot reject them: such numbers
pass with a warning recorded on the order. Only what is not a phone number at
all is refused.
"""

from __future__ import annotations

import phonenumbers

from carepost.core.kit.errors import InvalidInput


def phone_warnings(phone: str) -> list[str]:
    """Warnings for a plausible phone number; InvalidInput for anything else."""
    try:
        parsed = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        raise InvalidInput("Must be a phone number in international format, such as +15551234567.") from None
    if not phonenumbers.is_possible_number(parsed):
        raise InvalidInput("Must be a phone number in international format, such as +15551234567.")
    if not phonenumbers.is_valid_number(parsed):
        return ["phone_not_assigned: the phone number is possible but not a known assigned number"]
    return []
