from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest

from carepost.core.operators import console

PASSWORD = "console password 1234"


@dataclass(frozen=True)
class Login:
    email: str
    role: str
    password: str = PASSWORD


@pytest.fixture
async def browser(app) -> AsyncIterator[httpx.AsyncClient]:
    """A browser on the console over https (its cookies are Secure), following no redirects."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        yield http


async def make_login(db, role: str = "admin") -> Login:
    email = f"op-{uuid.uuid4().hex[:8]}@supplier.example"
    async with db.transaction() as session:
        await console.ensure_operator(session, email=email, name=f"Olga {role.title()}", role=role, password=PASSWORD)
    return Login(email, role)


def form_token(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the page has a form with a CSRF token"
    return found.group(1)


async def sign_in(browser: httpx.AsyncClient, login: Login) -> httpx.Response:
    form = await browser.get("/console/sign-in")
    return await browser.post(
        "/console/sign-in", data={"email": login.email, "password": login.password, "csrf_token": form_token(form.text)}
    )
