"""Which receivers may use which CFDI 4.0 keys: the columns of SAT's catalogues that
satcfdi does not ship.

Source: SAT, Anexo 20 (CFDI 4.0), catálogo catCFDI_V_4 — c_RegimenFiscal (columns
"Física" and "Moral") and c_UsoCFDI (columns "Aplica para tipo persona Física / Moral"
and "Régimen Fiscal Receptor"). The descriptions, and whether a key exists at all,
come from satcfdi's copy of the same catalogues (core/invoicing/receiver.py).
"""

from __future__ import annotations

INDIVIDUAL = "física"  # a 13-character RFC
COMPANY = "moral"  # a 12-character RFC

# c_RegimenFiscal: who may be in each régimen.
REGIME_PERSONS: dict[str, frozenset[str]] = {
    "601": frozenset({COMPANY}),
    "603": frozenset({COMPANY}),
    "605": frozenset({INDIVIDUAL}),
    "606": frozenset({INDIVIDUAL}),
    "607": frozenset({INDIVIDUAL}),
    "608": frozenset({INDIVIDUAL}),
    "610": frozenset({INDIVIDUAL, COMPANY}),
    "611": frozenset({INDIVIDUAL}),
    "612": frozenset({INDIVIDUAL}),
    "614": frozenset({INDIVIDUAL}),
    "615": frozenset({INDIVIDUAL}),
    "616": frozenset({INDIVIDUAL}),
    "620": frozenset({COMPANY}),
    "621": frozenset({INDIVIDUAL}),
    "622": frozenset({COMPANY}),
    "623": frozenset({COMPANY}),
    "624": frozenset({COMPANY}),
    "625": frozenset({INDIVIDUAL}),
    "626": frozenset({INDIVIDUAL, COMPANY}),
    "628": frozenset({COMPANY}),
    "629": frozenset({INDIVIDUAL}),
    "630": frozenset({INDIVIDUAL}),
}

_BUSINESS = frozenset({"601", "603", "606", "612", "620", "621", "622", "623", "624", "625", "626"})
_DEDUCTIONS = frozenset({"605", "606", "607", "608", "611", "612", "614", "615", "625"})
_EVERYONE = frozenset(
    {"601", "603", "605", "606", "607", "608", "610", "611", "612", "614", "615", "616", "620", "621", "622", "623", "624", "625", "626"}
)
_BOTH = frozenset({INDIVIDUAL, COMPANY})
_INDIVIDUALS = frozenset({INDIVIDUAL})

# c_UsoCFDI: (who may use it, the receiver régimenes it may be used with).
USE_RULES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "G01": (_BOTH, _BUSINESS),
    "G02": (_BOTH, _BUSINESS | {"616"}),
    "G03": (_BOTH, _BUSINESS),
    **{f"I0{n}": (_BOTH, _BUSINESS) for n in range(1, 9)},
    **{f"D{n:02d}": (_INDIVIDUALS, _DEDUCTIONS) for n in range(1, 11)},
    "S01": (_BOTH, _EVERYONE),
    "CP01": (_BOTH, _EVERYONE),
    "CN01": (_INDIVIDUALS, frozenset({"605"})),
}

# SAT's generic RFCs: the general public, and a foreign receiver without a Mexican RFC.
# Both are invoiced with régimen 616, use S01, and the issuer's own postal code
# (Anexo 20, guía de llenado: "DomicilioFiscalReceptor" and "RegimenFiscalReceptor").
GENERIC_RFCS = {"XAXX010101000": "PUBLICO EN GENERAL", "XEXX010101000": None}
GENERIC_REGIME = "616"
GENERIC_USE = "S01"


def person_of(rfc: str) -> str:
    return INDIVIDUAL if len(rfc) == 13 else COMPANY
