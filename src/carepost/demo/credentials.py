"""The demo's own record of its keys' secrets.

Keys are stored hashed, so a restarted demo cannot read them back from the
database. It keeps them in a private file beside its database instead, and
re-issues any key whose secret it no longer has. Only the demo does this.
"""

from __future__ import annotations

import json
import secrets as random_secrets
from pathlib import Path
from typing import Any

from carepost.core.accounts import service as accounts
from carepost.core.kit.db import Database
from carepost.core.kit.private_files import write_private
from carepost.core.operators import console
from carepost.core.operators import service as operators
from carepost.tenant_file.apply import AccountReport

DEMO_KEY_NAME = "demo"


def _path(data_dir: Path) -> Path:
    return data_dir / "demo-credentials.json"


def _load(data_dir: Path) -> dict[str, Any]:  # slug -> mode -> secret; "_console" -> role -> login
    path = _path(data_dir)
    return json.loads(path.read_text()) if path.exists() else {}


def _save(data_dir: Path, secrets: dict[str, Any]) -> None:
    write_private(_path(data_dir), json.dumps(secrets, indent=2).encode())


async def resolve(db: Database, data_dir: Path, reports: list[AccountReport]) -> dict[str, dict[str, str]]:
    """slug -> {mode: secret} for every demo key, re-issuing keys whose secret was lost."""
    known = _load(data_dir)
    for report in reports:
        secrets = known.setdefault(report.slug, {})
        for key in report.keys:
            if key.secret is not None:
                secrets[key.mode] = key.secret
            elif key.mode not in secrets:
                secrets[key.mode] = await _reissue(db, report.slug, key.mode)
    _save(data_dir, known)
    return known


async def operator_token(db: Database, data_dir: Path) -> str:
    """The demo's operator token, issued once and kept with the keys."""
    known = _load(data_dir)
    token = known.get("_operator", {}).get("token")
    if token is None:
        async with db.transaction() as session:
            token = await operators.issue_token(session, name="demo")
        known["_operator"] = {"token": token}
        _save(data_dir, known)
    return token


CONSOLE_LOGINS = {"admin": "admin@carepost.demo", "support": "support@carepost.demo"}


async def console_logins(db: Database, data_dir: Path) -> dict[str, dict[str, str]]:
    """role -> {email, password}: the demo's console logins, their passwords made once and kept
    with the keys (the database holds only their hashes)."""
    known = _load(data_dir)
    logins = known.setdefault("_console", {})
    for role, email in CONSOLE_LOGINS.items():
        login = logins.setdefault(role, {"email": email, "password": random_secrets.token_urlsafe(12)})
        async with db.transaction() as session:
            await console.ensure_operator(session, email=login["email"], name=f"Demo {role}", role=role, password=login["password"])
    _save(data_dir, known)
    return logins


async def _reissue(db: Database, slug: str, mode: str) -> str:
    async with db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        lost = await accounts.active_key_named(session, account=account, mode=mode, name=DEMO_KEY_NAME)
        if lost is not None:
            await accounts.revoke_key(session, key_id=lost.id)
        issued = await accounts.issue_key(session, account=account, mode=mode, name=DEMO_KEY_NAME)
    return issued.secret
