"""The CFDI's Receptor, checked before anything is built: the RFC by python-stdnum,
the postal code, régimen and use against SAT's catalogues (satcfdi's copy), and
use and régimen against each other and the RFC's kind (sat_rules.py).

Each refusal names its field. A receiver that sends no `cfdi_use` or `fiscal_regime`
(contract 001's create has neither) gets the issuer's defaults: a régimen by the
RFC's kind, and the default use, or S01 where the default is not allowed with that
régimen (docs/pharmacy.md, "Invoicing").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from satcfdi import catalogs
from stdnum.exceptions import ValidationError
from stdnum.mx import rfc as mx_rfc

from carepost.core.invoicing import sat_rules
from carepost.core.kit.errors import InvalidInput


@dataclass(frozen=True)
class InvoicingIn:
    """Contract 001's INVOICING object."""

    full_name: str
    email: str
    rfc: str
    street: str
    exterior_number: str
    neighborhood: str
    city: str
    state: str
    country: str
    zipcode: str
    cfdi_use: str | None = None
    fiscal_regime: str | None = None


@dataclass(frozen=True)
class ReceiverDefaults:
    cfdi_use: str = "G03"  # gastos en general
    regime_individual: str = "612"  # personas físicas con actividades empresariales y profesionales
    regime_company: str = "601"  # general de ley, personas morales
    issuer_postal_code: str | None = None  # the generic RFCs' DomicilioFiscalReceptor


@dataclass(frozen=True)
class Receiver:
    """What the CFDI's Receptor says, and where the invoice goes."""

    rfc: str
    name: str
    postal_code: str  # DomicilioFiscalReceptor
    fiscal_regime: str
    cfdi_use: str
    email: str
    address: dict[str, str]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_receiver(given: InvoicingIn, defaults: ReceiverDefaults, *, field: str = "invoicing") -> Receiver:
    rfc = given.rfc.strip().upper()
    if rfc in sat_rules.GENERIC_RFCS:
        return _generic(given, rfc, defaults, field)
    _check_rfc(rfc, field)
    _check_postal_code(given.zipcode, field)
    person = sat_rules.person_of(rfc)
    regime = given.fiscal_regime or (defaults.regime_individual if person == sat_rules.INDIVIDUAL else defaults.regime_company)
    _check_regime(regime, person, field)
    use = given.cfdi_use or _default_use(defaults.cfdi_use, person, regime)
    _check_use(use, person, regime, field)
    return Receiver(rfc, given.full_name, given.zipcode, regime, use, given.email, _address(given))


def _generic(given: InvoicingIn, rfc: str, defaults: ReceiverDefaults, field: str) -> Receiver:
    if given.fiscal_regime not in (None, sat_rules.GENERIC_REGIME):
        raise InvalidInput(f"The generic RFC {rfc} is invoiced with régimen {sat_rules.GENERIC_REGIME}.", field=f"{field}.fiscal_regime")
    if given.cfdi_use not in (None, sat_rules.GENERIC_USE):
        raise InvalidInput(f"The generic RFC {rfc} is invoiced with CFDI use {sat_rules.GENERIC_USE}.", field=f"{field}.cfdi_use")
    _check_postal_code(given.zipcode, field)
    return Receiver(
        rfc=rfc,
        name=sat_rules.GENERIC_RFCS[rfc] or given.full_name,
        postal_code=defaults.issuer_postal_code or given.zipcode,
        fiscal_regime=sat_rules.GENERIC_REGIME,
        cfdi_use=sat_rules.GENERIC_USE,
        email=given.email,
        address=_address(given),
    )


def _check_rfc(rfc: str, field: str) -> None:
    try:
        mx_rfc.validate(rfc, validate_check_digits=True)
    except ValidationError:
        raise InvalidInput(
            "Enter a valid RFC: 12 characters for a company, 13 for a person, or XAXX010101000 for the general public.",
            field=f"{field}.rfc",
        ) from None
    if len(rfc) not in (12, 13):  # stdnum also accepts a person's 10-character RFC without homoclave
        raise InvalidInput("Enter the RFC with its homoclave: 12 characters for a company, 13 for a person.", field=f"{field}.rfc")


def _check_postal_code(zipcode: str, field: str) -> None:
    if catalogs.select("C756_c_CodigoPostal", zipcode) is None:
        raise InvalidInput(f"{zipcode} is not a postal code in SAT's catalogue (c_CodigoPostal).", field=f"{field}.zipcode")


def _check_regime(regime: str, person: str, field: str) -> None:
    if catalogs.select("C756_c_RegimenFiscal", regime) is None or regime not in sat_rules.REGIME_PERSONS:
        raise InvalidInput(f"{regime} is not a régimen fiscal in SAT's catalogue (c_RegimenFiscal).", field=f"{field}.fiscal_regime")
    if person not in sat_rules.REGIME_PERSONS[regime]:
        raise InvalidInput(f"Régimen {regime} is not for a persona {person} (a {_rfc_length(person)}-character RFC).", field=f"{field}.fiscal_regime")


def _check_use(use: str, person: str, regime: str, field: str) -> None:
    if catalogs.select("C756_c_UsoCFDI", use) is None or use not in sat_rules.USE_RULES:
        raise InvalidInput(f"{use} is not a CFDI use in SAT's catalogue (c_UsoCFDI).", field=f"{field}.cfdi_use")
    persons, regimes = sat_rules.USE_RULES[use]
    if person not in persons:
        only = " and ".join(_PLURAL[p] for p in sorted(persons))
        raise InvalidInput(f"CFDI use {use} is only for {only}.", field=f"{field}.cfdi_use")
    if regime not in regimes:
        raise InvalidInput(f"CFDI use {use} cannot be used with régimen {regime}.", field=f"{field}.cfdi_use")


def _default_use(default: str, person: str, regime: str) -> str:
    persons, regimes = sat_rules.USE_RULES.get(default, (frozenset(), frozenset()))
    return default if person in persons and regime in regimes else sat_rules.GENERIC_USE


_PLURAL = {sat_rules.INDIVIDUAL: "personas físicas", sat_rules.COMPANY: "personas morales"}


def _rfc_length(person: str) -> int:
    return 13 if person == sat_rules.INDIVIDUAL else 12


def _address(given: InvoicingIn) -> dict[str, str]:
    keys = ("street", "exterior_number", "neighborhood", "city", "state", "country", "zipcode")
    return {key: getattr(given, key) for key in keys}
