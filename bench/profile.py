"""Flame graphs of Carepost under a scenario's load, recorded by py-spy."""

from __future__ import annotations

import contextlib
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

from bench.servers import VENV_BIN


def svg_path(out_dir: Path, stamp: str, scenario: str) -> Path:
    slug = re.sub(r"[^a-z0-9]+", "-", scenario.lower()).strip("-")
    return out_dir / f"flame-{stamp}-{slug}.svg"


@contextlib.contextmanager
def recording(pid: int, seconds: int, svg: Path) -> Iterator[None]:
    """Sample every process of the server (uvicorn's workers are its children) for
    `seconds`, without pausing them (--nonblocking), and write an SVG flame graph.
    Idle threads are left out: what shows is where the CPU and the waits on the
    database go."""
    command = [
        str(VENV_BIN / "py-spy"), "record", "--pid", str(pid), "--subprocesses", "--nonblocking",
        "--rate", "250", "--duration", str(seconds), "--format", "flamegraph", "--output", str(svg),
    ]
    recorder = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        yield
    finally:
        _, errors = recorder.communicate(timeout=seconds + 60)
        if recorder.returncode != 0:
            raise RuntimeError(f"py-spy failed ({recorder.returncode}): {errors.decode(errors='replace')[-500:]}")
        print(f"flame graph: {svg}", flush=True)
