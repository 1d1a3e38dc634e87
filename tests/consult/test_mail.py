"""Invitation mails: the outbox in development, SMTP against a tiny local server, the CLI."""

from __future__ import annotations

import socket
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from consult import mail
from consult.extensions import db
from surveys.administration import users
from surveys.answering import responses
from tests.conftest import TEST_PASSWORD, build_consultation
from tests.surveys.test_xlsform import workbook


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


@pytest.fixture()
def consultation(db_session):
    c = build_consultation(languages=("de", "ar"))
    db_session.add(c)
    db_session.commit()
    return c


def test_without_a_mail_server_messages_go_to_the_instance_outbox(make_app):
    app = make_app()
    with app.app_context():
        assert mail.outbox_folder() == Path(app.instance_path) / "outbox"


def test_with_a_mail_server_and_no_outbox_messages_are_sent(make_app):
    app = make_app(MAIL_SERVER="mail.example")
    with app.app_context():
        assert mail.outbox_folder() is None


def test_invitations_are_sent_through_smtp(make_app, db_session, consultation, smtp_server):
    controller, inbox = smtp_server
    app = make_app(
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=controller.port,
        MAIL_USE_TLS=False,
        MAIL_FROM="Landkreis <beteiligung@lk.example>",
    )
    client = app.test_client()
    responses.create_invitation(
        db_session, consultation, name="Amira", email="amira@example.org", language="ar"
    )
    db_session.commit()
    with app.app_context():
        users.create_user(db.session, "smtp-author@example.org", TEST_PASSWORD, ("author",))
        db.session.commit()
    client.post(
        "/auth/sign-in", data={"email": "smtp-author@example.org", "password": TEST_PASSWORD}
    )
    response = client.post(f"/staff/consultations/{consultation.id}/invitations/send")
    assert response.status_code == 302
    assert app.extensions["consult_jobs"].wait_idle(timeout=20)
    ((sender, recipients, content),) = inbox.messages
    assert sender == "beteiligung@lk.example" and recipients == ["amira@example.org"]
    message = message_from_bytes(content, policy=default)
    body = message.get_body().get_content()
    assert "دعوة" in message["Subject"] and "Intro ar" in body
    assert "https://consult.example/c/test-consultation/i/" in body


def test_an_unreachable_mail_server_sends_nothing_and_keeps_the_invitation_unsent(
    make_app, db_session, consultation
):
    app = make_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=_free_port(), MAIL_TIMEOUT=2)
    invitation, _token = responses.create_invitation(db_session, consultation, email="a@b.example")
    db_session.commit()
    with app.app_context(), pytest.raises(mail.MailError):
        with mail.Postbox():
            pass
    db_session.refresh(invitation)
    assert invitation.sent_at is None


def test_the_cli_imports_an_xlsform_and_prints_the_report(runner, tmp_path, db_session):
    path = tmp_path / "form.xlsx"
    path.write_bytes(workbook())
    result = runner.invoke(args=["consultations", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "Imported bedarfe-2027 as a draft with 11 questions in de, ar" in result.output
    assert "survey row 18 (geopoint where): The type geopoint has no counterpart here." in (
        result.output
    )
