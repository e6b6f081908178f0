"""What an invoice leaves behind: the stamped XML and its PDF (satcfdi's renderer,
through WeasyPrint), kept through the document-storage port."""

from __future__ import annotations

from satcfdi import render
from satcfdi.cfdi import CFDI


def render_pdf(stamped_xml: bytes) -> bytes:
    return render.pdf_bytes(CFDI.from_string(stamped_xml))


def storage_keys(account_id: int, order_public_id: str, uuid: str) -> tuple[str, str]:
    base = f"invoices/{account_id}/{order_public_id}/{uuid}"
    return f"{base}.xml", f"{base}.pdf"
