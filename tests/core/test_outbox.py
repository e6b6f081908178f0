"""The outbox: written in the caller's transaction, delivered once by competing workers."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import Database
from carepost.core.kit.migrate import upgrade
from carepost.core.models import OutboxMessage
from carepost.core.outbox.relay import Delivery, Relay
from carepost.core.outbox.repository import OutboxRepository
from carepost.core.outbox.writer import publish
from tests.scratch_postgres import close_database, reopen_database, scratch_database


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


async def test_a_batchs_handled_messages_are_settled_together_and_its_failures_apart(db):
    topic = _topic()
    async with db.transaction() as session:
        for n in range(5):
            await publish(session, topic=topic, payload={"n": n}, account_id=None)

    async def fails_on_two(delivery: Delivery) -> None:
        if delivery.payload["n"] == 2:
            raise ConnectionError("receiver down")

    assert await Relay(db, {topic: fails_on_two}).run_once() == 5

    messages = {m.payload["n"]: m for m in await _messages(db, topic)}
    failed = messages.pop(2)
    assert failed.delivered_at is None and "receiver down" in failed.last_error
    # One settle for the four handled: one transaction, one time (a settle each would stamp four).
    assert len({m.delivered_at for m in messages.values()}) == 1 and None not in {m.delivered_at for m in messages.values()}


async def test_a_topic_without_subscribers_is_settled(db):
    topic = _topic()
    async with db.transaction() as session:
        await publish(session, topic=topic, payload={}, account_id=None)

    while await Relay(db, {}).run_once():
        pass

    [message] = await _messages(db, topic)
    assert message.delivered_at is not None


async def test_a_dead_workers_claim_is_taken_again_once_its_short_lease_ends(db):
    topic = _topic()
    async with db.transaction() as session:
        await publish(session, topic=topic, payload={}, account_id=None)
        now = utcnow()  # a worker claims it, then dies without a word
        await OutboxRepository(session).claim(worker_id="dead-worker", now=now, lease_until=now + timedelta(seconds=1), limit=100)
    seen: list[Delivery] = []

    async def handle(delivery: Delivery) -> None:
        if delivery.topic == topic:
            seen.append(delivery)

    relay = Relay(db, {topic: handle})
    await relay.run_once()
    assert seen == []  # still leased
    deadline = time.monotonic() + 10
    while not seen and time.monotonic() < deadline:  # taken again once the dead worker's lease runs out
        if not await relay.run_once():
            await asyncio.sleep(0.05)

    assert [d.attempt for d in seen] == [2]
    [message] = await _messages(db, topic)
    assert message.delivered_at is not None and message.claimed_by == relay.worker_id


async def test_a_stopped_worker_hands_back_what_it_has_not_delivered(db):
    topic = _topic()
    async with db.transaction() as session:
        for n in range(3):
            await publish(session, topic=topic, payload={"n": n}, account_id=None)
    started = asyncio.Event()

    async def stuck(delivery: Delivery) -> None:
        started.set()
        await asyncio.Event().wait()  # never returns: the worker is stopped meanwhile

    stopping = asyncio.create_task(Relay(db, {topic: stuck}).run_once())
    await started.wait()
    stopping.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await stopping
    seen: list[Delivery] = []

    async def handle(delivery: Delivery) -> None:
        seen.append(delivery)

    while await Relay(db, {topic: handle}).run_once():  # at once: no lease to wait out
        pass

    assert sorted(d.payload["n"] for d in seen) == [0, 1, 2]
    assert all(m.delivered_at is not None for m in await _messages(db, topic))


async def test_a_worker_asked_to_stop_finishes_the_message_in_hand_and_releases_the_rest(db):
    topic = _topic()
    async with db.transaction() as session:
        for n in range(4):
            await publish(session, topic=topic, payload={"n": n}, account_id=None)
    in_hand, finish = asyncio.Event(), asyncio.Event()
    stop = asyncio.Event()
    first: list[int] = []

    async def slow(delivery: Delivery) -> None:
        first.append(delivery.payload["n"])
        in_hand.set()
        await finish.wait()

    running = asyncio.create_task(Relay(db, {topic: slow}).run_once(stop.is_set))
    await in_hand.wait()
    stop.set()  # SIGTERM, as `carepost worker` hears it
    finish.set()
    assert await running == 4
    rest: list[int] = []

    async def handle(delivery: Delivery) -> None:
        rest.append(delivery.payload["n"])

    while await Relay(db, {topic: handle}).run_once():  # at once: no lease to wait out
        pass

    assert len(first) == 1 and sorted(first + rest) == [0, 1, 2, 3]  # the one in hand finished, once
    assert all(m.delivered_at is not None for m in await _messages(db, topic))


async def test_a_slow_batch_keeps_its_lease_so_no_message_is_delivered_twice(db):
    topic = _topic()
    async with db.transaction() as session:
        for n in range(4):
            await publish(session, topic=topic, payload={"n": n}, account_id=None)
    seen: Counter[int] = Counter()

    async def slow(delivery: Delivery) -> None:
        seen[delivery.payload["n"]] += 1
        await asyncio.sleep(0.3)

    lease = timedelta(seconds=0.4)  # shorter than the batch takes: only renewal keeps it
    first = Relay(db, {topic: slow}, lease=lease)
    second = Relay(db, {topic: slow}, lease=lease)

    async def keep_polling() -> None:
        for _ in range(15):
            await second.run_once()
            await asyncio.sleep(0.1)

    await asyncio.gather(first.run_once(), keep_polling())

    assert seen == Counter(range(4))


async def test_a_settle_waits_out_a_dropped_database_instead_of_the_lease(tmp_path):
    async with scratch_database() as url:
        database = Database(url)
        await upgrade(database)
        topic = _topic()
        async with database.transaction() as session:
            await publish(session, topic=topic, payload={}, account_id=None)
        calls = 0

        async def handle_then_lose_the_database(delivery: Delivery) -> None:
            nonlocal calls
            calls += 1
            await close_database(url)
            asyncio.get_running_loop().call_later(0.5, lambda: asyncio.ensure_future(reopen_database(url)))

        relay = Relay(database, {topic: handle_then_lose_the_database})
        await relay.run_once()
        while await relay.run_once():
            pass

        [message] = await _messages(database, topic)
        await database.dispose()
    assert calls == 1
    assert message.delivered_at is not None
