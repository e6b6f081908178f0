"""Prescriber identifiers, checked as their registries define them.

- NPI (CMS): ten digits, the last a Luhn check digit computed over the card-issuer
  prefix 80840 followed by the first nine — `stdnum.luhn` over "80840" + NPI.
- DEA (21 CFR 1301; the DEA's published check): two letters (a registrant type, then
  the registrant's last initial or 9), seven digits; the sum of digits 1, 3 and 5,
  plus twice the sum of digits 2, 4 and 6, ends in digit 7. python-stdnum has no DEA
  module, so this check is written here, from that definition.

A strict check that the contract's own example fails (NPI 1234567890) is a warning
on the order, not a refusal (docs/cases.md, "Prescribers").
"""

from __future__ import annotations

import re

from stdnum import luhn
from stdnum.exceptions import ValidationError

_NPI_PREFIX = "80840"
_DEA = re.compile(r"^[A-Z][A-Z9][0-9]{7}$")


def npi_valid(npi: str) -> bool:
    if not npi_well_formed(npi):
        return False
    try:
        luhn.validate(_NPI_PREFIX + npi)
    except ValidationError:
        return False
    return True


def npi_well_formed(npi: str) -> bool:
    """Ten digits: what every NPI is, before its check digit is considered."""
    return re.fullmatch(r"[0-9]{10}", npi) is not None


def dea_valid(dea: str) -> bool:
    dea = dea.upper()
    if not _DEA.fullmatch(dea):
        return False
    digits = [int(c) for c in dea[2:]]
    total = digits[0] + digits[2] + digits[4] + 2 * (digits[1] + digits[3] + digits[5])
    return total % 10 == digits[6]
