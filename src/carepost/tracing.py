"""OpenTelemetry tracing: off unless the standard OTEL_* settings name where to export
(OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; OTEL_SDK_DISABLED=true or
OTEL_TRACES_EXPORTER=none turn it off), then exported over OTLP/HTTP.

Spans: each request (FastAPI's own telemetry), each SQL statement (told by
core/kit/statement_watch.py, whether SQLAlchemy or lean.py ran it), each outbound call
(aiohttp's: webhooks and object storage; httpx's: Shopify, the PAC, the pharmacy) and each
worker job (core/kit/trace_context.py, which also carries a request's trace to the webhook
deliveries and outbox jobs it caused).

No patient data: statements are traced without their parameters, request spans without their
query strings (a portal link holds an e-mail address), outbound spans with the host alone (a
partner's URL may hold a token); no header is captured.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from fastapi.telemetry import TelemetryConfig
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.aiohttp_client import AioHttpClientInstrumentor
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.sampling import Decision, Sampler, SamplingResult
from opentelemetry.trace import Link, Span, SpanKind, Status, StatusCode
from opentelemetry.util.types import Attributes

from carepost.core.kit import statement_watch

_configured = False


def enabled() -> bool:
    if os.environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return False
    if os.environ.get("OTEL_TRACES_EXPORTER", "otlp").strip().lower() == "none":
        return False
    return bool(os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT") or os.environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))


def configure_tracing(role: str) -> bool:
    """Once per process, before its database engine is made: the provider, the exporter and the
    instrumentations of SQL and outbound HTTP. `role` (api, worker) names the service when
    OTEL_SERVICE_NAME does not."""
    global _configured
    if _configured or not enabled():
        return _configured
    defaults = {} if os.environ.get("OTEL_SERVICE_NAME") else {"service.name": f"carepost-{role}"}
    provider = TracerProvider(resource=Resource.create(defaults))  # OTEL_RESOURCE_ATTRIBUTES are read too
    provider.sampler = RootsAreWork(provider.sampler)  # the sampler OTEL_TRACES_SAMPLER named, behind the rule
    provider.add_span_processor(WithoutQuery())  # first: before any other processor sees a span
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))  # OTEL_EXPORTER_OTLP_* and OTEL_BSP_*
    trace.set_tracer_provider(provider)
    HTTPXClientInstrumentor().instrument(request_hook=_outbound_host_only, async_request_hook=_async_outbound_host_only)
    AioHttpClientInstrumentor().instrument(url_filter=lambda url: f"{url.origin()}/")
    statement_watch.watch(_statement)
    _configured = True
    return True


class RootsAreWork(Sampler):
    """A trace starts at a request (a SERVER span) or a worker job (a CONSUMER span), never at
    a statement or a call made outside both: the worker's polls, say. Those would
    each be a trace of one span, several a second, forever. Every other decision is the
    configured sampler's (by default, a child follows its parent)."""

    def __init__(self, configured: Sampler) -> None:
        self.configured = configured

    def should_sample(
        self, parent_context: Any, trace_id: int, name: str, kind: SpanKind | None = None,
        attributes: Attributes = None, links: Sequence[Link] | None = None, trace_state: Any = None,
    ) -> SamplingResult:
        has_parent = trace.get_current_span(parent_context).get_span_context().is_valid
        if not has_parent and kind not in (SpanKind.SERVER, SpanKind.CONSUMER):
            return SamplingResult(Decision.DROP)
        return self.configured.should_sample(parent_context, trace_id, name, kind, attributes, links, trace_state)

    def get_description(self) -> str:
        return f"RootsAreWork{{{self.configured.get_description()}}}"


# FastAPI's own telemetry (`FastAPI(telemetry=...)`) draws each request's span once a tracer
# provider is set (configure_tracing), and costs a check a request when none is. The request's
# span only: no span of each dependency and of the endpoint (three more a request); no logs (a
# validation failure's carries the input, which may be patient data); no OpenTelemetry metrics
# (Prometheus has them, docs/platform.md).
FASTAPI_TELEMETRY: TelemetryConfig = {"tracing": True, "operation_spans": False, "logs": False, "metrics": False}


class WithoutQuery(SpanProcessor):
    """A request span's query string, emptied as the span starts, before anything exports it:
    a portal link carries an e-mail address. FastAPI's telemetry records it (`url.query`,
    redacting only URL signatures) and has no hook to leave it out."""

    def on_start(self, span: Span, parent_context: Any = None) -> None:
        if span.is_recording() and "url.query" in (getattr(span, "attributes", None) or {}):
            span.set_attribute("url.query", "")

    def on_end(self, span: ReadableSpan) -> None:
        pass


def _rewrite(span: Span, names: tuple[str, ...], value: str) -> None:
    present = getattr(span, "attributes", None) or {}
    for name in names:
        if name in present:
            span.set_attribute(name, value)


def _outbound_host_only(span: Span, request: Any) -> None:
    if span.is_recording():
        parts = urlsplit(str(request.url))
        _rewrite(span, ("http.url", "url.full"), f"{parts.scheme}://{parts.netloc}/")


async def _async_outbound_host_only(span: Span, request: Any) -> None:
    _outbound_host_only(span, request)


_statement_tracer = trace.get_tracer("carepost.sql")


def _statement(sql: str, seconds: float, error: BaseException | None) -> None:
    """A statement's span, drawn once it has ended from what it reports. Inside a request or
    job not sampled, none (what the sampler would decide, decided cheaply: this runs for every
    statement of every request)."""
    if not trace.get_current_span().is_recording():
        return
    ended = time.time_ns()
    span = _statement_tracer.start_span(
        sql.split(None, 1)[0].upper() if sql.strip() else "SQL", kind=SpanKind.CLIENT, start_time=ended - int(seconds * 1e9),
        attributes={"db.statement": sql},
    )
    if error is not None:
        span.set_status(Status(StatusCode.ERROR, type(error).__name__))
    span.end(end_time=ended)
