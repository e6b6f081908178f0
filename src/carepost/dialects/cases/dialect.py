"""The cases dialect (contract 003): a pharmacy network that fills telehealth prescriptions."""

from __future__ import annotations

from carepost.core.cases.flow import FLOW
from carepost.dialects.cases import ops, tenant, test_helpers, webhook_data, worker
from carepost.dialects.cases.router import router
from carepost.dialects.cases.surface import SURFACE
from carepost.http.dialect import Dialect

DIALECT = Dialect(
    flow=FLOW, routers=(router, test_helpers.router), surfaces=(SURFACE,), renderer=webhook_data.order_data,
    worker_handlers=worker.handlers, ops_routers=(ops.router,), tenant=tenant.SECTION,
)
