"""A PostgreSQL primary and its streaming replica (a hot standby), both of our own, for
measuring Carepost's lagging reads on a replica (CAREPOST_READ_REPLICA_URL).

    python -m bench.replica start DIR    # prints the primary's and the replica's URLs
    python -m bench.replica stop DIR
    bench/run --postgres PRIMARY_URL --replica REPLICA_URL …

The machine's own PostgreSQL takes no replication connections (its pg_hba.conf has no
`replication` line), so this makes a new cluster with `initdb` (which allows them from
127.0.0.1 under trust), copies it with `pg_basebackup -R`, and starts the copy as its hot
standby. A database the bench then creates on the primary streams to the replica with
everything in it. PostgreSQL refuses to run as root: as root both run as `postgres`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from bench.servers import free_port

BINARIES = Path("/usr/lib/postgresql")  # Debian's, one directory per major version


def start(directory: Path) -> tuple[str, str]:
    """Start a primary and its replica with their files in `directory`; return their URLs."""
    directory.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres")
    primary_port, replica_port = free_port(), free_port()
    primary, replica = directory / "primary", directory / "replica"
    _as_postgres(_binary("initdb"), "-D", str(primary), "-A", "trust", "-U", "postgres", "--no-sync")
    _pg_ctl(primary, primary_port, "start")
    _as_postgres(_binary("pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary_port), "-U", "postgres", "-D", str(replica), "-R", "-X", "stream")
    # Without feedback the primary's vacuum may cancel a replica's query that reads what it removes.
    with (replica / "postgresql.auto.conf").open("a") as config:
        config.write("hot_standby_feedback = on\n")
    _pg_ctl(replica, replica_port, "start")
    return f"postgresql://postgres@127.0.0.1:{primary_port}", f"postgresql://postgres@127.0.0.1:{replica_port}"


def stop(directory: Path) -> None:
    for cluster in ("replica", "primary"):
        if (directory / cluster / "postmaster.pid").exists():
            _as_postgres(_binary("pg_ctl"), "-D", str(directory / cluster), "-m", "fast", "-w", "stop")


def _pg_ctl(cluster: Path, port: int, action: str) -> None:
    # Its socket beside the clusters (not in one: the base backup would copy it); /var/run/postgresql is the machine's server's.
    options = f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={cluster.parent}"
    _as_postgres(_binary("pg_ctl"), "-D", str(cluster), "-l", str(cluster.with_suffix(".log")), "-o", options, "-w", action)


def _as_postgres(*command: str) -> None:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *command], check=True, stdout=sys.stderr, cwd="/tmp")


def _binary(name: str) -> str:
    newest = max(BINARIES.iterdir(), key=lambda version: int(version.name))
    return str(newest / "bin" / name)


if __name__ == "__main__":
    match sys.argv[1:]:
        case ["start", folder]:
            print(*start(Path(folder)))
        case ["stop", folder]:
            stop(Path(folder))
        case _:
            raise SystemExit(__doc__)
