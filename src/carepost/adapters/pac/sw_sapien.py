"""SW Sapien (SW smarter web, Luna Soft) over its REST API, as its SDKs call it:

- `POST /v2/security/authenticate` with `{"user", "password"}` → `data.token` (a bearer
  token good for two hours; kept and renewed when refused);
- `POST /cfdi33/stamp/v4` (CFDI 3.3 and 4.0 alike), the sealed XML as the multipart
  field `xml` → `data.uuid`, `data.cfdi` (the stamped XML), `data.fechaTimbrado`;
- `POST /cfdi33/cancel/csd` with `{uuid, password, rfc, motivo, foliosustitucion,
  b64Cer, b64Key}` → `data.uuid[<UUID>]` (SAT's status code) and `data.acuse`.

Every answer is `{"status": "success"|"error", "data", "message", "messageDetail"}`.
An error answer is a refusal (PacRefused, with SW's message); a timeout, a refused
connection or a 5xx is PacUnavailable. satcfdi ships a client for this API, but it
calls `requests` without a timeout and to fixed hosts; this one is async, bounded,
and pointed at the URL the issuer configures.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx

from carepost.core.invoicing.pac import Cancellation, CancelRequest, PacRefused, PacUnavailable, Stamp

PREVIOUS_STAMP = "307"  # "El comprobante contiene un timbre previo": SW answers with the earlier stamp


class SwSapienPac:
    def __init__(self, url: str, *, user: str, password: str, timeout_seconds: float = 30.0) -> None:
        self.url = url.rstrip("/")
        self.user = user
        self.password = password
        self.timeout = httpx.Timeout(timeout_seconds)
        self._token: str | None = None

    async def stamp(self, xml: bytes) -> Stamp:
        answer = await self._authorized("POST", "/cfdi33/stamp/v4", files={"xml": ("xml", xml, "text/xml")}, keep_previous=True)
        data = answer.get("data") or {}
        try:
            return Stamp(
                uuid=str(data["uuid"]),
                xml=str(data["cfdi"]).encode(),
                stamped_at=datetime.fromisoformat(data["fechaTimbrado"]),
                sandbox=False,
            )
        except (KeyError, TypeError, ValueError) as error:
            raise PacUnavailable(f"SW Sapien answered a stamp without {error}") from None

    async def cancel(self, request: CancelRequest) -> Cancellation:
        body = {
            "uuid": request.uuid, "password": request.password, "rfc": request.issuer_rfc, "motivo": request.reason,
            "foliosustitucion": "", "b64Cer": request.certificate, "b64Key": request.key,
        }
        data = (await self._authorized("POST", "/cfdi33/cancel/csd", json=body)).get("data") or {}
        statuses = data.get("uuid") or {}
        status = statuses.get(request.uuid) or statuses.get(request.uuid.lower()) or next(iter(statuses.values()), "")
        return Cancellation(status=str(status), acknowledgment=data.get("acuse"))

    async def _authorized(self, method: str, path: str, *, keep_previous: bool = False, **sent: Any) -> dict[str, Any]:
        """Call with the bearer token, authenticating first, and once more if the token was refused."""
        for fresh in (False, True):
            if self._token is None or fresh:
                self._token = await self._authenticate()
            response = await self._send(method, path, headers={"Authorization": f"bearer {self._token}"}, **sent)
            if response.status_code != 401:
                return _answer(response, keep_previous=keep_previous)
        raise PacRefused(_message(response))

    async def _authenticate(self) -> str:
        response = await self._send("POST", "/v2/security/authenticate", json={"user": self.user, "password": self.password})
        token = (_answer(response).get("data") or {}).get("token")
        if not token:
            raise PacUnavailable("SW Sapien answered an authentication without a token")
        return str(token)

    async def _send(self, method: str, path: str, **sent: Any) -> httpx.Response:
        try:
            async with httpx.AsyncClient(timeout=self.timeout, follow_redirects=False) as client:
                return await client.request(method, self.url + path, **sent)
        except httpx.TimeoutException:
            raise PacUnavailable(f"SW Sapien did not answer within {self.timeout.read:g} s") from None
        except httpx.HTTPError as error:
            raise PacUnavailable(f"SW Sapien could not be reached: {type(error).__name__}") from None


def _answer(response: httpx.Response, *, keep_previous: bool = False) -> dict[str, Any]:
    if response.status_code >= 500:
        raise PacUnavailable(f"SW Sapien failed on its side (HTTP {response.status_code})")
    try:
        answer = response.json()
    except ValueError:
        raise PacUnavailable(f"SW Sapien answered HTTP {response.status_code} without JSON") from None
    if not isinstance(answer, dict):
        raise PacUnavailable("SW Sapien answered with something other than an object")
    if answer.get("status") == "success" and response.is_success:
        return answer
    if keep_previous and str(answer.get("message", "")).startswith(PREVIOUS_STAMP) and answer.get("data"):
        return answer  # stamped before (a retry after a lost answer): the same folio, not a second one
    raise PacRefused(_message(response, answer))


def _message(response: httpx.Response, answer: dict[str, Any] | None = None) -> str:
    if answer is None:
        try:
            answer = response.json()
        except ValueError:
            answer = {}
    parts = [str(answer.get("message") or f"HTTP {response.status_code}"), str(answer.get("messageDetail") or "")]
    return " — ".join(part for part in parts if part)[:1000]
