"""Choosing the PAC: test mode and the demo stamp in-process; live orders use the provider
the issuer's settings name (tenant file `invoicing.pac`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from carepost.adapters.pac.embedded import EmbeddedPac
from carepost.adapters.pac.sw_sapien import SwSapienPac
from carepost.core.invoicing.pac import Pac, PacFor
from carepost.core.kit import sealing


def pac_resolver(secret_key: str, *, timeout_seconds: float = 30.0) -> PacFor:
    embedded = EmbeddedPac()
    clients: dict[tuple[str, str], SwSapienPac] = {}  # one per account's credentials: keeps its token

    def pac_for(settings: Mapping[str, Any], mode: str) -> Pac:
        if mode == "test" or settings.get("provider", "embedded") == "embedded":
            return embedded
        password = sealing.unseal(secret_key, settings["sealed_password"], purpose=sealing.INVOICING)
        key = (settings["url"], settings["user"])
        if key not in clients or clients[key].password != password:
            clients[key] = SwSapienPac(settings["url"], user=settings["user"], password=password, timeout_seconds=timeout_seconds)
        return clients[key]

    return pac_for
