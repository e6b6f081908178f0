"""The registry: every dialect this Carepost serves, each declared once in its own package
(`dialects/<name>/dialect.py`, which names its core flow, `core/<flow>/flow.py`).

Registering one gives it everything the app iterates: its routers and surfaces in the app,
its operator actions in the console, the operator API and the CLI, its webhooks, its
worker handlers, its name and colour in the overview (docs/adding-a-dialect.md). A fifth
dialect is one more line in INSTALLED.
"""

from __future__ import annotations

from carepost.core.flows import registry as core_flows
from carepost.core.webhooks.publishing import register_renderer, unregister_renderer
from carepost.dialects.cases.dialect import DIALECT as CASES
from carepost.dialects.devices.dialect import DIALECT as DEVICES
from carepost.dialects.masks.dialect import DIALECT as MASKS
from carepost.dialects.pharmacy.dialect import DIALECT as PHARMACY
from carepost.http.dialect import Dialect

INSTALLED = (MASKS, DEVICES, PHARMACY, CASES)

_DIALECTS: dict[str, Dialect] = {}


def register(dialect: Dialect) -> None:
    """Make a dialect known to the core and to whatever is built after: an app, a worker."""
    core_flows.register(dialect.flow)
    register_renderer(dialect.name, dialect.renderer)
    _DIALECTS[dialect.name] = dialect


def unregister(dialect: Dialect) -> None:
    """For a test that registered a dialect of its own."""
    _DIALECTS.pop(dialect.name, None)
    unregister_renderer(dialect.name)
    core_flows.unregister(dialect.flow.name)


def dialects() -> tuple[Dialect, ...]:
    return tuple(_DIALECTS.values())


for _installed in INSTALLED:
    register(_installed)
