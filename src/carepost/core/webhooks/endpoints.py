"""Managing an account's webhook endpoints, for one mode: the partner's own API (with any
of its keys), the operator API, the CLI and the tenant file all come through here.

A secret is shown once, when made (create, rotate); it is kept sealed. A rotation keeps
the previous secret signing beside the new one for a day, so a receiver can switch."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.kit import sealing
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput, NotFound
from carepost.core.models import WebhookEndpoint
from carepost.core.webhooks import types, urls
from carepost.core.webhooks.policy import WebhookPolicy
from carepost.core.webhooks.repository import WebhookRepository
from carepost.core.webhooks.signing import new_secret

MAX_ENDPOINTS = 16  # per account and mode


@dataclass(frozen=True)
class EndpointIn:
    url: str
    description: str | None = None
    event_types: list[str] | None = None


@dataclass(frozen=True)
class EndpointChange:
    url: str | None = None
    description: str | None = None
    event_types: list[str] | None = None
    enabled: bool | None = None
    fields: frozenset[str] = frozenset()  # which were sent: `description: null` clears it


@dataclass(frozen=True)
class Made:
    endpoint: WebhookEndpoint
    secret: str  # shown once


async def create(session: AsyncSession, *, scope: Scope, given: EndpointIn, policy: WebhookPolicy, secret_key: str) -> Made:
    await _check_url(given.url, scope.mode, policy)
    event_types = _checked_types(given.event_types)
    repository = WebhookRepository(session)
    if len(await repository.endpoints(scope)) >= MAX_ENDPOINTS:
        raise InvalidInput(f"An account has at most {MAX_ENDPOINTS} endpoints per mode.", code="too_many_endpoints", field="url")
    now, secret = utcnow(), new_secret()
    endpoint = WebhookEndpoint(
        public_id=f"we_{secrets.token_hex(12)}", account_id=scope.account_id, mode=scope.mode, url=given.url,
        description=given.description, event_types=event_types, enabled=True, sealed_secret=_seal(secret_key, secret),
        created_at=now, updated_at=now,
    )
    return Made(await repository.add(endpoint), secret)


async def ensure(session: AsyncSession, *, scope: Scope, given: EndpointIn, policy: WebhookPolicy, secret_key: str) -> Made | WebhookEndpoint:
    """The endpoint at this URL, brought to `given` (the tenant file); a new one comes with its secret."""
    existing = await WebhookRepository(session).endpoint_by_url(scope, given.url)
    if existing is None:
        return await create(session, scope=scope, given=given, policy=policy, secret_key=secret_key)
    existing.description, existing.event_types, existing.updated_at = given.description, _checked_types(given.event_types), utcnow()
    return existing


async def all_of(session: AsyncSession, *, scope: Scope) -> list[WebhookEndpoint]:
    return await WebhookRepository(session).endpoints(scope)


async def get(session: AsyncSession, *, scope: Scope, endpoint_id: str, lock: bool = False) -> WebhookEndpoint:
    endpoint = await WebhookRepository(session).endpoint(scope, endpoint_id, lock=lock)
    if endpoint is None:
        raise NotFound("No such webhook endpoint.", code="endpoint_not_found")
    return endpoint


async def change(
    session: AsyncSession, *, scope: Scope, endpoint_id: str, given: EndpointChange, policy: WebhookPolicy
) -> WebhookEndpoint:
    endpoint = await get(session, scope=scope, endpoint_id=endpoint_id, lock=True)
    if given.url is not None:
        await _check_url(given.url, scope.mode, policy)
        endpoint.url = given.url
    if "description" in given.fields:
        endpoint.description = given.description
    if "event_types" in given.fields:
        endpoint.event_types = _checked_types(given.event_types)
    if given.enabled is not None:
        endpoint.enabled = given.enabled
        endpoint.disabled_reason = None if given.enabled else "disabled by the partner"
        endpoint.failing_since = None
    endpoint.updated_at = utcnow()
    return endpoint


async def delete(session: AsyncSession, *, scope: Scope, endpoint_id: str) -> None:
    await WebhookRepository(session).delete(await get(session, scope=scope, endpoint_id=endpoint_id, lock=True))


async def rotate_secret(
    session: AsyncSession, *, scope: Scope, endpoint_id: str, policy: WebhookPolicy, secret_key: str
) -> Made:
    endpoint = await get(session, scope=scope, endpoint_id=endpoint_id, lock=True)
    secret, now = new_secret(), utcnow()
    endpoint.sealed_previous_secret, endpoint.sealed_secret = endpoint.sealed_secret, _seal(secret_key, secret)
    endpoint.previous_secret_until, endpoint.updated_at = now + policy.rotation_overlap, now
    return Made(endpoint, secret)


def signing_secrets(endpoint: WebhookEndpoint, *, secret_key: str, now: datetime) -> list[str]:
    """The current secret, and the previous one while its day of overlap lasts."""
    found = [_unseal(secret_key, endpoint.sealed_secret)]
    until = endpoint.previous_secret_until
    if endpoint.sealed_previous_secret and until is not None and now < until:
        found.append(_unseal(secret_key, endpoint.sealed_previous_secret))
    return found


async def _check_url(url: str, mode: str, policy: WebhookPolicy) -> None:
    try:
        host = urls.check_url(url, mode=mode, allowed_hosts=policy.allowed_hosts)
        await urls.check_destination(host, allowed_hosts=policy.allowed_hosts, unresolved_ok=True)
    except urls.UnsafeUrl as unsafe:
        raise InvalidInput(str(unsafe), code="url_not_allowed", field="url") from None


def _checked_types(event_types: list[str] | None) -> list[str] | None:
    if event_types is None:
        return None
    unknown = sorted(set(event_types) - set(types.TYPES))
    if unknown:
        raise InvalidInput(f"Unknown event types: {', '.join(unknown)}.", code="unknown_event_type", field="event_types")
    return sorted(set(event_types))


def _seal(secret_key: str, value: str) -> str:
    return sealing.seal(secret_key, value, purpose=sealing.WEBHOOKS)


def _unseal(secret_key: str, value: str) -> str:
    return sealing.unseal(secret_key, value, purpose=sealing.WEBHOOKS)
