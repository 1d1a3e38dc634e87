"""Job state in the database: claiming, back-off, crash recovery, busy invitations."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from surveys import jobs
from surveys.answering import responses
from surveys.authoring import invitations
from surveys.base import utcnow
from surveys.errors import Invalid
from surveys.jobs import ItemState, JobKind, JobStatus
from tests.conftest import build_consultation

STALE = timedelta(minutes=5)


@pytest.fixture()
def consultation(session):
    c = build_consultation()
    session.add(c)
    session.commit()
    return c


def _job(session, consultation, n=2, max_attempts=3):
    people = [
        responses.create_invitation(session, consultation, email=f"p{i}@example.org")[0]
        for i in range(n)
    ]
    job = jobs.start_mail_job(
        session, consultation, JobKind.INVITATIONS, people, utcnow(), max_attempts=max_attempts
    )
    session.commit()
    return job


def test_a_job_is_claimed_by_one_worker_only(engine, session, consultation):
    job = _job(session, consultation)
    now = utcnow()
    with Session(engine) as one, Session(engine) as two:
        assert jobs.claim(one, job.id, now, STALE) is not None
        one.commit()
        assert jobs.claim(two, job.id, now, STALE) is None


def test_a_failed_attempt_waits_longer_each_time_then_gives_up(session, consultation):
    job = _job(session, consultation, max_attempts=3)
    now = utcnow()
    waits = []
    for _ in range(3):
        claimed = jobs.claim(session, job.id, now, STALE)
        assert claimed is not None
        jobs.attempt_failed(session, claimed, "mail server down", now)
        session.commit()
        if claimed.status == JobStatus.QUEUED:
            waits.append(claimed.run_after - now)
            assert jobs.claim(session, job.id, now, STALE) is None  # not due yet
            now = claimed.run_after
    assert waits == [timedelta(seconds=30), timedelta(seconds=60)]
    assert job.status == JobStatus.FAILED and job.error == "mail server down"
    assert jobs.due_jobs(session, now + timedelta(days=1), STALE) == []


def test_a_crashed_job_resumes_and_its_half_sent_mail_becomes_uncertain(session, consultation):
    job = _job(session, consultation)
    now = utcnow()
    claimed = jobs.claim(session, job.id, now, STALE)
    jobs.set_item(claimed.items[0], ItemState.SENDING, now)
    session.commit()
    assert jobs.due_jobs(session, now + timedelta(minutes=1), STALE) == []  # still alive
    later = now + STALE + timedelta(seconds=1)
    assert jobs.due_jobs(session, later, STALE) == [job.id]
    resumed = jobs.claim(session, job.id, later, STALE)
    assert [i.state for i in resumed.items] == [ItemState.UNCERTAIN, ItemState.PENDING]
    assert resumed.attempts == 2


def test_invitations_held_by_a_job_are_not_taken_by_the_next_batch(session, consultation):
    job = _job(session, consultation, n=2)
    assert invitations.unsent(session, consultation) == []
    jobs.set_item(job.items[0], ItemState.SENT, utcnow())
    jobs.set_item(job.items[1], ItemState.UNCERTAIN, utcnow())
    session.commit()
    # Uncertain ones wait for staff; sent ones have their own sent_at in real runs.
    assert [i.id for i in invitations.unsent(session, consultation)] == [job.items[0].invitation_id]
    jobs.resolve_uncertain(session, job, job.items[1].id, utcnow())
    assert job.items[1].state == ItemState.RESOLVED
    assert job.items[1].invitation.sent_at is not None  # checked counts as sent
    assert job.items[1].invitation not in invitations.unsent(session, consultation)
    with pytest.raises(Invalid):
        jobs.resolve_uncertain(session, job, job.items[1].id, utcnow())


def test_a_job_for_nobody_is_refused(session, consultation):
    with pytest.raises(Invalid):
        jobs.start_mail_job(session, consultation, JobKind.REMINDERS, [], utcnow())
