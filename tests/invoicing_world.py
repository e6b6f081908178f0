"""What the invoicing tests share: a worker with real ports (PAC resolver, document
store, mail to a real SMTP server), draining the outbox, and reading back a CFDI."""

from __future__ import annotations

import base64
from decimal import Decimal
from email.message import EmailMessage
from typing import Any

from satcfdi.cfdi import CFDI
from satcfdi.models.certificate import Certificate

from carepost.adapters.mail import mail_for
from carepost.adapters.mail.smtp import SmtpMail
from carepost.config import Settings
from carepost.core.kit.db import Database
from carepost.core.notifications.mail import MailPort
from carepost.worker import Worker
from tests.mail_server import Inbox


def invoicing_worker(db: Database, settings: Settings, smtp_url: str, *, pac_timeout_seconds: float = 5.0) -> Worker:
    """The production worker, its live mail going to the test's SMTP server (test-mode mail
    to the sandbox mailbox, as in production)."""

    def mail(mode: str) -> MailPort:
        return mail_for(settings, mode) if mode == "test" else SmtpMail(smtp_url, sender=settings.mail_from, timeout=5)

    return Worker.for_settings(db, settings.model_copy(update={"pac_timeout_seconds": pac_timeout_seconds}), mail=mail)


async def drain(worker: Worker) -> None:
    """Deliver every message that is due now (retries scheduled for later stay queued)."""
    while await worker.relay.run_once():
        pass


def seal_verifies(xml: bytes) -> bool:
    cfdi = CFDI.from_string(xml)
    certificate = Certificate.load_certificate(base64.b64decode(cfdi["Certificado"]))
    return certificate.verify_sha256(cfdi.cadena_original().encode(), base64.b64decode(cfdi["Sello"]))


def money(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def invoice_mails(inbox: Inbox, order_id: int) -> list[EmailMessage]:
    """The invoice e-mails of one order (its number is in the subject: other tests' orders
    may be invoiced by the same drain)."""
    return [m for m in inbox.messages if f"-{order_id} " in m["Subject"]]
