"""Mail written as `.eml` files: the default without SMTP, and the sandbox's mailbox."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

from carepost.adapters.mail.smtp import to_mime
from carepost.core.kit.clock import utcnow
from carepost.core.kit.private_files import write_private
from carepost.core.notifications.mail import MailFailed, MailMessage


class FileMail:
    def __init__(self, directory: Path, *, sender: str) -> None:
        self.directory = directory
        self.sender = sender

    async def send(self, message: MailMessage) -> None:
        name = f"{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}.eml"
        data = to_mime(message, sender=self.sender).as_bytes()
        try:
            await asyncio.to_thread(self._write, self.directory / name, data)
        except OSError as error:
            raise MailFailed(f"Could not write the e-mail file: {error.strerror}") from error

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        write_private(path, data)  # an invoice e-mail carries the patient's CFDI
