"""The embedded pharmacy: takes every order it is handed; the pipeline then accepts,
fills, ships and delivers it on the configured schedule (core/cases/pipeline.py)."""

from __future__ import annotations

from carepost.core.cases.pharmacy_port import HandedOff, Handoff


class EmbeddedPharmacy:
    async def hand_off(self, handoff: Handoff) -> HandedOff:
        return HandedOff(reference=f"EMB-{handoff.order_id}", manual=False)
