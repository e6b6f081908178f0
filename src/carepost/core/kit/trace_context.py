"""The trace a piece of work belongs to, carried across the outbox (issue 27's tracing).

A request that writes an outbox message or a webhook event stores the W3C `traceparent` of
its span with it; the worker that handles the message, or sends the webhook, continues that
trace, so one trace runs from a partner's request to the delivery of its webhook. With no
tracing configured the OpenTelemetry API does nothing: nothing is stored, nothing is started.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from opentelemetry import propagate, trace
from opentelemetry.trace import SpanKind

_tracer = trace.get_tracer("carepost.worker")


def current() -> str | None:
    """The `traceparent` of the span in progress, or None (no tracing, or no span)."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier.get("traceparent")


@contextmanager
def continued(traceparent: str | None, name: str, attributes: dict[str, str | int]) -> Iterator[None]:
    """A span for a job of the worker, a child of the request that caused it (when it had one)."""
    parent = propagate.extract({"traceparent": traceparent}) if traceparent else None
    with _tracer.start_as_current_span(name, context=parent, kind=SpanKind.CONSUMER, attributes=attributes):
        yield
