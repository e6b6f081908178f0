"""Carepost as real processes: `carepost serve` on a free port, stopped afterwards."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(env: dict[str, str], *, args: tuple[str, ...] = ()) -> Iterator[str]:
    """Yields the base URL of a `carepost serve` process configured by `env` (CAREPOST_* only)."""
    port = free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CAREPOST_")}
    # Its log goes to a file: a pipe nobody reads until the end would fill and stop the server.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "carepost.cli", "serve", "--port", str(port), *args],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**clean, **env},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{base}/healthz", process, "carepost serve", lambda: (log.seek(0), log.read())[1].decode(errors="replace"))
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def wait_until_answering(
    url: str, process: subprocess.Popen[Any], name: str, output: Callable[[], str], timeout: float = 30,
) -> None:
    """Until `url` answers (any status but a 5xx), or fail with the process's output if it exits first."""
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited early:\n{output()}")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{name} did not answer within {timeout:.0f} s")
        time.sleep(0.1)


def listening_pids(port: int, *, workers: int = 1, timeout: float = 30) -> list[int]:
    """Every process of the server on `port`: the one process of a plain `serve`, or a
    `serve --workers N` group, its supervisor and each worker, once all N workers listen
    (each on a socket of its own; the supervisor's only holds the port)."""
    deadline = time.monotonic() + timeout
    while True:
        inodes = {row[9] for row in _tcp_rows() if row[1].rsplit(":", 1)[1] == f"{port:04X}" and row[3] == _LISTEN}
        listening = sorted({pid for pid, inode in _socket_holders() if inode in inodes})
        if len(listening) >= workers:
            break
        if time.monotonic() > deadline:
            raise AssertionError(f"{len(listening)} of {workers} processes listen on {port}")
        time.sleep(0.1)
    if workers == 1 or any(_parent(pid) in listening for pid in listening):
        return listening  # one process, or (uvicorn's own way) a supervisor sharing its socket with its workers
    parents = {_parent(pid) for pid in listening}
    assert len(parents) == 1, f"workers of several supervisors listen on {port}"
    return sorted([*parents, *listening])


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def connections_held(pids: list[int], port: int) -> dict[int, int]:
    """How many established connections to `port` each process holds."""
    inodes = {row[9] for row in _tcp_rows() if row[1].rsplit(":", 1)[1] == f"{port:04X}" and row[3] == _ESTABLISHED}
    held = dict.fromkeys(pids, 0)
    for pid, inode in _socket_holders():
        if pid in held and inode in inodes:
            held[pid] += 1
    return held


_LISTEN, _ESTABLISHED = "0A", "01"  # /proc/net/tcp's states


def _tcp_rows() -> list[list[str]]:
    return [row.split() for table in ("/proc/net/tcp", "/proc/net/tcp6") for row in Path(table).read_text().splitlines()[1:]]


def _socket_holders() -> Iterator[tuple[int, str]]:
    """(pid, socket inode) for every socket every process holds."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:["):
                    yield int(pid), target[len("socket:["):-1]
        except OSError:
            continue


def _status_mib(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no {field} in /proc/{pid}/status")


def peak_rss_mib(pid: int) -> float:
    """The kernel's high-water mark of the process's resident set (VmHWM)."""
    return _status_mib(pid, "VmHWM")


def rss_mib(pid: int) -> float:
    return _status_mib(pid, "VmRSS")


def reset_peak_rss(pid: int) -> None:
    """Start VmHWM again from the current resident set (Linux's clear_refs, value 5)."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")
