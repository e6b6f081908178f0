"""`serve --workers 2`: each worker listens on a socket of its own (carepost/listeners.py), so a
burst of keep-alive connections is spread over both by the kernel instead of all going to the
first worker to wake (docs/performance.md)."""

from __future__ import annotations

import socket

from tests.processes import connections_held, listening_pids, serving

CONNECTIONS = 16  # as many as the bench's; all on one worker by the kernel's chance: 2 in 2^16


def test_a_burst_of_connections_reaches_both_workers(tmp_path, database_url, settings):
    env = {"CAREPOST_DATABASE_URL": database_url, "CAREPOST_DATA_DIR": str(tmp_path), "CAREPOST_SECRET_KEY": settings.resolved_secret_key}
    with serving(env, args=("--workers", "2")) as base:
        port = int(base.rsplit(":", 1)[1])
        group = listening_pids(port, workers=2)
        assert len(group) == 3  # the supervisor, holding the port, and two workers
        # All at once, before any is accepted: a worker woken by the first would take them all
        # from a socket they shared.
        burst = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(CONNECTIONS)]
        try:
            for connection in burst:
                connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: carepost\r\n\r\n")
            assert all(connection.recv(64).startswith(b"HTTP/1.1 200") for connection in burst)  # answered, kept open
            held = connections_held(group, port)
        finally:
            for connection in burst:
                connection.close()
    assert sum(held.values()) == CONNECTIONS
    assert len([pid for pid, count in held.items() if count]) == 2, held
