"""Which spans start a trace (carepost/tracing.py, RootsAreWork): requests and jobs only, each
still subject to the sampler OTEL_TRACES_SAMPLER names; a child follows its parent."""

from __future__ import annotations

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF, ParentBased, TraceIdRatioBased
from opentelemetry.trace import SpanKind

from carepost.tracing import RootsAreWork


def _tracer(configured):
    return TracerProvider(sampler=RootsAreWork(configured)).get_tracer("test")


def test_a_request_or_a_job_starts_a_trace_and_a_lone_statement_does_not():
    tracer = _tracer(ParentBased(TraceIdRatioBased(1.0)))
    assert tracer.start_span("GET /orders", kind=SpanKind.SERVER).is_recording()
    assert tracer.start_span("webhook deliver", kind=SpanKind.CONSUMER).is_recording()
    assert not tracer.start_span("SELECT", kind=SpanKind.CLIENT).is_recording()
    assert not tracer.start_span("connect").is_recording()


def test_inside_a_recorded_request_every_statement_is_recorded():
    tracer = _tracer(ParentBased(TraceIdRatioBased(1.0)))
    with tracer.start_as_current_span("GET /orders", kind=SpanKind.SERVER):
        assert tracer.start_span("SELECT", kind=SpanKind.CLIENT).is_recording()
        assert tracer.start_span("connect").is_recording()


def test_the_configured_sampler_still_decides_for_requests_and_their_children():
    tracer = _tracer(ParentBased(ALWAYS_OFF))
    with tracer.start_as_current_span("GET /orders", kind=SpanKind.SERVER) as request:
        assert not request.is_recording()
        assert not tracer.start_span("SELECT", kind=SpanKind.CLIENT).is_recording()
    assert trace.get_current_span() is trace.INVALID_SPAN
