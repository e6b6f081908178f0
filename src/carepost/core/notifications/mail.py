"""The mail port: adapters deliver by SMTP or write `.eml` files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from carepost.core.kit.errors import UpstreamFailed


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str  # "application/pdf"
    data: bytes


@dataclass(frozen=True)
class MailMessage:
    to: str
    subject: str
    text: str
    html: str | None = None
    attachments: tuple[Attachment, ...] = ()


class MailFailed(UpstreamFailed):
    def __init__(self, message: str) -> None:
        super().__init__(message, code="mail_failed")


class MailPort(Protocol):
    async def send(self, message: MailMessage) -> None:
        """Deliver the message, or raise MailFailed."""
        ...
