"""The events API's log: every webhook event of an account and mode, newest first, kept for
a while (`CAREPOST_WEBHOOK_EVENT_RETENTION_DAYS`, core/retention), read back page by page — the recovery path
when a partner's receiver missed deliveries, and what `carepost listen` follows.

Paging is Stripe's: a page of at most `limit` events, newest first; `starting_after=<id>`
gives the older ones that follow it, `ending_before=<id>` the newer ones just before it.
Ids only grow, so a reader that keeps asking `ending_before=<the newest it has>` sees every
new event once, in order, with no gap (docs/sandbox.md, "The events API").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.kit.clock import as_utc
from carepost.core.kit.errors import InvalidInput, NotFound
from carepost.core.models import WebhookEvent
from carepost.core.webhooks.event_log_repository import EventLogRepository, EventQuery


@dataclass(frozen=True)
class EventFilters:
    type: str | None = None  # a type, or a family ending in `.*` (`case.order.*`)
    order: str | None = None  # the order's id as its API shows it
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class EventPage:
    events: list[WebhookEvent]  # newest first
    has_more: bool  # more events past this page, in the direction it was asked for
    order_names: dict[int, str]  # each event's order, as its API shows it


@dataclass(frozen=True)
class LoggedEvent:
    event: WebhookEvent
    order_name: str | None


async def page(
    session: AsyncSession, *, scope: Scope, filters: EventFilters, limit: int,
    starting_after: str | None = None, ending_before: str | None = None,
) -> EventPage:
    if starting_after and ending_before:
        raise InvalidInput("Give starting_after or ending_before, not both.", code="conflicting_cursors", field="ending_before")
    repository = EventLogRepository(session)
    query = EventQuery(
        scope=scope, type=filters.type, order=filters.order, since=as_utc(filters.since), until=as_utc(filters.until),
    )
    if ending_before:
        found = await repository.newer_than(query, await _cursor(repository, scope, ending_before, "ending_before"), limit=limit + 1)
        events = list(reversed(found[:limit]))
    else:
        after = await _cursor(repository, scope, starting_after, "starting_after") if starting_after else None
        found = await repository.older_than(query, after, limit=limit + 1)
        events = found[:limit]
    names = await repository.order_names({e.order_id for e in events if e.order_id is not None})
    return EventPage(events, has_more=len(found) > limit, order_names=names)


async def one(session: AsyncSession, *, scope: Scope, event_id: str) -> LoggedEvent:
    repository = EventLogRepository(session)
    found = await repository.event(scope, event_id)
    if found is None:
        raise NotFound("No such event.", code="event_not_found")
    names = await repository.order_names({found.order_id} if found.order_id is not None else set())
    return LoggedEvent(found, names.get(found.order_id) if found.order_id is not None else None)



async def _cursor(repository: EventLogRepository, scope: Scope, event_id: str, field: str) -> int:
    found = await repository.event(scope, event_id)
    if found is None:  # never made, another account's, or past retention
        raise InvalidInput(f"No such event: {event_id!r}.", code="event_not_found", field=field)
    return found.id
