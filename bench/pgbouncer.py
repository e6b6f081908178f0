"""A PgBouncer of our own in transaction pooling mode, in front of the machine's
PostgreSQL, for the CI's third test run and the bench's pooled scenarios.

    python -m bench.pgbouncer start DIR PORT   # config, log and pid file in DIR
    python -m bench.pgbouncer stop DIR

PgBouncer comes from Debian's package (`apt-get install pgbouncer`); it refuses to
run as root, so as root it runs as the `postgres` user. Every database name is
passed through to the server (`* =`), with trust auth, as the server has.
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

SERVER = ("127.0.0.1", 5432)


def start(directory: Path, port: int) -> None:
    binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o777)  # the postgres user writes its log and pid file here
    (directory / "users.txt").write_text('"postgres" ""\n')
    config = directory / "pgbouncer.ini"
    config.write_text(f"""[databases]
* = host={SERVER[0]} port={SERVER[1]}

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
    for file in directory.iterdir():
        file.chmod(0o644)
    as_postgres = ["-u", "postgres"] if os.geteuid() == 0 else []
    subprocess.run([binary, "-d", *as_postgres, str(config)], check=True)
    _wait_for_port(port)


def stop(directory: Path) -> None:
    pid_file = directory / "pgbouncer.pid"
    with contextlib.suppress(FileNotFoundError, ProcessLookupError, ValueError):
        os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)


@contextlib.contextmanager
def running(port: int) -> Iterator[str]:
    """Start one in a directory of its own (which the postgres user can reach), give its
    `host:port`, stop it."""
    with tempfile.TemporaryDirectory(prefix="carepost-pgbouncer-") as folder:
        start(Path(folder), port)
        try:
            yield f"127.0.0.1:{port}"
        finally:
            stop(Path(folder))


def _wait_for_port(port: int, timeout_s: float = 10) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"PgBouncer did not listen on {port} within {timeout_s:.0f} s")


if __name__ == "__main__":
    command, folder, *rest = sys.argv[1:]
    if command == "start":
        start(Path(folder), int(rest[0]))
    else:
        stop(Path(folder))
