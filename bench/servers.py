"""Start and stop the servers under test: `carepost serve` and the bare baseline."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Server:
    url: str
    pid: int  # the process group's leader: uvicorn's supervisor, or the only process


# The HTTP servers a run can serve Carepost and the baseline with (bench/run --server):
# uvicorn as `carepost serve` runs it, or granian, measured against it (docs/performance.md).
UVICORN, GRANIAN = "uvicorn", "granian"


@contextlib.contextmanager
def carepost(env: dict[str, str], *, port: int, workers: int, log: Path, server: str = UVICORN) -> Iterator[Server]:
    command = [str(VENV_BIN / "carepost"), "serve", "--port", str(port), "--workers", str(workers)]
    if server == GRANIAN:
        # `carepost serve` gives its workers one directory to count metrics in (serving.share_metrics).
        metrics = log.with_name(f"{log.stem}-metrics")
        metrics.mkdir(exist_ok=True)
        env = {**env, "PROMETHEUS_MULTIPROC_DIR": str(metrics)}
        command = _granian("carepost.serving:served_app", port, workers, factory=True)
    with _serving(command, env, port, log) as running:
        yield running


@contextlib.contextmanager
def asgi(app: str, env: dict[str, str], *, port: int, workers: int, log: Path, server: str = UVICORN) -> Iterator[Server]:
    """A bench app served as Carepost is (bench/serve.py): the baseline (`bench.baseline:app`), the webhook receiver."""
    command = [str(VENV_BIN / "python"), "-m", "bench.serve", app, "--port", str(port), "--workers", str(workers)]
    if server == GRANIAN:
        command = _granian(app, port, workers)
    with _serving(command, env, port, log) as running:
        yield running


def _granian(app: str, port: int, workers: int, *, factory: bool = False) -> list[str]:
    """granian serving an ASGI app as uvicorn serves it here: HTTP/1.1, uvloop, no websockets;
    its Rust task implementation on a single-threaded runtime, the faster of the settings tried."""
    return [
        str(VENV_BIN / "granian"), "--interface", "asgi", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--loop", "uvloop", "--http", "1", "--no-ws", "--runtime-mode", "st", "--task-impl", "rust", "--log-level", "warning",
        *(["--factory"] if factory else []), app,
    ]


@contextlib.contextmanager
def _serving(command: list[str], env: dict[str, str], port: int, log: Path) -> Iterator[Server]:
    url = f"http://127.0.0.1:{port}"
    with log.open("ab") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_until_up(url, process)
        yield Server(url, process.pid)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def free_port() -> int:
    """A port on 127.0.0.1 that the kernel just handed out as free (for the bench's own servers)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout_s: float = 60) -> None:
    """Until `url` answers anything over HTTP (`/health`), or the process ends."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}; see its log")
        try:
            urllib.request.urlopen(f"{url}/health", timeout=1)
            return
        except urllib.error.HTTPError:
            return  # any HTTP answer means it is serving
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up in {timeout_s:.0f} s")
