"""The printed UDI label of a mask, as an SVG: the product, its GS1-128 barcode (python-barcode
encodes the FNC1 and the check digits) with the element string under it, and the FUPC."""

from __future__ import annotations

import io
from datetime import date
from xml.etree import ElementTree

import barcode
from barcode.writer import SVGWriter

from carepost.core.manufacturing.udi import element_string

_SVG = "http://www.w3.org/2000/svg"
ElementTree.register_namespace("", _SVG)


def label_svg(*, product_name: str, gtin: str, production_date: date, fupc: str) -> bytes:
    human = element_string(gtin=gtin, production_date=production_date, fupc=fupc)
    data = human.replace("(", "").replace(")", "")  # the application identifiers, as the symbol encodes them
    drawn = io.BytesIO()
    barcode.get_barcode_class("gs1_128")(data, writer=SVGWriter()).write(
        drawn, options={"module_width": 0.25, "module_height": 14, "quiet_zone": 4, "write_text": False}
    )
    symbol = ElementTree.fromstring(drawn.getvalue())
    symbol.set("x", "2mm")
    symbol.set("y", "11mm")
    label = ElementTree.Element(f"{{{_SVG}}}svg", {"width": "90mm", "height": "36mm", "version": "1.1"})
    # No viewBox: every length carries its unit (python-barcode draws in mm too).
    ElementTree.SubElement(label, f"{{{_SVG}}}rect", {"width": "100%", "height": "100%", "fill": "white", "stroke": "black", "stroke-width": "1"})
    _text(label, product_name, y=6, size=4)
    _text(label, f"FUPC {fupc} · made {production_date.isoformat()}", y=10, size=3)
    label.append(symbol)
    _text(label, human, y=32, size=3)  # the human-readable line, with its application identifiers
    return ElementTree.tostring(label, encoding="utf-8", xml_declaration=True)


def _text(parent: ElementTree.Element, value: str, *, y: float, size: float) -> None:
    text = ElementTree.SubElement(parent, f"{{{_SVG}}}text", {"x": "4mm", "y": f"{y}mm", "font-family": "DejaVu Sans, sans-serif", "font-size": f"{size}mm"})
    text.text = value
