"""`carepost listen` as a real process: it follows a Carepost served over HTTP, forwards a test
order's events to a local receiver that verifies each with the secret listen printed, one line
per event, and stops cleanly on Ctrl-C; a live key or an unreachable Carepost are refused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from standardwebhooks.webhooks import Webhook

from carepost.app import create_app
from tests.dialects.masks.helpers import place
from tests.factories import create_clinic
from tests.servers import serve
from tests.webhook_receiver import ReceiverState, receiver_app


def _listen(*arguments: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPOST_")}
    return subprocess.Popen(
        [sys.executable, "-m", "carepost.cli", "listen", *arguments], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )


def _read_until(process: subprocess.Popen[str], lines: list[str], wanted: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = next((line for line in lines if wanted in line), None)
        if found is not None:
            return found
        if process.poll() is not None and not any(wanted in line for line in lines):
            pytest.fail("listen exited:\n" + "".join(lines))
        time.sleep(0.05)
    pytest.fail(f"listen never printed {wanted!r}:\n" + "".join(lines))


async def test_listen_forwards_a_test_orders_events_signed_and_stops_on_ctrl_c(db, settings, client, ops_headers):
    clinic = await create_clinic(db)
    state = ReceiverState()
    with serve(lambda: create_app(settings)) as carepost, serve(lambda: receiver_app(state)) as receiver:
        process = _listen("--api-key", clinic.test_key, "--base-url", carepost, "--forward-to", f"{receiver}/hooks", "--poll-seconds", "0.1")
        printed: list[str] = []
        threading.Thread(target=lambda: printed.extend(process.stdout), daemon=True).start()  # type: ignore[arg-type]
        secret = _read_until(process, printed, "signing secret is").split("signing secret is ")[1].split()[0]

        order_id = await place(client, clinic.test_key)
        moved = await client.post(f"/api/partner/v1/test_helpers/orders/{order_id}/advance", json={"action": "complete_scan"},
                                  headers={"X-Api-Key": clinic.test_key})
        assert moved.status_code == 200
        deadline = time.monotonic() + 30
        while len(state.received) < 2:
            assert time.monotonic() < deadline, "".join(printed)
            time.sleep(0.05)

        events = [Webhook(secret).verify(r.body, r.headers) for r in state.received]
        assert [(e["type"], e["change"]) for e in events] == [("order.created", "placed"), ("order.updated", "complete_scan")]
        assert {r.path for r in state.received} == {"/hooks"}
        _read_until(process, printed, "--> order.updated")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
    output = "".join(printed)
    assert "--> order.created" in output and "<-- [200] POST" in output and "Stopped after" in output
    assert output.count("-->") == 2  # one line per event, none twice


async def test_listen_refuses_a_live_key_and_says_why_it_cannot_follow(db):
    clinic = await create_clinic(db)
    live = _listen("--api-key", clinic.live_key, "--forward-to", "http://127.0.0.1:9/x")
    assert live.wait(timeout=30) != 0 and "test key" in live.stdout.read()
    away = _listen("--api-key", clinic.test_key, "--base-url", "http://127.0.0.1:9", "--forward-to", "http://127.0.0.1:9/x")
    assert away.wait(timeout=30) == 1 and "Cannot follow" in away.stdout.read()
