"""The run's results as JSON (everything) and a Markdown table (for docs/performance.md),
rewritten after every scenario so that a run cut short keeps what it measured."""

from __future__ import annotations

import contextlib
import json
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.wrk import Result


@dataclass(frozen=True)
class Row:
    scenario: str
    server: str  # "carepost" or "baseline"
    result: Result
    floor: Result | None  # the baseline measured just before, when there is one
    # With --rounds N: every round's ratio, in the order measured; the row is the median round's.
    ratios: tuple[float, ...] = ()

    @property
    def ratio(self) -> float | None:
        return ratio_of(self.floor, self.result) if self.floor else None

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
            **({"ratios_over_rounds": [round(ratio, 2) for ratio in self.ratios]} if len(self.ratios) > 1 else {}),
            **({"peak_rss_mb": r.peak_rss_mb} if r.peak_rss_mb is not None else {}),
        }


@dataclass(frozen=True)
class FeatureRow:
    """A feature at its cost: the same measure with it off and on (on/off is its ratio), or,
    for work with nothing to compare it with (a bulk export), what it took."""

    feature: str
    measure: str
    off: str
    on: str
    ratio: float | None = None

    def as_json(self) -> dict[str, Any]:
        return {"feature": self.feature, "measure": self.measure, "off": self.off, "on": self.on,
                "on_over_off": round(self.ratio, 2) if self.ratio is not None else None}


@dataclass
class Report:
    """`bench-<stamp>.json` and `bench-<stamp>.md` in `out_dir`, written again whenever a
    row or a skipped scenario is added."""

    out_dir: Path
    stamp: str
    meta: dict[str, Any]
    rows: list[Row] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (scenario, why)
    features: list[FeatureRow] = field(default_factory=list)

    @property
    def json_path(self) -> Path:
        return self.out_dir / f"bench-{self.stamp}.json"

    @property
    def markdown_path(self) -> Path:
        return self.out_dir / f"bench-{self.stamp}.md"

    def add(self, rows: list[Row]) -> list[Row]:
        self.rows += rows
        self._write()
        return rows

    def add_feature(self, row: FeatureRow) -> None:
        print(f"{row.feature:45} off {row.off:>14}  on {row.on:>14}" + (f"  on/off {row.ratio:.2f}" if row.ratio is not None else ""), flush=True)
        self.features.append(row)
        self._write()

    def skip(self, scenario: str, why: str) -> None:
        print(f"{scenario:45} skipped: {why}", flush=True)
        self.skipped.append((scenario, why))
        self._write()

    @contextlib.contextmanager
    def attempt(self, scenario: str) -> Iterator[None]:
        """Run a part of the bench; if it fails, say so in the report and go on with the rest."""
        try:
            yield
        except Exception as error:  # one scenario's failure must not lose the run
            traceback.print_exc()
            self.skip(scenario, f"failed: {type(error).__name__}: {str(error)[:300]}")

    def finish(self, **meta: Any) -> None:
        self.meta.update(meta)
        self._write()

    def _write(self) -> None:
        results = [row.as_json() for row in self.rows]
        skipped = [{"scenario": scenario, "why": why} for scenario, why in self.skipped]
        features = [row.as_json() for row in self.features]
        self.json_path.write_text(json.dumps({**self.meta, "results": results, "features": features, "skipped": skipped}, indent=2) + "\n")
        self.markdown_path.write_text(markdown(self.rows, self.skipped) + feature_table(self.features))


def feature_table(features: Sequence[FeatureRow]) -> str:
    if not features:
        return ""
    lines = ["", "| feature | measured by | off | on | on/off |", "|---|---|---:|---:|---:|"]
    for row in features:
        lines.append(f"| {row.feature} | {row.measure} | {row.off} | {row.on} | {f'{row.ratio:.2f}' if row.ratio is not None else '—'} |")
    return "\n".join(lines) + "\n"


def ratio_of(floor: Result, measured: Result) -> float | None:
    """Carepost's throughput over the baseline's (none when the baseline served nothing)."""
    return measured.throughput / floor.throughput if floor.throughput else None


def median_round(rounds: Sequence[tuple[Result, Result]]) -> tuple[Result, Result, tuple[float, ...]]:
    """Of several (baseline, Carepost) pairs, the one whose ratio is the median (of an even
    count the lower one: a tie never flatters Carepost), and every pair's ratio in the order given."""
    ratios = tuple(ratio_of(floor, measured) or 0.0 for floor, measured in rounds)
    floor, measured = rounds[sorted(range(len(rounds)), key=ratios.__getitem__)[(len(rounds) - 1) // 2]]
    return floor, measured, ratios


def markdown(rows: Sequence[Row], skipped: Sequence[tuple[str, str]] = ()) -> str:
    lines = [
        "| scenario | server | req/s | p50 ms | p90 ms | p99 ms | p99/p50 | errors | × baseline |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        r = row.result
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "—"
        if len(row.ratios) > 1:
            ratio += f" ({min(row.ratios):.2f}–{max(row.ratios):.2f} over {len(row.ratios)} rounds)"
        # A backlog's delivery rate has no latency of its own: its events waited for the worker.
        latency = f"{r.p50_ms:.1f} | {r.p90_ms:.1f} | {r.p99_ms:.1f} | {r.p99_ms / r.p50_ms:.1f}" if r.p50_ms else "— | — | — | —"
        lines.append(f"| {row.scenario} | {row.server} | {r.throughput:.0f} | {latency} | {r.error_count} | {ratio} |")
    if skipped:
        lines += ["", "Not measured in this run:", ""]
        lines += [f"- {scenario}: {why}" for scenario, why in skipped]
    return "\n".join(lines) + "\n"
