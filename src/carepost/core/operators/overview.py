"""What the console's overview shows: every flow's orders by status and per day, and what
needs someone: failing webhook endpoints, stuck outbox messages, invoices that failed to stamp."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.flows.registry import dialects
from carepost.core.models import Invoice, WebhookEndpoint
from carepost.core.operators.repository import OperatorRepository

DAYS_CHARTED = 14
# The worker takes a due message within seconds; one still waiting after this is stuck
# (its handler keeps failing, or no worker runs).
STUCK_AFTER = timedelta(minutes=10)
ROWS_SHOWN = 10


@dataclass(frozen=True)
class FlowCounts:
    flow: str
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True)
class DayCounts:
    day: date
    by_flow: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_flow.values())


@dataclass(frozen=True)
class StuckTopic:
    topic: str
    count: int
    oldest: datetime


@dataclass(frozen=True)
class Attention:
    failing_endpoints: list[tuple[WebhookEndpoint, str, str]]  # with the account's name and slug
    stuck_outbox: list[StuckTopic]
    failed_invoices: list[tuple[Invoice, str, str]]  # with the order's public id and the account's name

    @property
    def stuck_count(self) -> int:
        return sum(topic.count for topic in self.stuck_outbox)


async def order_counts(session: AsyncSession, *, mode: str) -> list[FlowCounts]:
    """Orders per flow (every flow, those with none too) and status, in one mode."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for flow, status, count in await OperatorRepository(session).order_counts(mode=mode):
        counts[flow][status] = count
    return [FlowCounts(flow, dict(sorted(counts[flow].items()))) for flow in dialects()]


async def daily_orders(session: AsyncSession, *, mode: str, today: date) -> list[DayCounts]:
    """Orders placed per UTC day and flow, the last DAYS_CHARTED days, oldest first (days with none too)."""
    first = today - timedelta(days=DAYS_CHARTED - 1)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for day, flow, count in await OperatorRepository(session).daily_counts(mode=mode, since=datetime.combine(first, time.min, UTC)):
        counts[day][flow] = count
    days = [first + timedelta(days=n) for n in range(DAYS_CHARTED)]
    return [DayCounts(day, {flow: counts[day.isoformat()].get(flow, 0) for flow in dialects()}) for day in days]


def last_seven_days(days: Sequence[DayCounts]) -> dict[str, int]:
    """Each flow's orders in the last seven of `daily_orders`' days: what the overview calls this week."""
    return {flow: sum(day.by_flow[flow] for day in days[-7:]) for flow in dialects()}


async def attention(session: AsyncSession, *, now: datetime) -> Attention:
    repository = OperatorRepository(session)
    return Attention(
        failing_endpoints=await repository.failing_endpoints(limit=ROWS_SHOWN),
        stuck_outbox=[StuckTopic(*row) for row in await repository.stuck_outbox(available_before=now - STUCK_AFTER)],
        failed_invoices=await repository.failed_invoices(limit=ROWS_SHOWN),
    )
