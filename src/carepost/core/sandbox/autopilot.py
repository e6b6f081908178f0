"""The sandbox's autopilot: when an account turns it on, each of its test orders walks its
flow's happy path by itself (core/flows/autopilot.py declares each), one step per interval,
firing its webhooks as it goes — or the unhappy path a magic e-mail tag chooses.

It runs in the worker, on the outbox: the flow's start event (`order.placed`, a cases
order's `order.sent_to_pharmacy`) schedules the first step, each step the next, each a
message due an interval later — so a walk survives restarts, and several workers never
take the same step twice (each step locks its order, and acts only if the order's state
offers it). A step a test helper overtook is passed by. Live orders are never touched;
turning the autopilot off leaves each test order where it stands.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.flows.autopilot import Autopilot, email_tag
from carepost.core.flows.registry import flow_of, flows
from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import Database
from carepost.core.kit.errors import CoreError, InvalidInput
from carepost.core.models import Order, SandboxSettings
from carepost.core.orders.transitions import offered, transition
from carepost.core.outbox.relay import Delivery, Handler
from carepost.core.outbox.writer import publish
from carepost.core.sandbox.repository import SandboxRepository

log = logging.getLogger("carepost.autopilot")

STEP_TOPIC = "sandbox.autopilot_step"
ACTOR = "autopilot"
DEFAULT_INTERVAL_SECONDS = 5.0
LONGEST_INTERVAL_SECONDS = 86_400.0


@dataclass(frozen=True)
class AutopilotSettings:
    enabled: bool
    interval_seconds: float


async def settings_of(session: AsyncSession, account_id: int) -> AutopilotSettings:
    found = await SandboxRepository(session).settings(account_id)
    if found is None:
        return AutopilotSettings(enabled=False, interval_seconds=DEFAULT_INTERVAL_SECONDS)
    return AutopilotSettings(enabled=found.autopilot, interval_seconds=found.autopilot_interval_seconds)


async def configure(session: AsyncSession, *, account_id: int, enabled: bool, interval_seconds: float | None = None) -> AutopilotSettings:
    """Turn it on or off; the interval stays as it was unless given."""
    if interval_seconds is not None and not 0 <= interval_seconds <= LONGEST_INTERVAL_SECONDS:
        raise InvalidInput(
            f"interval_seconds must be between 0 and {LONGEST_INTERVAL_SECONDS:.0f}.", code="invalid_interval", field="interval_seconds"
        )
    repository = SandboxRepository(session)
    found = await repository.settings(account_id)
    if found is None:
        found = await repository.add(
            SandboxSettings(account_id=account_id, autopilot=enabled, autopilot_interval_seconds=DEFAULT_INTERVAL_SECONDS, updated_at=utcnow())
        )
    found.autopilot, found.updated_at = enabled, utcnow()
    if interval_seconds is not None:
        found.autopilot_interval_seconds = interval_seconds
    return AutopilotSettings(enabled=found.autopilot, interval_seconds=found.autopilot_interval_seconds)


def start_topics() -> set[str]:
    """The outbox topics walks start after (`order.placed`, `order.sent_to_pharmacy`)."""
    return {f"order.{spec.autopilot.starts_after}" for spec in flows() if spec.autopilot is not None}


async def start(db: Database, *, order_public_id: str, mode: str) -> None:
    """A flow's start event: the walk's first step is scheduled, if the account wants one."""
    if mode != "test":
        return  # a live order: nothing to do, and nothing read
    async with db.transaction() as session:
        order = await SandboxRepository(session).test_order(order_public_id)
        pilot = _pilot(order) if order is not None else None
        if order is None or pilot is None:
            return
        tag = email_tag(await SandboxRepository(session).recipient_email(order))
        await _schedule(session, order, step=0, tag=tag if tag in pilot.detours else None)  # a detour's name, never the e-mail


async def take_step(db: Database, *, order_public_id: str, step: int, tag: str | None) -> None:
    """Make the walk's `step`th move (or the first later one the order's state offers), then
    schedule the next; nothing if the autopilot was turned off or the walk is over."""
    async with db.transaction() as session:
        order = await SandboxRepository(session).test_order(order_public_id, lock=True)
        pilot = _pilot(order) if order is not None else None
        if order is None or pilot is None or not (await settings_of(session, order.account_id)).enabled:
            return
        path = pilot.steps(tag)
        now_offered = await offered(session, order)
        index = next((i for i in range(step, len(path)) if path[i].action in now_offered), None)
        if index is None:
            return  # the walk is over (or a test helper took the order where it cannot go on)
        try:
            async with session.begin_nested():
                await transition(session, order=order, action=path[index].action, actor=ACTOR, given=path[index].input_for(order))
        except CoreError as refused:  # the flow's own rule (nothing left to pack): the walk stops here
            log.info("autopilot stopped on a test order at %s: %s", path[index].action, refused.code)
            return
        if index + 1 < len(path):
            await _schedule(session, order, step=index + 1, tag=tag)


def handlers(db: Database) -> dict[str, Handler]:
    """The outbox topics the autopilot handles (carepost/worker.py runs them)."""

    async def begin(delivery: Delivery) -> None:
        await start(db, order_public_id=delivery.payload["order_id"], mode=delivery.payload["mode"])

    async def step(delivery: Delivery) -> None:
        payload = delivery.payload
        await take_step(db, order_public_id=payload["order_id"], step=payload["step"], tag=payload.get("tag"))

    return {STEP_TOPIC: step, **dict.fromkeys(start_topics(), begin)}


def _pilot(order: Order) -> Autopilot | None:
    return flow_of(order.flow).autopilot


async def _schedule(session: AsyncSession, order: Order, *, step: int, tag: str | None) -> None:
    settings = await settings_of(session, order.account_id)
    if not settings.enabled:
        return
    await publish(
        session, topic=STEP_TOPIC, account_id=order.account_id, delay=timedelta(seconds=settings.interval_seconds),
        payload={"order_id": order.public_id, "step": step, "tag": tag},
    )
