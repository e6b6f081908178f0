"""Kill a real `carepost worker` in the middle of a delivery and start another: every
committed event still arrives, at least once, with its own webhook-id."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

from tests.factories import create_clinic
from tests.webhooks.conftest import add_endpoint, verified


@contextmanager
def worker_process(settings) -> Iterator[subprocess.Popen[str]]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CAREPOST_")}
    env = {
        **clean,
        "CAREPOST_DATABASE_URL": settings.resolved_database_url,
        "CAREPOST_DATA_DIR": str(settings.data_dir),
        "CAREPOST_SECRET_KEY": settings.resolved_secret_key,
        "CAREPOST_WEBHOOK_ALLOWED_HOSTS": "127.0.0.1",
        "CAREPOST_WEBHOOK_RETRY_SCHEDULE": "0,0.2,0.2,0.2",
        "CAREPOST_WEBHOOK_TIMEOUT_SECONDS": "2",
    }
    # Its log goes to a file: a pipe nobody reads would fill (a line per attempt) and stop it.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen([sys.executable, "-m", "carepost.cli", "worker"], env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            if process.poll() is None:
                process.terminate()
            process.wait(timeout=15)


def wait_for(done, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


async def test_a_killed_worker_loses_no_event(client, db, settings, receiver):
    clinic = await create_clinic(db)
    endpoint = await add_endpoint(client, clinic.live_key, receiver.url)
    sent = []
    for _ in range(5):
        answer = await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers={"X-Api-Key": clinic.live_key})
        sent.append(answer.json()["event_id"])
    receiver.hang_seconds, receiver.hang_requests = 30.0, 5  # the first batch hangs: the worker is busy delivering it

    with worker_process(settings) as first:
        wait_for(lambda: len(receiver.received) >= 1, 30, "the first worker delivered nothing")
        first.send_signal(signal.SIGKILL)  # mid-delivery: no answer read, nothing settled
        first.wait(timeout=10)
    held = {r.headers["webhook-id"] for r in receiver.received}
    assert held and held <= set(sent)

    with worker_process(settings):  # a new worker takes over once the dead one's lease runs out
        wait_for(lambda: {r.headers["webhook-id"] for r in receiver.received[5:]} >= set(sent), 60, "events were lost")
    assert all(verified(endpoint["secret"], r)["type"] == "webhook.test" for r in receiver.received)
