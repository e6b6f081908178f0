"""The devices dialect (contracts 002 and 004): device logistics — orders, kits, returns."""

from __future__ import annotations

from carepost.core.logistics.flow import FLOW
from carepost.dialects.devices import people, tenant, webhook_data
from carepost.dialects.devices.router import router
from carepost.dialects.devices.surface import SURFACE
from carepost.http.dialect import Dialect

DIALECT = Dialect(
    flow=FLOW, routers=(people.router, router), surfaces=(SURFACE,), renderer=webhook_data.order_data, worker_handlers=None, tenant=tenant.SECTION
)
