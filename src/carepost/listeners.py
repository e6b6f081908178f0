"""`serve --workers N`: each worker process listens on a socket of its own (SO_REUSEPORT),
and the kernel spreads the connections over them.

uvicorn's supervisor binds one socket and hands it to every worker. Each worker's event
loop then accepts every connection waiting when it wakes (asyncio accepts up to the
backlog at once), so the first worker to wake takes a burst of keep-alive connections
whole and the others idle: under the bench's 16 connections one of two workers served
nine requests in ten (docs/performance.md). With a socket per worker, the kernel hashes
each new connection to one of them instead.

uvicorn has no option for it: its supervisor passes the sockets it is given to each
worker it starts (again when one dies), pickled. So what it is given here pickles as
"bind a socket of your own", and the supervisor keeps the port for the group with a
socket bound but not listening, which receives no connection.
"""

from __future__ import annotations

import socket
from typing import Any


def reserve(host: str, port: int) -> socket.socket:
    """The supervisor's hold on the port (port 0: one the kernel picks), bound and never
    listening. Raises OSError if another program holds it."""
    holder = _reuse_port_socket(host)
    holder.bind((host, port))
    return holder


class OwnSocket:
    """What uvicorn's supervisor hands each worker: unpickled in the worker, a listening
    socket of the worker's own on the reserved address."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return bind_own, (self.host, self.port)


def bind_own(host: str, port: int) -> socket.socket:
    sock = _reuse_port_socket(host)
    sock.bind((host, port))
    return sock  # uvicorn's worker makes it listen, with its backlog


def _reuse_port_socket(host: str) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    return sock
