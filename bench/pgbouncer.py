"""A PgBouncer of our own in transaction pooling mode, in front of the machine's
PostgreSQL, for the CI's third test run and the bench's pooled scenarios.

    python -m bench.pgbouncer start DIR [HOST:PORT]   # prints the port; config, log and pid file in DIR
    python -m bench.pgbouncer stop DIR

In front of the server at HOST:PORT (default the machine's, 127.0.0.1:5432; `bench/run`
passes its `--postgres`).

PgBouncer comes from Debian's package (`apt-get install pgbouncer`); it refuses to
run as root, so as root it runs as the `postgres` user. Every database name is
passed through to the server (`* =`), with trust auth, as the server has.

The port is one the kernel just handed out as free, and a start that does not come
up (the port taken again in between, by an outgoing connection's ephemeral port for
one) is tried again on another; a start that never comes up says what PgBouncer
logged.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.servers import free_port

SERVER = "127.0.0.1:5432"
ATTEMPTS = 5


def binary() -> str | None:
    """Debian installs it in /usr/sbin, which is not on every PATH."""
    return shutil.which("pgbouncer") or shutil.which("pgbouncer", path="/usr/sbin")


def start(directory: Path, server: str = SERVER) -> int:
    """Start PgBouncer in front of `server` (host:port) with its files in `directory`; return
    the port it listens on."""
    program = binary()
    if program is None:
        raise FileNotFoundError("PgBouncer is not installed (Debian: apt-get install pgbouncer)")
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o777)  # the postgres user writes its log and pid file here
    (directory / "users.txt").write_text('"postgres" ""\n')
    log = directory / "pgbouncer.log"
    for _ in range(ATTEMPTS):
        port = free_port()
        logged_before = log.stat().st_size if log.exists() else 0
        config = _write_config(directory, port, server)
        for file in directory.iterdir():
            file.chmod(0o644)
        as_postgres = ["-u", "postgres"] if os.geteuid() == 0 else []
        # Its own output goes to stderr: stdout carries only the port.
        subprocess.run([program, "-d", *as_postgres, str(config)], check=True, stdout=sys.stderr)
        if _listening(port, directory / "pgbouncer.pid", log, logged_before):
            return port
        stop(directory)
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no log written)"
    raise RuntimeError(f"PgBouncer did not start in {ATTEMPTS} attempts; its log ends:\n{tail}")


def stop(directory: Path) -> None:
    pid_file = directory / "pgbouncer.pid"
    with contextlib.suppress(FileNotFoundError, ProcessLookupError, ValueError):
        os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)


@contextlib.contextmanager
def running(server: str = SERVER) -> Iterator[str]:
    """Start one in front of `server` in a directory of its own (under /tmp, which the
    postgres user can reach whatever TMPDIR says), give its `host:port`, stop it."""
    with tempfile.TemporaryDirectory(prefix="carepost-pgbouncer-", dir="/tmp") as folder:
        port = start(Path(folder), server)
        try:
            yield f"127.0.0.1:{port}"
        finally:
            stop(Path(folder))


def _write_config(directory: Path, port: int, server: str) -> Path:
    config = directory / "pgbouncer.ini"
    host, _, server_port = server.rpartition(":")
    config.write_text(f"""[databases]
* = host={host} port={server_port}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = trust
auth_file = {directory / "users.txt"}
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
logfile = {directory / "pgbouncer.log"}
pidfile = {directory / "pgbouncer.pid"}
; asyncpg sends it at connect; PgBouncer would refuse the connection otherwise
ignore_startup_parameters = extra_float_digits
""")
    return config


def _listening(port: int, pid_file: Path, log: Path, logged_before: int, timeout_s: float = 30) -> bool:
    """Whether PgBouncer listens on `port` before it exits (a FATAL line logged since
    `logged_before`, or its pid gone) or the time runs out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
        if not _alive(pid_file) or _fatal_since(log, logged_before):
            return False
        time.sleep(0.1)
    return False


def _fatal_since(log: Path, offset: int) -> bool:
    if not log.exists():
        return False
    with log.open("rb") as lines:
        lines.seek(offset)
        return b" FATAL " in lines.read()


def _alive(pid_file: Path) -> bool:
    """False once the daemon has exited; True while it runs or has not yet written its pid."""
    try:
        pid = int(pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


if __name__ == "__main__":
    command, folder = sys.argv[1:3]
    if command == "start":
        print(start(Path(folder), *sys.argv[3:4]))
    else:
        stop(Path(folder))
