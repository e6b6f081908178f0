"""A flow, declared once: its lifecycle, its actions (with their inputs, effects and the
events they record), its documents, how its events reach partners, its name and colour."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.commerce.port import CommercePort
from carepost.core.flows.autopilot import Autopilot
from carepost.core.flows.documents import FlowDocuments
from carepost.core.flows.inputs import ActionInput, Input
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import Order
from carepost.core.orders.lifecycle import Lifecycle

if TYPE_CHECKING:  # annotations only: accounts.service itself reads the flows registry
    from carepost.core.accounts.service import Scope
    from carepost.core.fhir.source import Source


@dataclass(frozen=True)
class Ports:
    """What an effect may reach outside the database, given by whoever asks for the move."""

    commerce: CommercePort | None = None  # a masks order's mirror in the clinic's store
    actor: str = ""  # who asked for the move (set by the transition), for what the effect records itself


# An action's own work beyond the move (a label printed, stock taken off the shelf); what it
# returns rides on the recorded event. It may refuse with the flow's own error.
Effect = Callable[[AsyncSession, Order, ActionInput, Ports], Awaitable[dict[str, Any] | None]]
Offered = Callable[[AsyncSession, Order], Awaitable[bool]]
# Each input's choices on this order, for a form (the devices on the shelf to pack).
Choices = Callable[[AsyncSession, Order], Awaitable[Any]]


@dataclass(frozen=True)
class Track:
    """A state an action moves other than the order's status (a retail order's payment)."""

    name: str  # how it reads beside the status ("payment")
    lifecycle: Lifecycle
    read: Callable[[AsyncSession, Order], Awaitable[str]]
    write: Callable[[AsyncSession, Order, str], Awaitable[None]]


STATUS: Literal["status"] = "status"  # the order's own status, through the flow's lifecycle


@dataclass(frozen=True)
class Action:
    name: str
    label: str  # the console's button
    event: str | None  # recorded on the timeline, in the past tense; None: the effect records its own
    inputs: tuple[Input, ...] = ()  # besides a note, which every action takes
    effect: Effect | None = None
    track: Track | Literal["status"] | None = STATUS  # None: no table; the effect decides
    by_operator: bool = True  # False: the partner's own (a masks cancel) or the pipeline's (a cases fail)
    # A test helper may take it (core/orders/test_helpers.py); None: as operators may.
    in_sandbox: bool | None = None
    destructive: bool = False  # the console asks "are you sure" first
    offered_when: Offered | None = None  # a rule beyond the table for offering it (the order's contents)
    webhook: str | None = None  # the webhook type its event becomes, when not the flow's default
    after: Effect | None = None  # what follows the recorded event (the invoice a cancel cancels)


@dataclass(frozen=True)
class FlowSpec:
    name: str  # the order's `flow`
    dialect: str  # the partner API its orders are placed through: the order's `dialect`
    title: str  # as people read it: the console, the docs
    colour: str  # the console's chart; colour-blind safe (Okabe–Ito)
    lifecycle: Lifecycle
    actions: tuple[Action, ...]
    documents: FlowDocuments | None = None
    choices: Mapping[str, Choices] = field(default_factory=dict)  # by input name
    # The webhook type of an event of this flow, when not the common mapping (core/webhooks/types.py).
    webhook_types: Callable[[str], str | None] | None = None
    # The `change` a partner is told, where its contract's docs name it otherwise than the event.
    webhook_change: Mapping[str, str] = field(default_factory=dict)
    # The status counts' rows kept as the order moves (devices lists count by status).
    on_moved: Callable[[AsyncSession, Order, str, str], Awaitable[None]] | None = None
    account_features: frozenset[str] = frozenset()  # what the console shows on an account using it
    # Its partners name an order by its number (the contract shows numeric ids), not its public id.
    numbered: bool = False
    # How its test orders walk by themselves when the sandbox's autopilot is on (None: they do not).
    autopilot: Autopilot | None = None
    # The ids an account may name in its API, in one mode: the sandbox's catalog (core/sandbox/catalog.py).
    catalog: Callable[[AsyncSession, Scope], Awaitable[dict[str, Any]]] | None = None
    # Its orders as FHIR resources: where each resource type it serves comes from (core/<flow>/fhir.py).
    fhir: tuple[Source, ...] = ()

    def action(self, name: str) -> Action:
        found = next((a for a in self.actions if a.name == name), None)
        if found is None:
            names = ", ".join(a.name for a in self.actions if a.by_operator)
            raise InvalidInput(f"action must be one of {names}.", code="unknown_action", field="action")
        return found

    @property
    def operator_actions(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.by_operator)

    @property
    def sandbox_actions(self) -> tuple[str, ...]:
        """What a test helper may do to a test order: an operator's moves, and the pipeline's
        failures an integrator must be able to rehearse."""
        return tuple(a.name for a in self.actions if (a.by_operator if a.in_sandbox is None else a.in_sandbox))

    @property
    def tracks(self) -> tuple[Track, ...]:
        """The states its actions move besides the status, each once."""
        found: list[Track] = []
        for action in self.actions:
            if isinstance(action.track, Track) and action.track not in found:
                found.append(action.track)
        return tuple(found)
