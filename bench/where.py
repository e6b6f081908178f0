"""Where a request's CPU goes, by library: a py-spy recording of one process read by the
file of each sample's innermost frame (its self time). Comparing Carepost's reading with the
baseline's for the same scenario shows what Carepost's extra time is made of, where a flame
graph shows it frame by frame.

    python -m bench.where RECORDING.txt   (py-spy's --format raw: one folded stack a line)

bench/cpu.py --where records one while it sends a scenario's requests, and prints this.
"""

from __future__ import annotations

import collections
import contextlib
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.servers import VENV_BIN

# The innermost frame's file → what it is part of; the first pattern that matches decides.
CATEGORIES = (
    ("asyncpg and its socket", re.compile(r"\(asyncpg/|\(asyncio/selector_events\.py|\(asyncio/sslproto\.py")),
    ("SQLAlchemy", re.compile(r"\(sqlalchemy/|\(greenlet/|<sqlalchemy")),
    ("FastAPI and Starlette", re.compile(r"\((fastapi|starlette)/")),
    ("pydantic", re.compile(r"\(pydantic(_core)?/")),
    ("the app's own code", re.compile(r"\(carepost/|\(bench/(baseline|baseline_more|bare)\.py")),
    ("logging", re.compile(r"\((structlog|logging)/")),
    ("asyncio", re.compile(r"\(asyncio/")),
    ("the bench's own driver", re.compile(r"\(bench/")),
)
OTHER = "other Python (contextlib, json, dataclasses, …)"
# The event loop waiting for the database: py-spy, not pausing the process, cannot tell this
# thread is idle, so the samples are dropped here. What is left is CPU.
WAITING = re.compile(r"\(selectors\.py")


def shares(recording: Path) -> dict[str, float]:
    """Each category's share of the recording's samples on the CPU, largest first."""
    counts: collections.Counter[str] = collections.Counter()
    for line in recording.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        leaf = stack.rsplit(";", 1)[-1]
        if WAITING.search(leaf):
            continue
        counts[next((name for name, pattern in CATEGORIES if pattern.search(leaf)), OTHER)] += int(count)
    total = sum(counts.values()) or 1
    return {name: count / total for name, count in counts.most_common()}


@contextlib.contextmanager
def recording(output: Path) -> Iterator[None]:
    """py-spy samples this very process while the block runs (idle time left out), writing
    folded stacks to `output`."""
    command = [str(VENV_BIN / "py-spy"), "record", "--pid", str(os.getpid()), "--rate", "1000", "--nonblocking",
               "--format", "raw", "--output", str(output)]
    recorder = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        yield
    finally:
        recorder.send_signal(signal.SIGINT)  # py-spy writes what it sampled when interrupted
        _, errors = recorder.communicate(timeout=60)
        if not output.exists():
            raise RuntimeError(f"py-spy wrote nothing ({recorder.returncode}): {errors.decode(errors='replace')[-500:]}")


def table(reading: dict[str, float], cpu_ms: float) -> str:
    return "\n".join(f"    {name:50} {share:6.1%}  {share * cpu_ms:5.2f} ms" for name, share in reading.items())


if __name__ == "__main__":
    print(table(shares(Path(sys.argv[1])), cpu_ms=0.0))
