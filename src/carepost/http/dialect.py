"""A dialect, declared once by its own package (`dialects/<name>/dialect.py`): the core flow
it speaks for, and its HTTP half — routers, surfaces, the partner's view of an order in
webhooks — plus what its orders need from the worker. `carepost/flows.py` registers them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastapi import APIRouter

from carepost.core.flows.spec import FlowSpec
from carepost.core.outbox.relay import Handler
from carepost.core.webhooks.publishing import OrderRenderer
from carepost.http.surfaces import Surface
from carepost.tenant_file.sections import TenantSection

if TYPE_CHECKING:
    from carepost.config import Settings
    from carepost.core.kit.db import Database
    from carepost.core.notifications.mail import MailPort


@dataclass(frozen=True)
class WorkerContext:
    """What a dialect's worker handlers are built from."""

    db: Database
    settings: Settings
    mail: Callable[[str], MailPort] | None = None  # tests give their own; else the settings' SMTP


@dataclass(frozen=True)
class Dialect:
    flow: FlowSpec
    routers: tuple[APIRouter, ...]
    surfaces: tuple[Surface, ...]
    renderer: OrderRenderer  # the order as its partner sees it: its webhooks' `data`, the console's view
    # Outbox topics its orders publish and who handles them (an invoice to stamp, a prescription to
    # store); None, said out loud, for a flow whose work ends with the request.
    worker_handlers: Callable[[WorkerContext], Mapping[str, Handler]] | None
    tenant: TenantSection | None  # its keys in the tenant file (tenant_file/sections.py); None: it has none
    ops_routers: tuple[APIRouter, ...] = field(default=())  # its own operator routes under /api/ops/v1

    @property
    def name(self) -> str:
        return self.flow.dialect
