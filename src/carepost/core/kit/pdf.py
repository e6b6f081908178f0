"""HTML to PDF with WeasyPrint, for every document Carepost draws (a CFDI, a prescription).

One font configuration per thread, kept: WeasyPrint makes a new one for each document unless
given one, and each kept about 0.2 MiB for good (a worker drawing a few PDFs a second grew by
8-12 MiB a minute in the soak; with one kept, not at all). Per thread, as renders run in
`asyncio.to_thread` and a configuration is not made to be shared between threads."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import weasyprint
from weasyprint.text.fonts import FontConfiguration

_local = threading.local()


def html_to_pdf(html: str, *, stylesheets: Sequence[weasyprint.CSS] = ()) -> bytes:
    fonts = getattr(_local, "fonts", None)
    if fonts is None:
        fonts = _local.fonts = FontConfiguration()
    return weasyprint.HTML(string=html).write_pdf(stylesheets=list(stylesheets), font_config=fonts)
