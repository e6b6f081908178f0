"""How a flow's test orders walk by themselves when their account turns the sandbox's
autopilot on (core/sandbox/autopilot.py runs it): where the walk starts, its happy path, and
the detours a magic e-mail tag chooses — like Stripe's test cards, one per unhappy path
(`jane+rescan@example.com` takes the masks `rescan` detour; docs/sandbox.md lists them)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from carepost.core.flows.inputs import ActionInput
from carepost.core.models import Order


@dataclass(frozen=True)
class Step:
    action: str
    given: Callable[[Order], ActionInput] | None = None  # the inputs the move needs (a tracking number)

    def input_for(self, order: Order) -> ActionInput:
        return self.given(order) if self.given else ActionInput()


@dataclass(frozen=True)
class Autopilot:
    starts_after: str  # the event after which the walk begins (`placed`; a cases order's `sent_to_pharmacy`)
    path: tuple[Step, ...]  # the happy path; a step the order's state does not offer is passed by
    detours: Mapping[str, tuple[Step, ...]] = field(default_factory=dict)  # by e-mail tag: an unhappy path instead

    def steps(self, tag: str | None) -> tuple[Step, ...]:
        return self.detours.get(tag or "", self.path)


def steps(*actions: str) -> tuple[Step, ...]:
    return tuple(Step(action) for action in actions)


def test_tracking_number(order: Order) -> str:
    """A sandbox shipment's tracking number: USPS-shaped, made from the order's number."""
    return f"9400{order.id:018d}"[:22]


def email_tag(email: str | None) -> str | None:
    """`tag` in `name+tag@domain`, lower-cased; None without one."""
    local = (email or "").partition("@")[0]
    return local.partition("+")[2].lower() or None
