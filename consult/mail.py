"""Invitation and reminder emails in the recipient's language, sent by SMTP or to an outbox.

Configuration: MAIL_SERVER, MAIL_PORT, MAIL_USERNAME, MAIL_PASSWORD, MAIL_USE_TLS,
MAIL_FROM, MAIL_TIMEOUT, MAIL_OUTBOX. With MAIL_OUTBOX set, or without MAIL_SERVER (then
`instance/outbox`), every message is written there as an .eml file instead of being sent.
"""

from __future__ import annotations

import smtplib
import ssl
import uuid
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid, parseaddr
from pathlib import Path
from types import TracebackType
from typing import Any

from flask import current_app, render_template
from flask_babel import force_locale, format_date, format_time
from flask_babel import gettext as _

from consult.links import invitation_url, public_url
from surveys.models import Consultation, Invitation
from surveys.texts import pick
from surveys.vocabulary import FIELD_OF_ACTION_LABELS, OUTCOME_STATUS_LABELS


class MailError(Exception):
    """A message could not be delivered to the mail server or the outbox."""


def _one_line(text: str) -> str:
    # Header values must not break lines (a name from a CSV cell may hold a newline).
    return " ".join((text or "").split())


def outbox_folder() -> Path | None:
    """Where messages are written instead of sent, or None to send them by SMTP."""
    config = current_app.config
    if config.get("MAIL_OUTBOX"):
        return Path(config["MAIL_OUTBOX"])
    if not config.get("MAIL_SERVER"):
        return Path(current_app.instance_path) / "outbox"
    return None


def _ui_language(language: str) -> str:
    """The recipient's language if the interface speaks it, else the default one."""
    offered = current_app.config["UI_LANGUAGES"]
    base = language.split("_")[0]
    for candidate in (language, base):
        if candidate in offered:
            return candidate
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def _deadline(consultation: Consultation) -> str | None:
    if consultation.closes_at is None:
        return None
    moment = consultation.closes_at
    return _(
        "%(date)s, %(time)s", date=format_date(moment, "full"), time=format_time(moment, "short")
    )


def _message(invitation: Invitation, subject: str, body: str) -> EmailMessage:
    config = current_app.config
    sender = config["MAIL_FROM"]
    message = EmailMessage()
    message["From"] = sender
    message["To"] = formataddr((_one_line(invitation.name), invitation.email.strip()))
    message["Subject"] = _one_line(subject)
    message["Date"] = format_datetime(datetime.now(UTC))
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(body)
    # After set_content, which replaces every Content-* header.
    message["Content-Language"] = invitation.language.replace("_", "-")
    return message


def _render(
    template: str, consultation: Consultation, invitation: Invitation, **extra: Any
) -> tuple[str, str]:
    language = invitation.language
    fallbacks = list(consultation.languages)
    with force_locale(_ui_language(language)):
        title = _one_line(pick(consultation.title, language, fallbacks))
        context = {
            "name": _one_line(invitation.name),
            "title": title,
            "introduction": pick(consultation.introduction, language, fallbacks),
            "deadline": _deadline(consultation),
            "contact": consultation.controller_contact or "",
            **extra,
        }
        body = render_template(template, **context)
        if "outcome" in template:
            subject = _("What the committee decided: %(title)s", title=title)
        elif "reminder" in template:
            subject = _("Reminder: %(title)s", title=title)
        else:
            subject = _("Invitation: %(title)s", title=title)
    return subject, body


def invitation_message(
    consultation: Consultation, invitation: Invitation, token: str
) -> EmailMessage:
    """The invitation with the personal link, in the recipient's language."""
    subject, body = _render(
        "author/mail_invitation.txt",
        consultation,
        invitation,
        link=invitation_url(consultation, token),
    )
    return _message(invitation, subject, body)


def reminder_message(consultation: Consultation, invitation: Invitation) -> EmailMessage:
    """A reminder; it points to the link already sent, so a started draft is kept."""
    with force_locale(_ui_language(invitation.language)):
        sent = format_date(invitation.sent_at, "long") if invitation.sent_at else ""
    subject, body = _render(
        "author/mail_reminder.txt",
        consultation,
        invitation,
        sent=sent,
        public=public_url(consultation),
    )
    return _message(invitation, subject, body)


def outcome_message(consultation: Consultation, invitation: Invitation) -> EmailMessage:
    """What the committee decided, in the recipient's language (texts fall back in order)."""
    language = invitation.language
    fallbacks = list(consultation.languages)
    with force_locale(_ui_language(language)):
        items = [
            {
                "status": _(OUTCOME_STATUS_LABELS.get(o.status, o.status)),
                "field": _(FIELD_OF_ACTION_LABELS[o.field_of_action])
                if o.field_of_action in FIELD_OF_ACTION_LABELS
                else "",
                "question": pick(o.question.prompt, language, fallbacks) if o.question else "",
                "text": pick(o.text, language, fallbacks),
                "link": o.link,
            }
            for o in consultation.outcomes
        ]
    subject, body = _render("author/mail_outcome.txt", consultation, invitation, outcomes=items)
    return _message(invitation, subject, body)


class Postbox:
    """Delivers messages: one SMTP connection for a batch, or files in the outbox folder."""

    def __init__(self) -> None:
        config = current_app.config
        self.folder = outbox_folder()
        self.server = config.get("MAIL_SERVER")
        self.port = int(config.get("MAIL_PORT") or 25)
        self.username = config.get("MAIL_USERNAME")
        self.password = config.get("MAIL_PASSWORD")
        self.use_tls = bool(config.get("MAIL_USE_TLS"))
        self.timeout = float(config.get("MAIL_TIMEOUT") or 30)
        self.smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Postbox:
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise MailError(str(error)) from error
            return self
        try:
            self.smtp = smtplib.SMTP(self.server or "", self.port, timeout=self.timeout)
            if self.use_tls:
                self.smtp.starttls(context=ssl.create_default_context())
            if self.username:
                self.smtp.login(self.username, self.password or "")
        except (smtplib.SMTPException, OSError) as error:
            self._quit()
            raise MailError(str(error)) from error
        return self

    def send(self, message: EmailMessage) -> None:
        if self.folder is not None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            path = self.folder / f"{stamp}-{uuid.uuid4().hex[:12]}.eml"
            try:
                path.write_bytes(bytes(message))
            except OSError as error:
                raise MailError(str(error)) from error
            return
        assert self.smtp is not None
        try:
            self.smtp.send_message(message)
        except (smtplib.SMTPException, OSError) as error:
            raise MailError(str(error)) from error

    def _quit(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self.smtp.close()
            self.smtp = None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._quit()
