"""Delivery over SMTP (aiosmtplib), with a short timeout: the masks create
response waits for the outcome."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from urllib.parse import urlsplit

import aiosmtplib

from carepost.core.notifications.mail import MailFailed, MailMessage


def to_mime(message: MailMessage, *, sender: str) -> EmailMessage:
    mime = EmailMessage()
    mime["From"] = sender
    mime["To"] = message.to
    mime["Subject"] = message.subject
    # RFC 5322 requires Date; Message-ID lets mail systems thread, trace and de-duplicate.
    # Both are set here, not left to a relay that may add a local time or none at all.
    mime["Date"] = formatdate(usegmt=True)
    mime["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2] or "carepost.localhost")
    mime.set_content(message.text)
    if message.html is not None:
        mime.add_alternative(message.html, subtype="html")
    for attachment in message.attachments:
        maintype, _, subtype = attachment.content_type.partition("/")
        mime.add_attachment(attachment.data, maintype=maintype, subtype=subtype, filename=attachment.filename)
    return mime


class SmtpMail:
    def __init__(self, url: str, *, sender: str, timeout: float) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("CAREPOST_SMTP_URL must look like smtp://host:port")
        self.hostname = parts.hostname
        self.port = parts.port or (465 if parts.scheme == "smtps" else 25)
        self.use_tls = parts.scheme == "smtps"
        self.username, self.password = parts.username, parts.password
        self.sender = sender
        self.timeout = timeout

    async def send(self, message: MailMessage) -> None:
        try:
            await aiosmtplib.send(
                to_mime(message, sender=self.sender),
                hostname=self.hostname,
                port=self.port,
                use_tls=self.use_tls,
                username=self.username,
                password=self.password,
                timeout=self.timeout,
            )
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
            raise MailFailed(f"SMTP delivery failed: {type(error).__name__}") from error
