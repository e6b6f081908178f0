"""Instructions per request, counted by valgrind's callgrind, whatever else the machine is
doing: within about 4 % for the same code (the request log's batches and the loop's wake-ups
follow the clock), where bench/cpu.py's milliseconds moved by a fifth between two runs of the
same code minutes apart on a shared two-core machine.

    .venv/bin/python -m bench.instructions [--only NAME] [--baseline] [--server postgresql://…]

For each of bench/cpu.py's scenarios (or those whose name contains an `--only`), it runs
`python -m bench.cpu` under callgrind twice, with a few requests and with more, each on its
own scratch database on `--server`, both at once. Start-up, migrations and the tenant file
cost the same in both, so the difference in instructions over the difference in requests is
one request's. Under callgrind Python runs some fifty times slower: a scenario takes minutes.
Counted: every instruction of the Python process (the app, SQLAlchemy, the driver, the
event loop) and none of PostgreSQL's, which runs in its own processes. Instructions are not
time (a cache miss costs more than an add), but a change that removes work removes them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import sys
from pathlib import Path

from bench import pg
from bench.cpu import ROUNDS, SCENARIOS, WARM

SERVER = "postgresql://postgres@127.0.0.1:5432"
FEW, MORE = 10, 30  # requests per round in the two runs: 60 and 180 requests in all


def requests_made(count: int) -> int:
    """How many requests `bench.cpu COUNT` sends in each scenario: the warm ones, then its rounds."""
    return min(WARM, count) + ROUNDS * count


async def _instructions(server: str, scenario: str, count: int, baseline: bool) -> int:
    """Every instruction one `bench.cpu COUNT --only SCENARIO` process ran, start to end."""
    async with pg.scratch_database(server, "carepost_instructions") as dsn:
        command = [
            "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-m", "bench.cpu", str(count),
            "--only", scenario, *(["--baseline"] if baseline else []),
        ]
        # The same hash seed on both runs: dict and set orders, and so the work, repeat exactly.
        env = {**os.environ, "PYTHONHASHSEED": "0", "CAREPOST_LOG_LEVEL": "warning",
               "CAREPOST_DATABASE_URL": dsn.replace("postgresql://", "postgresql+asyncpg://")}
        process = await asyncio.create_subprocess_exec(
            *command, env=env, cwd=Path(__file__).parent.parent, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        out, err = await process.communicate()
    collected = re.search(rb"Collected : (\d+)", err)
    if process.returncode != 0 or collected is None:
        raise RuntimeError(f"bench.cpu {count} --only {scenario!r} under callgrind failed:\n{(out + err).decode()[-2000:]}")
    return int(collected.group(1))


async def per_request(server: str, scenario: str, baseline: bool) -> float:
    """One request's instructions: the two runs' difference over their requests' difference."""
    few, more = await asyncio.gather(*(_instructions(server, scenario, count, baseline) for count in (FEW, MORE)))
    return (more - few) / (requests_made(MORE) - requests_made(FEW))


async def main(only: list[str], baseline: bool, server: str) -> None:
    if shutil.which("valgrind") is None:
        sys.exit("bench.instructions needs valgrind (Debian: apt-get install valgrind)")
    chosen = [name for name in SCENARIOS if not only or any(part in name for part in only)]
    if baseline:
        chosen = [name for name in chosen if name != SCENARIOS[0]]  # the baseline serves no bare route
    print(f"{'':28} {'Carepost' if not baseline else 'baseline'}: instructions per request (callgrind)")
    for name in chosen:
        print(f"{name:28} {await per_request(server, name, baseline) / 1e6:8.2f} M", flush=True)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.instructions", description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", default=[], help="the scenarios whose name contains this; repeatable")
    parser.add_argument("--baseline", action="store_true", help="count the bare baseline's (bench/baseline.py) instead")
    parser.add_argument("--server", default=SERVER, help=f"the PostgreSQL server for the scratch databases ({SERVER})")
    return parser.parse_args()


if __name__ == "__main__":
    arguments = _arguments()
    asyncio.run(main(arguments.only, arguments.baseline, arguments.server))
