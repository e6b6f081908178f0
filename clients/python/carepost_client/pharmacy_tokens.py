"""The pharmacy API's access token, kept fresh: an httpx auth flow that signs in
(`POST /api/token/` with the key and the user's e-mail and password) before the first request,
and again when the token is within a margin of its `access_lifetime` — or when the API answers
401 `token_not_valid` all the same (the server's clock or a revoked user), once.

Hand-written: the generated client knows one static credential per client; a token that
expires is this API's own rule (contract 001: SimpleJWT)."""

from __future__ import annotations

import threading
import time
from collections.abc import Generator

import httpx

TOKEN_PATH = "/api/token/"
REFRESH_MARGIN_SECONDS = 60.0  # a token this close to its end is replaced before it is sent


class PharmacyTokens(httpx.Auth):
    requires_response_body = True  # httpx reads each answer (sync or async) before the flow sees it

    def __init__(self, *, base_url: str, api_key: str, email: str, password: str, clock=time.monotonic) -> None:
        self.token_url = base_url.rstrip("/") + TOKEN_PATH
        self.api_key, self.email, self.password = api_key, email, password
        self._clock = clock
        self._token: str | None = None
        self._fresh_until = 0.0
        self._lock = threading.Lock()
        self.obtained = 0  # how many tokens were obtained (a client may check it never signs in for each request)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if request.url.path.endswith(TOKEN_PATH):
            yield request  # signing in needs no token
            return
        if self._stale():
            yield from self._sign_in()
        request.headers["Authorization"] = f"Bearer {self._token}"
        response = yield request
        if response.status_code == 401 and _token_not_valid(response):
            yield from self._sign_in()
            request.headers["Authorization"] = f"Bearer {self._token}"
            yield request

    def _stale(self) -> bool:
        with self._lock:
            return self._token is None or self._clock() >= self._fresh_until

    def _sign_in(self) -> Generator[httpx.Request, httpx.Response, None]:
        asked_at = self._clock()
        response = yield httpx.Request(
            "POST", self.token_url, json={"email": self.email, "password": self.password}, headers={"X-API-Key": self.api_key}
        )
        if response.status_code != 200:
            raise httpx.HTTPStatusError(f"the pharmacy API refused to sign in: {response.status_code} {response.text}", request=response.request, response=response)
        token = response.json()["access"]
        lifetime = float(_claims(token).get("access_lifetime", 0))
        with self._lock:
            self._token = token
            self._fresh_until = asked_at + max(lifetime - REFRESH_MARGIN_SECONDS, lifetime / 2)
            self.obtained += 1


def _token_not_valid(response: httpx.Response) -> bool:
    try:
        return response.json().get("code") == "token_not_valid"
    except ValueError:
        return False


def _claims(token: str) -> dict:
    """The JWT's claims, unverified: the client only reads how long the server says it lasts."""
    import base64
    import json

    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
