"""The masks dialect (contract 000): made-to-measure CPAP masks, with the patient's scan portal."""

from __future__ import annotations

from carepost.core.manufacturing.flow import FLOW
from carepost.dialects.masks import lookups, ops, tenant, webhook_data
from carepost.dialects.masks.portal.router import router as portal_router
from carepost.dialects.masks.router import router
from carepost.dialects.masks.surface import PORTAL_SURFACE, SURFACE
from carepost.http.dialect import Dialect

DIALECT = Dialect(
    flow=FLOW,
    routers=(lookups.router, router, portal_router),
    surfaces=(SURFACE, PORTAL_SURFACE),
    renderer=webhook_data.order_data,
    worker_handlers=None,
    ops_routers=(ops.router,),
    tenant=tenant.SECTION,
)
