"""Parsing what a clinic scans or types into the lookups."""

from __future__ import annotations

from datetime import date

import pytest

from carepost.core.kit.errors import InvalidInput
from carepost.core.manufacturing.barcodes import parse_barcode, parse_fupc

HRI = "(01)00628678429093(11)260610(10)F4F0J5K"
GS = "\x1d"


@pytest.mark.parametrize(
    "raw",
    [
        HRI,
        "]d201006286784290931126061010F4F0J5K",  # GS1 DataMatrix symbology prefix
        "01006286784290931126061010F4F0J5K",  # plain, fixed-length AIs first
        f"{GS}010062867842909310F4F0J5K{GS}11260610",  # lot first, GS-separated
    ],
)
def test_gs1_forms_resolve_to_the_same_udi(raw):
    parsed = parse_barcode(raw)

    assert parsed.kind == "gs1"
    assert parsed.fupc == "F4F0J5K"
    assert parsed.gs1.gtin == "00628678429093"
    assert parsed.gs1.production_date == date(2026, 6, 10)
    assert parsed.gs1.element_string == HRI


def test_ids_and_fupcs():
    assert parse_barcode("SCAN_1779902370302_hzebwhy8e").scan_id == "SCAN_1779902370302_hzebwhy8e"
    assert parse_barcode("ORD_5678901234").order_id == "ORD_5678901234"
    assert parse_barcode(" o0r7t9e ").fupc == "O0R7T9E"
    assert parse_fupc("o0r7t9e") == "O0R7T9E"


@pytest.mark.parametrize("raw", ["O0R7T9", "O0R7T9EX", "O0R-T9E", "", "       "])
def test_bad_fupcs(raw):
    with pytest.raises(InvalidInput):
        parse_fupc(raw)


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("(01)00628678429094(11)260610(10)F4F0J5K", "check digit"),
        ("01006286784290941126061010F4F0J5K", "check digit"),
        ("(01)00628678429093(11)260610", "lot (10)"),
        ("hello world", "neither"),
        ("(99)nonsense", "GTIN (01)"),
        ("(01)0062867842909", "GS1 element string"),
        ("", "empty"),
    ],
)
def test_bad_barcodes_say_why(raw, why):
    with pytest.raises(InvalidInput) as refused:
        parse_barcode(raw)
    assert why in refused.value.message


@pytest.mark.parametrize("raw", ["]\u0089", "]", "]d2", "]C1\x1d"])
def test_a_broken_symbology_identifier_is_refused_not_a_crash(raw):
    with pytest.raises(InvalidInput):
        parse_barcode(raw)
