"""What an invoice leaves behind: the stamped XML and its PDF (satcfdi's renderer,
through WeasyPrint), kept through the document-storage port."""

from __future__ import annotations

import weasyprint
from satcfdi import render
from satcfdi.cfdi import CFDI

from carepost.core.kit.pdf import html_to_pdf

# A sandbox stamp is worthless to SAT; its PDF says so on every page, in the top margin.
SANDBOX_MARK = weasyprint.CSS(
    string='@page { @top-center { content: "SANDBOX DE CAREPOST — SIN VALIDEZ FISCAL"; color: #b00020; '
    'font: bold 10pt sans-serif; } }'
)


def render_pdf(stamped_xml: bytes, *, sandbox: bool) -> bytes:
    stylesheets = [render.PDF_CSS, *([SANDBOX_MARK] if sandbox else [])]
    return html_to_pdf(render.html_str(CFDI.from_string(stamped_xml)), stylesheets=stylesheets)


def storage_keys(account_id: int, order_public_id: str, uuid: str) -> tuple[str, str]:
    base = f"invoices/{account_id}/{order_public_id}/{uuid}"
    return f"{base}.xml", f"{base}.pdf"
