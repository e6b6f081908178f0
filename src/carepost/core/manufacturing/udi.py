"""The FormFit UDI: GS1 element string `(01)<GTIN>(11)<YYMMDD>(10)<FUPC>`."""

from __future__ import annotations

from datetime import date


def element_string(*, gtin: str, production_date: date, fupc: str) -> str:
    """The human-readable form printed under the label's barcode."""
    return f"(01){gtin}(11){production_date:%y%m%d}(10){fupc}"
