"""The pharmacy port: handing a prescription order to the pharmacy that fills it.

Adapters (adapters/pharmacies/): `http` posts the order to the pharmacy's endpoint;
`embedded` (the demo and every test-mode order) accepts, fills, ships and delivers
on its own, on a configurable schedule, so an integrator sees the whole journey."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Handoff:
    """What the pharmacy gets: the order, its items, its prescription as a URL-less document."""

    order_id: str  # the pharmacy receives each order once, by this id
    pharmacy_code: str
    payload: dict[str, Any]
    prescription_pdf: bytes
    endpoint_url: str | None = None


@dataclass(frozen=True)
class HandedOff:
    reference: str | None  # the pharmacy's own id for the order, when it gives one
    manual: bool  # True: the pharmacy reports its progress through an operator (http); False: embedded, on its own


class PharmacyUnavailable(Exception):
    """The pharmacy could not be reached or failed on its side; the outbox tries again."""


class PharmacyRefused(Exception):
    """The pharmacy read the order and refused it."""


class PharmacyPort(Protocol):
    async def hand_off(self, handoff: Handoff) -> HandedOff: ...
