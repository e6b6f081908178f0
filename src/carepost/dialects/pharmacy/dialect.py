"""The pharmacy dialect (contract 001): an online pharmacy in Mexico, with CFDI 4.0 invoices."""

from __future__ import annotations

from carepost.core.retail.flow import FLOW
from carepost.dialects.pharmacy import tenant, test_helpers, webhook_data, worker
from carepost.dialects.pharmacy.router import router
from carepost.dialects.pharmacy.surface import SURFACE
from carepost.http.dialect import Dialect

DIALECT = Dialect(
    flow=FLOW, routers=(router, test_helpers.router), surfaces=(SURFACE,), renderer=webhook_data.order_data, worker_handlers=worker.handlers,
    tenant=tenant.SECTION,
)
