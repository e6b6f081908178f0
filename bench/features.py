"""The new features at their cost: Carepost started with a feature off, then with it on, the
same scenario measured against each, off, on, on, off; on/off is the feature's ratio
(bench/report.py, the features table).

The scenario is the masks status read (three statements: the per-request cost of a feature
shows most where the request itself is cheap), at the run's load and workers.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import report, servers, wrk


@dataclass(frozen=True)
class Toggle:
    feature: str
    off: dict[str, str]
    on: dict[str, str]
    workers: int | None = None  # None: the run's
    note: str = ""
    scenario: str = "masks status"


def toggles(otlp_url: str) -> list[Toggle]:
    traces = f"{otlp_url}/v1/traces"
    return [
        Toggle("JSON logs", {"CAREPOST_LOG_LEVEL": "warning"}, {"CAREPOST_LOG_LEVEL": "info", "CAREPOST_LOG_FORMAT": "json"},
            note="a JSON line per request (info) against none (warning)"),
        Toggle("tracing, exported", {}, {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": traces},
            note="every request, statement and call a span, batched over OTLP/HTTP to a local receiver"),
        Toggle("tracing wired, not sampled", {}, {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": traces, "OTEL_TRACES_SAMPLER": "always_off"},
            note="the instrumentation in place, no span recorded; off (not configured) installs none of it"),
        # "{metrics_dir}": a directory of the run's own (serve --workers 1 leaves the variable as it finds it).
        Toggle("multiprocess metrics", {}, {"PROMETHEUS_MULTIPROC_DIR": "{metrics_dir}"}, workers=1,
            note="one process: its counts in memory, against in prometheus-client's shared files"),
    ]


def retention() -> Toggle:
    """A worker beside the server either way; on, it sweeps every second with periods of minutes
    (the first sweep forgets the request log of the scenarios before), off, once at its start
    with the defaults (days), forgetting nothing."""
    return Toggle("retention, sweeping during creates", {}, {
        "CAREPOST_RETENTION_SWEEP_SECONDS": "1", "CAREPOST_OUTBOX_RETENTION_DAYS": str(60 / 86400),
        "CAREPOST_REQUEST_LOG_RETENTION_DAYS": str(120 / 86400), "CAREPOST_WEBHOOK_EVENT_RETENTION_DAYS": str(120 / 86400),
    }, scenario="masks create", note="a worker sweeping every second, periods of minutes, against one sweeping hourly (days)")


def measure(
    toggle: Toggle, env: dict[str, str], *, port: int, workers: int, work: Path,
    run_scenario: Callable[[str, str], wrk.Result], alongside: Callable[[dict[str, str]], AbstractContextManager[Any]] | None = None,
) -> report.FeatureRow:
    """`run_scenario(base_url, side)` measures the scenario against a server with the feature
    off or on (`side`). Off, on, on, off (ABBA), each on a server started for it: this machine's
    speed drifts over minutes, and the order cancels a steady drift; each side's figure is its
    two runs' mean. `alongside(env)`: what runs beside each server, started with the side's
    settings (a worker)."""
    results: dict[str, list[wrk.Result]] = {"off": [], "on": []}
    for number, side in enumerate(("off", "on", "on", "off")):
        extra = toggle.off if side == "off" else toggle.on
        with tempfile.TemporaryDirectory(prefix="carepost-metrics-", dir=work) as metrics_dir:
            side_env = {**env, **{name: value.format(metrics_dir=metrics_dir) for name, value in extra.items()}}
            log = work / f"feature-{toggle.feature.replace(' ', '-').replace(',', '')}-{number}-{side}.log"
            with (
                servers.carepost(side_env, port=port, workers=toggle.workers or workers, log=log) as server,
                alongside(side_env) if alongside else contextlib.nullcontext(),
            ):
                results[side].append(run_scenario(server.url, side))
    off, on = (sum(r.throughput for r in results[side]) / 2 for side in ("off", "on"))
    off_p99, on_p99 = (max(r.p99_ms for r in results[side]) for side in ("off", "on"))
    off_errors, on_errors = (_errors(results[side]) for side in ("off", "on"))
    return report.FeatureRow(
        toggle.feature, f"{toggle.scenario}; {toggle.note}", f"{off:.0f}/s, p99 {off_p99:.0f} ms{off_errors}",
        f"{on:.0f}/s, p99 {on_p99:.0f} ms{on_errors}", on / off,
    )


def _errors(results: list[wrk.Result]) -> str:
    """", N errors" when any request failed (a 4xx or 5xx answer, a timeout): the rate is then not the feature's."""
    failed = sum(sum(r.errors.values()) for r in results)
    return f", {failed:,} errors" if failed else ""
