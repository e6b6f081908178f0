"""What the console's overview shows: every flow's orders by status, live and test."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.operators.repository import OperatorRepository

FLOWS = ("masks", "devices", "pharmacy", "cases")


@dataclass(frozen=True)
class FlowCounts:
    flow: str
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


async def order_counts(session: AsyncSession, *, mode: str) -> list[FlowCounts]:
    """Orders per flow (every flow, those with none too) and status, in one mode."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for flow, status, count in await OperatorRepository(session).order_counts(mode=mode):
        counts[flow][status] = count
    return [FlowCounts(flow, dict(sorted(counts[flow].items()))) for flow in FLOWS]
