"""What a request handler needs from the running app, as one dependency."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from carepost.adapters.ratelimit import Counter
from carepost.config import Settings
from carepost.core.commerce.port import CommerceResolver
from carepost.core.documents.port import DocumentStore
from carepost.core.kit.db import Database
from carepost.core.notifications.mail import MailPort


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    db: Database
    commerce: CommerceResolver
    mail: Callable[[str], MailPort]  # by mode: test-mode mail goes to the sandbox mailbox
    documents: DocumentStore
    rate_counter: Counter


async def get_runtime(request: Request) -> Runtime:
    # async, though it awaits nothing: FastAPI runs a plain `def` dependency in a thread.
    return request.app.state.runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def request_id_of(request: Request) -> str:
    return request.scope["state"]["request_id"]
