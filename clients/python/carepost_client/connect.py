"""A client for each API, carrying the credential its contract names (every generated function
takes one of these as `client=`)."""

from __future__ import annotations

from typing import Any

from carepost_client.generated.client import AuthenticatedClient
from carepost_client.pharmacy_tokens import PharmacyTokens


def _key_in(header: str, base_url: str, api_key: str, **options: Any) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=base_url, token=api_key, prefix="", auth_header_name=header, **options)


def masks(base_url: str, api_key: str, **options: Any) -> AuthenticatedClient:
    """Contract 000: the clinic's key in `X-Api-Key`."""
    return _key_in("X-Api-Key", base_url, api_key, **options)


def devices(base_url: str, api_key: str, **options: Any) -> AuthenticatedClient:
    """Contracts 002 and 004: the customer's key in `Impilo-API-Key`."""
    return _key_in("Impilo-API-Key", base_url, api_key, **options)


def cases(base_url: str, api_key: str, **options: Any) -> AuthenticatedClient:
    """Contract 003: the organization's key in `cv-api-key`."""
    return _key_in("cv-api-key", base_url, api_key, **options)


def pharmacy(
    base_url: str, api_key: str, *, email: str, password: str, tokens: PharmacyTokens | None = None, **options: Any
) -> AuthenticatedClient:
    """Contract 001: the key in `X-API-Key` on every request, and a user's access token, obtained
    at the first request and again before its `access_lifetime` runs out (PharmacyTokens)."""
    tokens = tokens or PharmacyTokens(base_url=base_url, api_key=api_key, email=email, password=password)
    httpx_args = {**options.pop("httpx_args", {}), "auth": tokens}
    return _key_in("X-API-Key", base_url, api_key, httpx_args=httpx_args, **options)


def platform(base_url: str, api_key: str, **options: Any) -> AuthenticatedClient:
    """The webhooks API (/api/webhooks/v1) and the sandbox API (/api/sandbox/v1): any API key, as a bearer token."""
    return AuthenticatedClient(base_url=base_url, token=api_key, **options)


def operator(base_url: str, token: str, **options: Any) -> AuthenticatedClient:
    """The operator API (/api/ops/v1): an operator token, as a bearer token."""
    return AuthenticatedClient(base_url=base_url, token=token, **options)
