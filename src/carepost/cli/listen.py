"""`carepost listen`: like `stripe listen`, follow an account's test events on a Carepost (this
laptop's or a remote one) and forward each to a local URL, signed (Standard Webhooks) with a
secret printed at the start, one line per event. Ctrl-C stops it.

It reads the events API (GET /api/webhooks/v1/events) from the newest event at its start,
asking for `ending_before=<the newest it has>` — no endpoint is made, so a remote Carepost need
not reach this laptop, and no event is forwarded twice or skipped while it runs."""

from __future__ import annotations

import json
import signal
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated, Any

import httpx
import typer

from carepost.core.webhooks.signing import new_secret, signature_headers

EVENTS_PATH = "/api/webhooks/v1/events"
PAGE = 100


class Unanswered(Exception):
    """The events API did not answer a page (a wrong key, a server away)."""


class Listener:
    def __init__(self, *, base_url: str, api_key: str, forward_to: str, secret: str, poll_seconds: float) -> None:
        self.events_url = base_url.rstrip("/") + EVENTS_PATH
        self.forward_to, self.secret, self.poll_seconds = forward_to, secret, poll_seconds
        self.carepost = httpx.Client(headers={"Authorization": f"Bearer {api_key}"}, timeout=30)
        self.local = httpx.Client(timeout=30)
        self.stopping = threading.Event()

    def newest(self) -> str | None:
        """The newest event now: forwarding starts after it."""
        found = self._page({"limit": 1})["data"]
        return found[0]["id"] if found else None

    def run(self, after: str | None) -> None:
        while not self.stopping.is_set():
            try:
                fresh = list(self._since(after))
            except (Unanswered, httpx.HTTPError) as failed:  # a blip: said, and tried again after a pause
                typer.echo(f"Carepost did not answer ({failed}); trying again", err=True)
                self.stopping.wait(max(self.poll_seconds, 1.0))
                continue
            for event in fresh:
                self._forward(event)
                after = event["id"]
            if not fresh:
                self.stopping.wait(self.poll_seconds)

    def _since(self, after: str | None) -> Iterator[dict[str, Any]]:
        """Every event newer than `after`, oldest first."""
        if after is not None:
            while True:
                page = self._page({"limit": PAGE, "ending_before": after})
                yield from reversed(page["data"])
                if not page["has_more"] or not page["data"]:
                    return
                after = page["data"][0]["id"]
        newest_first: list[dict[str, Any]] = []  # none at the start: all there are, from the oldest
        page = self._page({"limit": PAGE})
        while True:
            newest_first += page["data"]
            if not page["has_more"]:
                break
            page = self._page({"limit": PAGE, "starting_after": page["data"][-1]["id"]})
        yield from reversed(newest_first)

    def _page(self, query: dict[str, Any]) -> dict[str, Any]:
        answer = self.carepost.get(self.events_url, params=query)
        if answer.status_code != 200:
            raise Unanswered(f"the events API answered {answer.status_code}: {answer.text[:300]}")
        return answer.json()

    def _forward(self, event: dict[str, Any]) -> None:
        body = json.dumps(event["payload"], separators=(",", ":"), ensure_ascii=False)
        headers = {"Content-Type": "application/json", **signature_headers(event["id"], datetime.now(UTC), body, [self.secret])}
        stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        try:
            answer = self.local.post(self.forward_to, content=body.encode(), headers=headers)
            outcome = f"[{answer.status_code}]"
        except httpx.HTTPError as error:
            outcome = f"[failed: {type(error).__name__}]"
        typer.echo(f"{stamp}   --> {event['type']} [{event['id']}]   <-- {outcome} POST {self.forward_to}")


def listen(
    forward_to: Annotated[str, typer.Option("--forward-to", help="The local URL each event is POSTed to.")],
    api_key: Annotated[str, typer.Option("--api-key", envvar="CAREPOST_API_KEY", help="A test API key of the account.")],
    base_url: Annotated[str, typer.Option("--base-url", help="The Carepost to follow.")] = "http://127.0.0.1:8000",
    poll_seconds: Annotated[float, typer.Option(min=0.05, max=60, help="Seconds between polls when there is nothing new.")] = 1.0,
) -> None:
    """Forward a Carepost account's test events to a local URL, signed with a secret printed here."""
    if not api_key.startswith("cpk_test_"):
        raise typer.BadParameter("listen follows test events: give a test key (cpk_test_…).", param_hint="--api-key")
    secret = new_secret()
    listener = Listener(base_url=base_url, api_key=api_key, forward_to=forward_to, secret=secret, poll_seconds=poll_seconds)
    signal.signal(signal.SIGINT, lambda *_: listener.stopping.set())
    signal.signal(signal.SIGTERM, lambda *_: listener.stopping.set())
    try:
        after = listener.newest()
    except (Unanswered, httpx.HTTPError) as failed:
        typer.echo(f"Cannot follow {base_url}: {failed}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"Ready! Forwarding test events from {base_url} to {forward_to}")
    typer.echo(f"Your webhook signing secret is {secret} (Ctrl-C to stop)", color=False)
    started = time.monotonic()
    listener.run(after)
    typer.echo(f"Stopped after {time.monotonic() - started:.0f} s.")
