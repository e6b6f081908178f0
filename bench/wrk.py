"""Run one wrk scenario and read the JSON its Lua `done()` wrote."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

LUA = Path(__file__).parent / "lua"


@dataclass(frozen=True)
class Load:
    connections: int
    duration_s: int
    warmup_s: int
    threads: int = 1


@dataclass(frozen=True)
class Result:
    requests: int
    duration_s: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    errors: dict[str, int]
    peak_rss_mb: float | None = None  # where a scenario measures memory (the bulk export)

    @property
    def throughput(self) -> float:
        return self.requests / self.duration_s

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def run(
    base_url: str,
    script: str,
    load: Load,
    env: dict[str, str],
    during: Callable[[int], AbstractContextManager[object]] = lambda _seconds: contextlib.nullcontext(),
) -> Result:
    """A short warm-up (pools, caches, prepared statements), then the measured run.

    The warm-up has a tag of its own: with the same tag, the measured run would resend
    the warm-up's idempotency keys and values, which Carepost answers as cheap replays
    and the baseline (which has no replay) as errors. `during(seconds)` wraps the
    measured run only (a profiler recording it)."""
    if load.warmup_s:
        warmup_env = {**env, "BENCH_TAG": env.get("BENCH_TAG", "") + "-warmup"}
        _wrk(base_url, script, load.connections, load.threads, load.warmup_s, warmup_env)
    with during(load.duration_s):
        return _wrk(base_url, script, load.connections, load.threads, load.duration_s, env)


def _wrk(base_url: str, script: str, connections: int, threads: int, seconds: int, env: dict[str, str]) -> Result:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(LUA / script), base_url],
            env={**os.environ, **env, "BENCH_LUA": str(LUA), "BENCH_OUT": out.name},
            check=True,
            stdout=subprocess.DEVNULL,
        )
        raw = json.loads(Path(out.name).read_text())
    return Result(
        requests=raw["requests"],
        duration_s=raw["duration_us"] / 1e6,
        p50_ms=raw["p50_us"] / 1000,
        p90_ms=raw["p90_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        max_ms=raw["max_us"] / 1000,
        errors=raw["errors"],
    )
