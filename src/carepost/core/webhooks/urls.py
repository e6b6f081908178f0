"""Where webhooks may go (docs/webhooks.md, "Safety").

A partner names the URL, so it must not turn the worker into a way into the
supplier's own network (SSRF): http or https only, https in live mode, no
credentials in it, and a host that resolves only to public addresses — not
private, loopback, link-local, multicast, reserved or unspecified ones. The
check runs when an endpoint is saved (a name that does not resolve yet passes)
and again before every request (a name may resolve elsewhere later). Hosts listed in CAREPOST_WEBHOOK_ALLOWED_HOSTS
(names or addresses) skip the address and https rules: a local receiver in
the tests, or an integrator's in the demo.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

MAX_URL_LENGTH = 2048


class UnsafeUrl(Exception):
    """The URL may not receive webhooks; the message says why, for the partner."""


def check_url(url: str, *, mode: str, allowed_hosts: frozenset[str]) -> str:
    """The URL's host, if the URL's form is acceptable (its addresses are checked apart)."""
    if len(url) > MAX_URL_LENGTH:
        raise UnsafeUrl(f"The URL is longer than {MAX_URL_LENGTH} characters.")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeUrl("The URL must be an absolute http or https URL.")
    if parts.username or parts.password:
        raise UnsafeUrl("The URL must not carry credentials.")
    try:
        port = parts.port  # urllib refuses a port that is not a number from 0 to 65535
    except ValueError:
        port = 0
    if port == 0:
        raise UnsafeUrl("The URL's port must be a number from 1 to 65535.")
    host = parts.hostname.lower()
    if mode == "live" and parts.scheme != "https" and not allowed(host, allowed_hosts):
        raise UnsafeUrl("A live endpoint's URL must use https.")
    return host


async def check_destination(host: str, *, allowed_hosts: frozenset[str], unresolved_ok: bool = False) -> None:
    """Resolve the host and refuse it if any of its addresses is not public. When an endpoint
    is saved, a name that does not resolve (yet) is let through: each send checks again."""
    if allowed(host, allowed_hosts):
        return
    try:
        addresses = await _addresses(host)
    except UnsafeUrl:
        if unresolved_ok:
            return
        raise
    for address in addresses:
        if allowed(address, allowed_hosts):
            continue
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified:
            raise UnsafeUrl(f"The URL's host resolves to a non-public address ({ip}).")


def allowed(host: str, allowed_hosts: frozenset[str]) -> bool:
    return host.strip("[]").lower() in allowed_hosts


def parse_allowed_hosts(setting: str | None) -> frozenset[str]:
    return frozenset(part.strip().strip("[]").lower() for part in (setting or "").split(",") if part.strip())


async def _addresses(host: str) -> list[str]:
    try:
        found = await asyncio.get_running_loop().getaddrinfo(host.strip("[]"), None, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise UnsafeUrl(f"The URL's host {host} does not resolve.") from None
    return sorted({str(info[4][0]) for info in found})
