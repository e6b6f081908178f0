"""What a clinic may hand the lookups: a FUPC, a GS1 UDI (bracketed or as a
scanner reads it), a `SCAN_…` or an `ORD_…` id. Pure; GS1 parsing is biip's.

biip reports a wrong GTIN check digit as data (`gtin_error`, or an element
string without a `gtin`), not as an exception: both are checked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import biip
from biip.gs1_messages import GS1Message

from carepost.core.kit.errors import InvalidInput
from carepost.core.manufacturing.udi import element_string

_FUPC = re.compile(r"[A-Za-z0-9]{7}")
_SCAN_ID = re.compile(r"SCAN_\d{13}_[a-z0-9]{9}")
_ORDER_ID = re.compile(r"ORD_\d{10}")


@dataclass(frozen=True)
class Gs1Udi:
    gtin: str
    lot: str
    production_date: date | None
    element_string: str


@dataclass(frozen=True)
class ParsedBarcode:
    raw: str
    kind: str  # fupc, gs1, scan_id, order_id
    fupc: str | None = None
    scan_id: str | None = None
    order_id: str | None = None
    gs1: Gs1Udi | None = None


def parse_fupc(value: str, *, field: str = "fupc") -> str:
    value = value.strip()
    if not _FUPC.fullmatch(value):
        raise InvalidInput("The FUPC must be 7 alphanumeric characters.", field=field)
    return value.upper()


def parse_barcode(value: str, *, field: str = "barcode") -> ParsedBarcode:
    raw = value
    value = value.strip()
    if not value:
        raise InvalidInput("The barcode is empty.", field=field)
    if _SCAN_ID.fullmatch(value):
        return ParsedBarcode(raw=raw, kind="scan_id", scan_id=value)
    if _ORDER_ID.fullmatch(value):
        return ParsedBarcode(raw=raw, kind="order_id", order_id=value)
    if _FUPC.fullmatch(value):
        return ParsedBarcode(raw=raw, kind="fupc", fupc=value.upper())
    udi = _gs1(value, field=field)
    return ParsedBarcode(raw=raw, kind="gs1", fupc=udi.lot, gs1=udi)


def _gs1(value: str, *, field: str) -> Gs1Udi:
    """A bracketed element string, or a raw scan (GS separators, symbology prefix)."""
    if value.startswith("("):
        try:
            message = GS1Message.parse_hri(value)
        except Exception:
            raise InvalidInput("The barcode is not a GS1 element string this lookup understands.", field=field) from None
    else:
        try:
            result = biip.parse(value)
        except (biip.ParseError, ValueError, IndexError):
            # Found by schemathesis: "]" plus a character that is no symbology code is a ParseError,
            # and a lone "]" an IndexError inside biip. Untrusted input is refused, never a 500.
            result = None
        if result is None or result.gs1_message is None:
            raise InvalidInput(
                "The barcode is neither a FUPC, a GS1 UDI, a SCAN_… id nor an ORD_… id.", field=field
            )
        message = result.gs1_message
    by_ai = {element.ai.ai: element for element in message.element_strings}
    gtin_element, lot_element = by_ai.get("01"), by_ai.get("10")
    if gtin_element is None or lot_element is None:
        raise InvalidInput("The GS1 barcode must carry a GTIN (01) and a lot (10).", field=field)
    if gtin_element.gtin is None:
        raise InvalidInput("The GS1 barcode's GTIN (01) has a wrong check digit.", field=field)
    lot = parse_fupc(lot_element.value, field=field)
    produced = by_ai.get("11")
    production_date = produced.date if produced is not None else None
    text = (
        element_string(gtin=gtin_element.value, production_date=production_date, fupc=lot)
        if production_date
        else f"(01){gtin_element.value}(10){lot}"
    )
    return Gs1Udi(gtin=gtin_element.value, lot=lot, production_date=production_date, element_string=text)
