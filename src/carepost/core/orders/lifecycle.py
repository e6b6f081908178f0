"""Order lifecycles as pure transition tables: (state, action) -> next state.

No database, no clock: `Lifecycle.next` either names the next state or raises
`TransitionNotAllowed`. Each flow declares its own table in its own package
(core/<flow>/lifecycle.py); core/orders/transitions.py moves orders by them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


class TransitionNotAllowed(Exception):
    def __init__(self, flow: str, state: str, action: str) -> None:
        super().__init__(f"{flow}: cannot {action} from {state}")
        self.flow, self.state, self.action = flow, state, action


@dataclass(frozen=True)
class Lifecycle:
    flow: str  # the orders' `flow` it moves
    initial: str
    transitions: Mapping[tuple[str, str], str]

    @property
    def states(self) -> frozenset[str]:
        return frozenset({self.initial, *(s for s, _ in self.transitions), *self.transitions.values()})

    def allows(self, state: str, action: str) -> bool:
        return (state, action) in self.transitions

    def actions_from(self, state: str) -> tuple[str, ...]:
        """What may happen next, in the table's order."""
        return tuple(action for (from_state, action) in self.transitions if from_state == state)

    def next(self, state: str, action: str) -> str:
        try:
            return self.transitions[(state, action)]
        except KeyError:
            raise TransitionNotAllowed(self.flow, state, action) from None
