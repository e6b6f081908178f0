"""Each flow's way of showing an order in its webhook events, registered with the core
(core/webhooks/publishing.py) by whatever runs the core: the app, the worker, the CLI."""

from __future__ import annotations

from carepost.core.webhooks.publishing import register_renderer
from carepost.dialects.cases import webhook_data as cases
from carepost.dialects.devices import webhook_data as devices
from carepost.dialects.masks import webhook_data as masks
from carepost.dialects.pharmacy import webhook_data as pharmacy


def install() -> None:
    register_renderer("masks", masks.order_data)
    register_renderer("devices", devices.order_data)
    register_renderer("pharmacy", pharmacy.order_data)
    register_renderer("cases", cases.order_data)
