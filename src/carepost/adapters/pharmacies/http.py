"""A pharmacy reached over HTTP: the order is POSTed as JSON, its prescription PDF in
base64, with `Idempotency-Key: <order id>` so a retried hand-off is one order at the
pharmacy. 2xx is accepted for filling (the pharmacy's `reference` kept); 4xx is a
refusal; no answer, a timeout or a 5xx is tried again by the outbox."""

from __future__ import annotations

import base64

import httpx

from carepost.core.cases.pharmacy_port import HandedOff, Handoff, PharmacyRefused, PharmacyUnavailable


class HttpPharmacy:
    def __init__(self, *, timeout_seconds: float = 15.0) -> None:
        self.timeout = timeout_seconds

    async def hand_off(self, handoff: Handoff) -> HandedOff:
        assert handoff.endpoint_url is not None
        body = {**handoff.payload, "prescriptionPdf": base64.b64encode(handoff.prescription_pdf).decode()}
        try:
            async with httpx.AsyncClient(timeout=self.timeout, follow_redirects=False) as client:
                response = await client.post(handoff.endpoint_url, json=body, headers={"Idempotency-Key": handoff.order_id})
        except httpx.TimeoutException:
            raise PharmacyUnavailable(f"the pharmacy did not answer within {self.timeout:g} s") from None
        except httpx.HTTPError as error:
            raise PharmacyUnavailable(f"the pharmacy could not be reached: {type(error).__name__}") from None
        if response.status_code >= 500:
            raise PharmacyUnavailable(f"the pharmacy failed on its side (HTTP {response.status_code})")
        if response.status_code >= 300:
            raise PharmacyRefused(f"the pharmacy refused the order (HTTP {response.status_code}): {response.text[:300]}")
        try:
            reference = response.json().get("reference")
        except ValueError:
            reference = None
        return HandedOff(reference=str(reference) if reference else None, manual=True)
