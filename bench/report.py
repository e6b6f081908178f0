"""The run's results as JSON (everything) and a Markdown table (for docs/performance.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.wrk import Result


@dataclass(frozen=True)
class Row:
    scenario: str
    server: str  # "carepost" or "baseline"
    result: Result
    floor: Result | None  # the baseline measured just before, when there is one

    @property
    def ratio(self) -> float | None:
        return self.result.throughput / self.floor.throughput if self.floor else None

    def as_json(self) -> dict[str, Any]:
        r = self.result
        return {
            "scenario": self.scenario,
            "server": self.server,
            "requests": r.requests,
            "throughput_per_s": round(r.throughput, 1),
            "p50_ms": r.p50_ms,
            "p90_ms": r.p90_ms,
            "p99_ms": r.p99_ms,
            "max_ms": r.max_ms,
            "p99_over_p50": round(r.p99_ms / r.p50_ms, 2) if r.p50_ms else None,
            "errors": r.errors,
            "ratio_to_baseline": round(self.ratio, 2) if self.ratio is not None else None,
        }


def write(out_dir: Path, stamp: str, meta: dict[str, Any], rows: list[Row]) -> tuple[Path, Path]:
    json_path = out_dir / f"bench-{stamp}.json"
    json_path.write_text(json.dumps({**meta, "results": [row.as_json() for row in rows]}, indent=2) + "\n")
    md_path = out_dir / f"bench-{stamp}.md"
    md_path.write_text(markdown(rows))
    return json_path, md_path


def markdown(rows: list[Row]) -> str:
    lines = [
        "| scenario | server | req/s | p50 ms | p90 ms | p99 ms | p99/p50 | errors | × baseline |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        r = row.result
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "—"
        # A backlog's delivery rate has no latency of its own: its events waited for the worker.
        latency = f"{r.p50_ms:.1f} | {r.p90_ms:.1f} | {r.p99_ms:.1f} | {r.p99_ms / r.p50_ms:.1f}" if r.p50_ms else "— | — | — | —"
        lines.append(f"| {row.scenario} | {row.server} | {r.throughput:.0f} | {latency} | {r.error_count} | {ratio} |")
    return "\n".join(lines) + "\n"
