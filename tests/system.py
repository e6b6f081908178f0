"""Carepost as an operator runs it: `carepost serve` and `carepost worker` processes over a
database of the test's own, each writing its log to a file the test reads.

A System starts each process with the same CAREPOST_* settings (and any others it is given,
AWS_* or OTEL_*), and its own data directory when asked: two `serve` processes with two data
directories stand for two hosts."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from carepost.core.kit.db import Database
from carepost.core.kit.migrate import upgrade
from tests.processes import free_port, wait_until_answering
from tests.scratch_postgres import scratch_database


@dataclass
class Process:
    name: str
    popen: subprocess.Popen[bytes]
    log: Path
    base_url: str | None = None  # a server's

    def lines(self) -> list[str]:
        return self.log.read_text(errors="replace").splitlines()

    def signal(self, number: int) -> None:
        self.popen.send_signal(number)

    def wait(self, timeout: float = 30) -> int:
        return self.popen.wait(timeout=timeout)

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


@dataclass
class System:
    root: Path
    env: dict[str, str]
    processes: list[Process] = field(default_factory=list)

    def serve(self, name: str, *, data_dir: Path | None = None, args: tuple[str, ...] = (), env: dict[str, str] | None = None) -> Process:
        port = free_port()
        process = self._start(name, ["serve", "--port", str(port), *args], data_dir=data_dir, env=env)
        process.base_url = f"http://127.0.0.1:{port}"
        wait_until_answering(f"{process.base_url}/healthz", process.popen, name, lambda: process.log.read_text(errors="replace"))
        return process

    def worker(self, name: str, *, data_dir: Path | None = None, env: dict[str, str] | None = None) -> Process:
        return self._start(name, ["worker"], data_dir=data_dir, env=env)

    def _start(self, name: str, command: list[str], *, data_dir: Path | None, env: dict[str, str] | None) -> Process:
        log = self.root / f"{name}.log"
        data = data_dir or self.root / "data"
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("CAREPOST_", "AWS_", "OTEL_", "PROMETHEUS_"))}
        with log.open("ab") as sink:
            popen = subprocess.Popen(
                [sys.executable, "-m", "carepost.cli", *command], stdout=sink, stderr=subprocess.STDOUT,
                env={**clean, "CAREPOST_DATA_DIR": str(data), **self.env, **(env or {})},
            )
        process = Process(name, popen, log)
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.stop()


@asynccontextmanager
async def own_database(kind: str, root: Path) -> AsyncIterator[str]:
    """A migrated database no other test shares (a worker process claims whatever its outbox holds):
    a scratch PostgreSQL database, or a SQLite file under `root`."""
    if kind == "postgresql":
        async with scratch_database() as url:
            await _migrate(url)
            yield url
        return
    url = f"sqlite+aiosqlite:///{root / 'carepost.db'}"
    await _migrate(url)
    yield url


async def _migrate(url: str) -> None:
    db = Database(url)
    try:
        await upgrade(db)
    finally:
        await db.dispose()


def database_kind(test_database_url: str) -> str:
    return "postgresql" if test_database_url.startswith("postgresql") else "sqlite"


@contextmanager
def running(system: System) -> Iterator[System]:
    try:
        yield system
    finally:
        system.stop()

