"""A real `carepost serve` against clients that are slow or oversized on purpose:
headers that never finish, a silent connection, a megabyte of headers, a body
that stalls. Each is cut off with an answer, and no `Server` header is sent."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from tests.processes import serving

TIMEOUT = 1.0


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, int]]:
    data_dir = tmp_path_factory.mktemp("slow")
    env = {
        "CAREPOST_DATA_DIR": str(data_dir),
        "CAREPOST_SECRET_KEY": "slow-clients",
        "CAREPOST_HEADER_TIMEOUT_SECONDS": str(TIMEOUT),
        "CAREPOST_BODY_TIMEOUT_SECONDS": str(TIMEOUT),
        "CAREPOST_MAX_HEADER_BYTES": "8192",
    }
    with serving(env) as base:
        parts = urlsplit(base)
        yield parts.hostname, parts.port


def _exchange(address: tuple[str, int], *sends: bytes, wait: float = 10) -> tuple[bytes, float]:
    """Send, then read until the server closes; returns what came back and how long that took."""
    with socket.create_connection(address, timeout=wait) as connection:
        started = time.monotonic()
        for data in sends:
            connection.sendall(data)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
        return received, time.monotonic() - started


def test_headers_that_never_finish_get_408_and_the_connection_closes(server):
    answer, took = _exchange(server, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")

    assert answer.startswith(b"HTTP/1.1 408")
    assert took < TIMEOUT + 2


def test_a_silent_connection_is_closed(server):
    answer, took = _exchange(server)

    assert answer.startswith(b"HTTP/1.1 408")
    assert took < TIMEOUT + 2


def _headers(kilobytes: int) -> bytes:
    padding = b"".join(b"X-Pad-%d: %s\r\n" % (n, b"a" * 1000) for n in range(kilobytes))
    return b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + padding + b"\r\n"


def test_headers_past_the_limit_get_431(server):
    answer, _ = _exchange(server, _headers(20))

    assert answer.startswith(b"HTTP/1.1 431")


def test_a_megabyte_of_headers_is_cut_off(server):
    try:
        answer, _ = _exchange(server, _headers(1000))
    except (ConnectionResetError, BrokenPipeError):  # closed while the rest was still on its way
        return
    assert answer.startswith(b"HTTP/1.1 431")


def test_a_body_that_stalls_gets_408_in_the_contract_envelope(server):
    head = b"POST /api/partner/v1/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"

    answer, took = _exchange(server, head + b'{"patient_')

    status, _, rest = answer.partition(b"\r\n")
    assert status == b"HTTP/1.1 408 Request Timeout"
    headers, _, body = rest.partition(b"\r\n\r\n")
    assert b"connection: close" in headers.lower()
    assert json.loads(body)["error"]["code"] == "request_timeout"
    assert took < TIMEOUT + 2


def test_answers_name_no_server_and_keep_alive_still_works(server):
    host, port = server
    with httpx.Client(base_url=f"http://{host}:{port}") as client:
        first = client.get("/healthz")
        second = client.get("/healthz")  # the same connection, past the first request's deadline handling

    assert first.status_code == second.status_code == 200
    assert "server" not in first.headers
