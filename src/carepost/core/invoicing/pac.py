"""The PAC port: an authorised provider stamps a sealed CFDI (adds the
TimbreFiscalDigital with its fiscal folio, the UUID) and cancels one.

Adapters: the embedded sandbox stamper (adapters/pac/embedded.py; the demo and
every test-mode order) and SW Sapien's REST API (adapters/pac/sw_sapien.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol


@dataclass(frozen=True)
class Stamp:
    uuid: str
    xml: bytes  # the CFDI with its TimbreFiscalDigital
    stamped_at: datetime
    sandbox: bool  # True: stamped by the embedded stamper, not fiscally valid


@dataclass(frozen=True)
class CancelRequest:
    uuid: str
    issuer_rfc: str
    reason: str  # c_MotivoCancelacion; "02": issued with errors, not to be replaced
    certificate: str  # the CSD, DER in base64, as SAT's cancellation service wants it
    key: str  # PKCS#8 DER in base64
    password: str


@dataclass(frozen=True)
class Cancellation:
    status: str  # the provider's code for the folio (SAT's "201": cancellation accepted)
    acknowledgment: str | None = None  # SAT's acuse, when the provider returns it


class PacRefused(Exception):
    """The provider read the request and refused it (its message says why); retrying will not help."""


class PacUnavailable(Exception):
    """The provider could not be reached, timed out or failed on its side; retrying may help."""


class Pac(Protocol):
    async def stamp(self, xml: bytes) -> Stamp: ...

    async def cancel(self, request: CancelRequest) -> Cancellation: ...


# (the issuer's PAC settings, the order's mode) -> the PAC; test mode always gets the embedded one.
PacFor = Callable[[Mapping[str, Any], str], Pac]
