"""Choosing where mail goes: SMTP when configured, else files; test mode always to the sandbox mailbox."""

from __future__ import annotations

from carepost.adapters.mail.files import FileMail
from carepost.adapters.mail.smtp import SmtpMail
from carepost.config import Settings
from carepost.core.notifications.mail import MailPort


def mail_for(settings: Settings, mode: str) -> MailPort:
    """Test-mode mail never reaches a real inbox: it is written to `<data dir>/sandbox-mail`."""
    if mode == "test":
        return FileMail(settings.data_dir / "sandbox-mail", sender=settings.mail_from)
    if settings.smtp_url:
        return SmtpMail(settings.smtp_url, sender=settings.mail_from, timeout=settings.smtp_timeout_seconds)
    return FileMail(settings.data_dir / "mail", sender=settings.mail_from)
