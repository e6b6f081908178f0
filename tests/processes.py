"""Carepost as real processes: `carepost serve` on a free port, stopped afterwards."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

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
    process = subprocess.Popen(
        [sys.executable, "-m", "carepost.cli", "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**clean, **env},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"carepost serve exited early:\n{process.stdout.read()}")
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("carepost serve did not start within 30 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
