"""The new features at their cost: Carepost started with a feature off, then with it on, the
same scenario measured against each, off, on, on, off; on/off is the feature's ratio
(bench/report.py, the features table).

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
    """`run_scenario(base_url)` measures the scenario against a server. Off, on, on, off (ABBA),
    each on a server started for it: this machine's speed drifts over minutes, and the order
    cancels a steady drift; each side's figure is its two runs' mean."""
    results: dict[str, list[wrk.Result]] = {"off": [], "on": []}
    for number, side in enumerate(("off", "on", "on", "off")):
        extra = toggle.off if side == "off" else toggle.on
        with tempfile.TemporaryDirectory(prefix="carepost-metrics-", dir=work) as metrics_dir:
            side_env = {**env, **{name: value.format(metrics_dir=metrics_dir) for name, value in extra.items()}}
            log = work / f"feature-{toggle.feature.replace(' ', '-').replace(',', '')}-{number}-{side}.log"
            with servers.carepost(side_env, port=port, workers=toggle.workers or workers, log=log) as server:
                results[side].append(run_scenario(server.url))
    off, on = (sum(r.throughput for r in results[side]) / 2 for side in ("off", "on"))
    off_p99, on_p99 = (max(r.p99_ms for r in results[side]) for side in ("off", "on"))
    return report.FeatureRow(
        toggle.feature, f"masks status; {toggle.note}", f"{off:.0f}/s, p99 {off_p99:.0f} ms", f"{on:.0f}/s, p99 {on_p99:.0f} ms", on / off,
    )
