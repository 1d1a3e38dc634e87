"""The production queue: RQ on Redis with a real `consult worker` process; /readyz sees Redis."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from email import message_from_bytes
from email.policy import default

from sqlalchemy import select

from surveys.answering import responses
from surveys.jobs import JobStatus
from surveys.models import Invitation, Job
from tests.conftest import REDIS_URL, SECRET, TEST_PASSWORD, build_consultation


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_real_rq_worker_sends_the_invitations(
    make_app, database_url, db_session, redis_queue, sign_in, tmp_path
):
    outbox = tmp_path / "outbox"
    settings = {"JOBS_BACKEND": "rq", "REDIS_URL": REDIS_URL, "JOBS_QUEUE": redis_queue}
    app = make_app(MAIL_OUTBOX=str(outbox), **settings)
    consultation = build_consultation(languages=("de", "ar"))
    db_session.add(consultation)
    db_session.flush()
    for name, language in (("Amira", "ar"), ("Jan", "de")):
        responses.create_invitation(
            db_session, consultation, name=name, email=f"{name.lower()}@ex.org", language=language
        )
    db_session.commit()
    sign_in("author")
    client = app.test_client()
    client.post("/auth/sign-in", data={"email": "author@example.org", "password": TEST_PASSWORD})
    location = client.post(f"/staff/consultations/{consultation.id}/invitations/send").headers[
        "Location"
    ]
    # Nothing ran inside the app: the job waits in Redis for the worker.
    assert db_session.scalars(select(Job.status)).one() == JobStatus.QUEUED
    assert not outbox.exists() or not list(outbox.iterdir())

    env = {
        **os.environ,
        "CONSULT_DATABASE_URL": database_url,
        "CONSULT_SECRET_KEY": SECRET,
        "CONSULT_PUBLIC_BASE_URL": "https://consult.example",
        "CONSULT_MAIL_OUTBOX": str(outbox),
        "CONSULT_JOBS_BACKEND": "rq",
        "CONSULT_REDIS_URL": REDIS_URL,
        "CONSULT_JOBS_QUEUE": redis_queue,
    }
    worker = subprocess.run(
        [sys.executable, "-m", "consult.cli", "worker", "--burst"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert worker.returncode == 0, worker.stdout + worker.stderr
    messages = [message_from_bytes(p.read_bytes(), policy=default) for p in outbox.iterdir()]
    assert sorted(m["To"].addresses[0].addr_spec for m in messages) == [
        "amira@ex.org",
        "jan@ex.org",
    ]
    assert all(db_session.scalars(select(Invitation.sent_at)).all())
    page = client.get(location).get_data(as_text=True)
    assert "Erledigt" in page and "2 von 2 Mails bearbeitet" in page


def test_readiness_reports_a_dead_redis_as_503(make_app):
    dead = f"redis://127.0.0.1:{_free_port()}/0"
    app = make_app(JOBS_BACKEND="rq", REDIS_URL=dead, JOBS_REDIS_TIMEOUT=1)
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["checks"]["database"] == "ok" and body["checks"]["queue"] != "ok"


def test_readiness_is_ok_with_a_live_redis(make_app, redis_queue):
    app = make_app(JOBS_BACKEND="rq", REDIS_URL=REDIS_URL, JOBS_QUEUE=redis_queue)
    response = app.test_client().get("/readyz")
    assert response.status_code == 200 and response.get_json()["checks"]["queue"] == "ok"


def test_the_worker_command_explains_itself_without_rq(runner):
    result = runner.invoke(args=["worker", "--burst"])
    assert result.exit_code != 0 and "JOBS_BACKEND=rq" in result.output
