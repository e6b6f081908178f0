"""The new features at their cost: Carepost started with a feature off, then with it on, the
same scenario measured against each, one right after the other; on/off is the feature's
ratio (bench/report.py, the features table).

The scenario is the masks status read (three statements: the per-request cost of a feature
shows most where the request itself is cheap), at the run's load and workers.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import report, servers, wrk


@dataclass(frozen=True)
class Toggle:
    feature: str
    off: dict[str, str]
    on: dict[str, str]
    workers: int | None = None  # None: the run's
    note: str = ""


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


def measure(
    toggle: Toggle, env: dict[str, str], *, port: int, workers: int, work: Path,
    run_scenario: Callable[[str], wrk.Result],
) -> report.FeatureRow:
    """`run_scenario(base_url)` measures the scenario against a server; the server is started
    once per side with `env` and the side's settings."""
    results = {}
    for side, extra in (("off", toggle.off), ("on", toggle.on)):
        with tempfile.TemporaryDirectory(prefix="carepost-metrics-", dir=work) as metrics_dir:
            side_env = {**env, **{name: value.format(metrics_dir=metrics_dir) for name, value in extra.items()}}
            log = work / f"feature-{toggle.feature.replace(' ', '-').replace(',', '')}-{side}.log"
            with servers.carepost(side_env, port=port, workers=toggle.workers or workers, log=log) as server:
                results[side] = run_scenario(server.url)
    off, on = results["off"], results["on"]
    return report.FeatureRow(
        toggle.feature, f"masks status; {toggle.note}", f"{off.throughput:.0f}/s, p99 {off.p99_ms:.0f} ms",
        f"{on.throughput:.0f}/s, p99 {on.p99_ms:.0f} ms", on.throughput / off.throughput,
    )
