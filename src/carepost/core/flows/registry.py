"""The flows this Carepost knows. `carepost/flows.py` registers them at start-up, each with
its dialect's HTTP half; the core looks a flow up by an order's `flow` or `dialect`."""

from __future__ import annotations

from collections.abc import Iterable

from carepost.core.flows.spec import FlowSpec

_FLOWS: dict[str, FlowSpec] = {}


def register(flow: FlowSpec) -> None:
    known = _FLOWS.get(flow.name)
    if known is not None and known is not flow:
        raise ValueError(f"Flow {flow.name!r} is registered already.")
    if any(other.dialect == flow.dialect and other is not flow for other in _FLOWS.values()):
        raise ValueError(f"Dialect {flow.dialect!r} is registered already.")
    _FLOWS[flow.name] = flow


def unregister(name: str) -> None:
    """For tests that register a flow of their own."""
    _FLOWS.pop(name, None)


def flows() -> tuple[FlowSpec, ...]:
    if not _FLOWS:
        raise LookupError("No flow is registered: import carepost.flows first.")
    return tuple(_FLOWS.values())


def flow_of(name: str) -> FlowSpec:
    try:
        return _FLOWS[name]
    except KeyError:
        raise LookupError(f"Flow {name!r} is not registered (carepost/flows.py).") from None


def by_dialect(dialect: str) -> FlowSpec:
    found = next((flow for flow in flows() if flow.dialect == dialect), None)
    if found is None:
        raise LookupError(f"Dialect {dialect!r} is not registered (carepost/flows.py).")
    return found


def dialects() -> tuple[str, ...]:
    return tuple(flow.dialect for flow in flows())


def features_of(dialects: Iterable[str]) -> frozenset[str]:
    """What the console shows on an account using these dialects (a masks clinic's e-mail template)."""
    using = set(dialects)
    return frozenset(feature for flow in flows() if flow.dialect in using for feature in flow.account_features)


def statuses() -> list[str]:
    """Every status an order of any flow can be in, sorted (the console's status filter)."""
    return sorted({state for flow in flows() for state in flow.lifecycle.states})
