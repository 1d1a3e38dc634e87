"""A real worker process killed mid-batch never sends a mail twice; staff see the uncertain one."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from email import message_from_bytes
from email.policy import default

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from surveys import jobs
from surveys.answering import responses
from surveys.base import utcnow
from surveys.jobs import ItemState, JobKind, JobStatus
from surveys.models import Invitation, Job, JobItem
from tests.conftest import SECRET, build_consultation

RECIPIENTS = 5
KILL_AT = 3  # the worker dies while the mail server takes the third message


class KillingInbox:
    """An SMTP sink that keeps every message and kills the worker on the n-th one."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []
        self.victim: subprocess.Popen[bytes] | None = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook)
        self.messages.append(envelope.content)
        if len(self.messages) == KILL_AT and self.victim is not None:
            # Accepted by the server, but the worker never hears back: the worst moment.
            os.kill(self.victim.pid, signal.SIGKILL)
            self.victim.wait(timeout=30)
        return "250 OK"

    def recipients(self) -> list[str]:
        return [
            message_from_bytes(m, policy=default)["To"].addresses[0].addr_spec
            for m in self.messages
        ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def inbox():
    handler = KillingInbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller, handler
    finally:
        controller.stop()


def _worker(database_url: str, port: int, log, *extra: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "CONSULT_DATABASE_URL": database_url,
        "CONSULT_SECRET_KEY": SECRET,
        "CONSULT_PUBLIC_BASE_URL": "https://consult.example",
        "CONSULT_MAIL_SERVER": "127.0.0.1",
        "CONSULT_MAIL_PORT": str(port),
        "CONSULT_MAIL_USE_TLS": "false",
        "CONSULT_JOBS_BACKEND": "embedded",
    }
    command = [sys.executable, "-m", "consult.cli", "jobs", "run", *extra]
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def test_a_worker_killed_mid_batch_never_sends_a_mail_twice(
    app, database_url, db_session, inbox, client, sign_in, tmp_path
):
    controller, handler = inbox
    consultation = build_consultation()
    db_session.add(consultation)
    db_session.flush()
    invited = [
        responses.create_invitation(
            db_session, consultation, name=f"P{n}", email=f"p{n}@example.org"
        )[0]
        for n in range(RECIPIENTS)
    ]
    job = jobs.start_mail_job(db_session, consultation, JobKind.INVITATIONS, invited, utcnow())
    db_session.commit()

    log = (tmp_path / "worker.log").open("wb")
    first = _worker(database_url, controller.port, log)
    handler.victim = first
    first.wait(timeout=120)
    assert first.returncode == -signal.SIGKILL
    states = db_session.scalars(select(JobItem.state).order_by(JobItem.id)).all()
    assert states == ["sent", "sent", "sending", "pending", "pending"]

    handler.victim = None
    second = _worker(database_url, controller.port, log, "--stale-after", "0")
    second.wait(timeout=120)
    log.close()
    assert second.returncode == 0, (tmp_path / "worker.log").read_text()

    # Every person got exactly one mail, the interrupted one included.
    assert sorted(handler.recipients()) == sorted(i.email for i in invited)
    db_session.expire_all()
    job = db_session.get(Job, job.id)
    assert job.status == JobStatus.DONE and job.attempts == 2
    states = [item.state for item in job.items]
    assert states.count(ItemState.SENT) == RECIPIENTS - 1
    assert states[KILL_AT - 1] == ItemState.UNCERTAIN
    # The mailed link of the uncertain one works: its hash was stored before sending.
    uncertain = job.items[KILL_AT - 1].invitation
    body = message_from_bytes(handler.messages[KILL_AT - 1], policy=default).get_body()
    token = body.get_content().split("/i/")[1].split()[0]
    assert responses.find_invitation(db_session, token).id == uncertain.id
    # A new batch does not take the uncertain one either.
    sign_in("author")
    page = client.get(f"/staff/consultations/{consultation.id}/invitations").get_data(True)
    assert "Einladungen verschicken" in page or "Send invitations" in page
    assert (
        db_session.scalar(select(Invitation.sent_at).where(Invitation.id == uncertain.id)) is None
    )

    page = client.get(f"/staff/consultations/{consultation.id}/jobs/{job.id}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "1 Mail ist ungewiss" in text and "Als geprüft markieren" in text
