"""The outbox: written in the caller's transaction, delivered once by competing workers."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter

from sqlalchemy import select

from carepost.core.models import OutboxMessage
from carepost.core.outbox.relay import Delivery, Relay
from carepost.core.outbox.writer import publish


def _topic() -> str:
    return f"test.{uuid.uuid4().hex[:10]}"


async def _messages(db, topic: str) -> list[OutboxMessage]:
    async with db.transaction() as session:
        return list(await session.scalars(select(OutboxMessage).where(OutboxMessage.topic == topic)))


async def test_a_rolled_back_transaction_publishes_nothing(db):
    topic = _topic()

    try:
        async with db.transaction() as session:
            await publish(session, topic=topic, payload={"n": 1}, account_id=None)
            raise RuntimeError("the change failed")
    except RuntimeError:
        pass

    assert await _messages(db, topic) == []


async def test_several_workers_deliver_every_message_exactly_once(db):
    topic = _topic()
    async with db.transaction() as session:
        for n in range(60):
            await publish(session, topic=topic, payload={"n": n}, account_id=None)
    seen: Counter[int] = Counter()

    async def handle(delivery: Delivery) -> None:
        await asyncio.sleep(0)  # let the other workers interleave
        seen[delivery.payload["n"]] += 1

    relays = [Relay(db, {topic: handle}, batch_size=7) for _ in range(4)]

    async def drain(relay: Relay) -> None:
        while await relay.run_once():
            pass

    await asyncio.gather(*(drain(r) for r in relays))

    assert seen == Counter(range(60))
    messages = await _messages(db, topic)
    assert all(m.delivered_at is not None and m.attempts == 1 for m in messages)
    assert len({m.claimed_by for m in messages}) > 1  # the work really was shared


async def test_a_failing_handler_is_retried_later_with_its_error_kept(db):
    topic = _topic()
    async with db.transaction() as session:
        await publish(session, topic=topic, payload={}, account_id=None)

    async def broken(delivery: Delivery) -> None:
        raise ConnectionError("receiver down")

    relay = Relay(db, {topic: broken})
    while await relay.run_once():
        pass

    [message] = await _messages(db, topic)
    assert message.delivered_at is None
    assert message.attempts == 1
    assert "receiver down" in message.last_error
    assert message.available_at > message.created_at  # backed off, not retried at once


async def test_a_topic_without_subscribers_is_settled(db):
    topic = _topic()
    async with db.transaction() as session:
        await publish(session, topic=topic, payload={}, account_id=None)

    while await Relay(db, {}).run_once():
        pass

    [message] = await _messages(db, topic)
    assert message.delivered_at is not None
