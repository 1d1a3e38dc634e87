"""Staff see a mail job's progress, failures and uncertain mails; only authors may."""

from __future__ import annotations

import socket
import time

import pytest
from sqlalchemy import select

from surveys import jobs
from surveys.answering import responses
from surveys.base import utcnow
from surveys.jobs import ItemState, JobKind, JobStatus
from surveys.models import AuditEvent, Invitation, Job
from tests.conftest import build_consultation


@pytest.fixture()
def consultation(db_session):
    c = build_consultation()
    db_session.add(c)
    db_session.commit()
    return c


def base(c):
    return f"/staff/consultations/{c.id}"


def _invite(db_session, consultation, n):
    people = [
        responses.create_invitation(db_session, consultation, name=f"P{i}", email=f"p{i}@ex.org")[0]
        for i in range(n)
    ]
    db_session.commit()
    return people


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_sending_shows_the_job_page_with_its_progress(
    make_app, tmp_path, db_session, consultation, sign_in
):
    app = make_app(MAIL_OUTBOX=str(tmp_path / "outbox"))
    client = app.test_client()
    _invite(db_session, consultation, 3)
    # `sign_in` is bound to the default app's client; sign in on this one by hand.
    from tests.conftest import TEST_PASSWORD

    sign_in("author")
    client.post("/auth/sign-in", data={"email": "author@example.org", "password": TEST_PASSWORD})
    response = client.post(f"{base(consultation)}/invitations/send", follow_redirects=False)
    assert "/jobs/" in response.headers["Location"]
    assert app.extensions["consult_jobs"].wait_idle(timeout=20)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Einladungen verschicken" in page and "Erledigt" in page
    assert "3 von 3 Mails bearbeitet" in page and 'value="3"' in page
    assert "Postausgangsordner" in page  # never "sent" while only the outbox got them
    listing = client.get(f"{base(consultation)}/invitations").get_data(as_text=True)
    assert "Versandaufträge" in listing and response.headers["Location"] in listing


def test_an_unreachable_mail_server_is_retried_later_and_shown(
    make_app, db_session, consultation, sign_in
):
    from tests.conftest import TEST_PASSWORD

    app = make_app(
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=_free_port(),
        MAIL_TIMEOUT=2,
        JOBS_RETRY_SECONDS=600,
        JOBS_POLL_SECONDS=3600,
    )
    client = app.test_client()
    _invite(db_session, consultation, 2)
    sign_in("author")
    client.post("/auth/sign-in", data={"email": "author@example.org", "password": TEST_PASSWORD})
    location = client.post(f"{base(consultation)}/invitations/send").headers["Location"]
    deadline = time.monotonic() + 20
    job = None
    while time.monotonic() < deadline:
        db_session.expire_all()
        job = db_session.scalars(select(Job)).one()
        if job.attempts == 1 and job.status == JobStatus.QUEUED:
            break
        time.sleep(0.1)
    assert job is not None and job.status == JobStatus.QUEUED and job.error
    assert (job.run_after - utcnow()).total_seconds() > 500
    assert db_session.scalars(select(Invitation.sent_at)).all() == [None, None]
    page = client.get(location).get_data(as_text=True)
    assert "Der letzte Versuch ist fehlgeschlagen" in page and "Letzter Fehler" in page
    assert "0 von 2 Mails bearbeitet" in page


def test_staff_mark_an_uncertain_mail_as_checked(client, db_session, consultation, sign_in):
    people = _invite(db_session, consultation, 2)
    job = jobs.start_mail_job(db_session, consultation, JobKind.INVITATIONS, people, utcnow())
    jobs.set_item(job.items[0], ItemState.UNCERTAIN, utcnow())
    jobs.set_item(job.items[1], ItemState.SENT, utcnow())
    job.status = JobStatus.DONE
    db_session.commit()
    sign_in("author")
    page = client.get(f"{base(consultation)}/jobs/{job.id}").get_data(as_text=True)
    assert "1 Mail ist ungewiss" in page and "Ungewiss" in page
    response = client.post(
        f"{base(consultation)}/jobs/{job.id}/items/{job.items[0].id}/resolve",
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "Als geprüft markiert." in page and "ungewiss" not in page.replace("Ungewiss", "")
    db_session.expire_all()
    assert db_session.get(Invitation, people[0].id).sent_at is not None
    assert "job.resolve" in db_session.scalars(select(AuditEvent.action)).all()


def _job_of(db_session, consultation):
    people = _invite(db_session, consultation, 1)
    job = jobs.start_mail_job(db_session, consultation, JobKind.INVITATIONS, people, utcnow())
    db_session.commit()
    return job


def test_a_facilitator_may_not_see_a_job(client, db_session, consultation, sign_in):
    job = _job_of(db_session, consultation)
    sign_in("facilitator")
    assert client.get(f"{base(consultation)}/jobs/{job.id}").status_code == 403


def test_a_job_is_not_found_under_another_consultation(client, db_session, consultation, sign_in):
    other = build_consultation("other-one")
    db_session.add(other)
    db_session.commit()
    job = _job_of(db_session, consultation)
    sign_in("author")
    assert client.get(f"{base(other)}/jobs/{job.id}").status_code == 404
    resolve = f"{base(other)}/jobs/{job.id}/items/{job.items[0].id}/resolve"
    assert client.post(resolve).status_code == 404
