"""Background jobs: start, claim, progress, retry with back-off, finish; mail items' states.

The queue only carries a job's id; everything else is here, in the database, so any worker
(a thread of the app, an RQ worker, `consult jobs run`) can pick a job up and staff see the
same progress whichever ran it. Must not import flask, wtforms, consult, analysis or pandas.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import CursorResult, Select, and_, or_, select, update
from sqlalchemy.orm import Session

from surveys.administration.audit import record
from surveys.errors import Invalid
from surveys.models import Consultation, Invitation, Job, JobItem, User
from surveys.vocabulary import N_


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class JobKind(StrEnum):
    INVITATIONS = "invitations"
    REMINDERS = "reminders"
    OUTCOMES = "outcomes"  # what the committee decided, to invitees who asked


class ItemState(StrEnum):
    PENDING = "pending"  # not tried yet, or the last try certainly did not send it
    SENDING = "sending"  # handed to the mail server; a crash now leaves it uncertain
    SENT = "sent"
    UNCERTAIN = "uncertain"  # a worker died while sending: maybe sent, never resent blindly
    SKIPPED = "skipped"  # nothing to send any more (answered, or sent by other means)
    RESOLVED = "resolved"  # staff looked at an uncertain one and decided


JOB_STATUS_LABELS = {
    JobStatus.QUEUED: N_("Waiting"),
    JobStatus.RUNNING: N_("Running"),
    JobStatus.DONE: N_("Done"),
    JobStatus.FAILED: N_("Failed"),
}
JOB_KIND_LABELS = {
    JobKind.INVITATIONS: N_("Send invitations"),
    JobKind.REMINDERS: N_("Send reminders"),
    JobKind.OUTCOMES: N_("Send what the committee decided"),
}
ITEM_STATE_LABELS = {
    ItemState.PENDING: N_("Not sent yet"),
    ItemState.SENDING: N_("Being sent"),
    ItemState.SENT: N_("Sent"),
    ItemState.UNCERTAIN: N_("Uncertain"),
    ItemState.SKIPPED: N_("Skipped"),
    ItemState.RESOLVED: N_("Checked by staff"),
}
# An invitation with an item in one of these states is spoken for: no new job takes it.
OPEN_STATES = (ItemState.PENDING, ItemState.SENDING, ItemState.UNCERTAIN)
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_MAX = timedelta(hours=1)


def busy_invitations(kind: JobKind) -> Select[int]:
    """A subquery of invitation ids that an unfinished job of this kind holds."""
    return (
        select(JobItem.invitation_id)
        .join(Job, Job.id == JobItem.job_id)
        .where(Job.kind == kind, JobItem.state.in_(OPEN_STATES))
    )


def start_mail_job(
    session: Session,
    consultation: Consultation,
    kind: JobKind,
    invitations: Iterable[Invitation],
    now: datetime,
    actor: User | None = None,
    max_attempts: int = 5,
) -> Job:
    """A queued job with one pending item per invitation."""
    job = Job(
        kind=kind,
        consultation=consultation,
        status=JobStatus.QUEUED,
        created_at=now,
        run_after=now,
        started_by=actor,
        max_attempts=max_attempts,
    )
    job.items = [
        JobItem(invitation=i, state=ItemState.PENDING, updated_at=now) for i in invitations
    ]
    if not job.items:
        raise Invalid(N_("There is nobody to write to."))
    job.total = len(job.items)
    session.add(job)
    session.flush()
    record(session, f"job.{kind}", user=actor, obj=consultation, job=job.id, count=job.total)
    return job


def backoff(attempts: int, base: timedelta = BACKOFF_BASE) -> timedelta:
    """How long a job waits after its n-th failed attempt: doubling, at most an hour."""
    return min(base * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)


def due_jobs(session: Session, now: datetime, stale_after: timedelta) -> list[int]:
    """Ids of jobs to run now: queued and due, or running without a heartbeat for too long."""
    return list(
        session.scalars(
            select(Job.id)
            .where(
                or_(
                    and_(Job.status == JobStatus.QUEUED, Job.run_after <= now),
                    and_(Job.status == JobStatus.RUNNING, Job.heartbeat_at < now - stale_after),
                )
            )
            .order_by(Job.id)
        )
    )


def claim(session: Session, job_id: int, now: datetime, stale_after: timedelta) -> Job | None:
    """Take the job for this worker, or None when another worker has it or it is not due.

    One conditional UPDATE decides, so two workers never both run a job.
    """
    result: CursorResult[Any] = session.execute(  # type: ignore[assignment]  # DML: cursor result
        update(Job)
        .where(Job.id == job_id)
        .where(
            or_(
                and_(Job.status == JobStatus.QUEUED, Job.run_after <= now),
                and_(Job.status == JobStatus.RUNNING, Job.heartbeat_at < now - stale_after),
            )
        )
        .values(status=JobStatus.RUNNING, attempts=Job.attempts + 1, heartbeat_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return None
    job = session.get(Job, job_id)
    assert job is not None
    session.refresh(job)
    if job.started_at is None:
        job.started_at = now
    # Whatever an earlier attempt left "sending" may have gone out: never resend it blindly.
    for item in job.items:
        if item.state == ItemState.SENDING:
            item.state = ItemState.UNCERTAIN
            item.updated_at = now
    _count_done(job)
    session.flush()
    return job


def _count_done(job: Job) -> None:
    job.done = sum(
        1 for item in job.items if item.state not in (ItemState.PENDING, ItemState.SENDING)
    )


def heartbeat(session: Session, job: Job, now: datetime, handled: int = 0) -> None:
    """The worker is alive; `handled` more items reached a final state (counted, not rescanned)."""
    job.heartbeat_at = now
    job.done += handled
    session.flush()


def finish(session: Session, job: Job, now: datetime) -> None:
    _count_done(job)
    heartbeat(session, job, now)
    job.status = JobStatus.DONE
    job.finished_at = now
    job.error = ""
    session.flush()


def attempt_failed(
    session: Session, job: Job, error: str, now: datetime, base: timedelta = BACKOFF_BASE
) -> None:
    """Queue the job again after a back-off, or mark it failed after its last attempt."""
    _count_done(job)
    heartbeat(session, job, now)
    job.error = error[:2000]
    if job.attempts >= job.max_attempts:
        job.status = JobStatus.FAILED
        job.finished_at = now
    else:
        job.status = JobStatus.QUEUED
        job.run_after = now + backoff(job.attempts, base)
    session.flush()


def give_up(session: Session, job: Job, error: str, now: datetime) -> None:
    """Fail the job at once: retrying cannot help (e.g. the consultation closed)."""
    job.attempts = max(job.attempts, job.max_attempts)
    attempt_failed(session, job, error, now)


def set_item(item: JobItem, state: ItemState, now: datetime, error: str = "") -> None:
    item.state = state
    item.error = error[:2000]
    item.updated_at = now


def resolve_uncertain(
    session: Session, job: Job, item_id: int, now: datetime, actor: User | None = None
) -> JobItem:
    """Staff checked an uncertain mail (asked the recipient, or re-issued the link)."""
    item = next((i for i in job.items if i.id == item_id), None)
    if item is None or item.state != ItemState.UNCERTAIN:
        raise Invalid(N_("This mail is not uncertain."))
    # The message reached the mail server or the person has a new link by now: either way
    # it counts as sent, so no later batch mails it again.
    invitation = item.invitation
    if job.kind == JobKind.INVITATIONS and invitation.sent_at is None:
        invitation.sent_at = item.updated_at
    if job.kind == JobKind.REMINDERS and invitation.reminded_at is None:
        invitation.reminded_at = item.updated_at
    if job.kind == JobKind.OUTCOMES and invitation.outcome_sent_at is None:
        invitation.outcome_sent_at = item.updated_at
    set_item(item, ItemState.RESOLVED, now)
    session.flush()
    record(session, "job.resolve", user=actor, obj=item.invitation, job=job.id)
    return item


@dataclass(frozen=True)
class JobSummary:
    job: Job
    counts: dict[str, int]

    @property
    def uncertain(self) -> int:
        return self.counts.get(ItemState.UNCERTAIN, 0)

    @property
    def percent(self) -> int:
        return round(100 * self.job.done / self.job.total) if self.job.total else 100


def summary(job: Job) -> JobSummary:
    return JobSummary(job, dict(Counter(item.state for item in job.items)))


def jobs_of(session: Session, consultation: Consultation, limit: int = 20) -> list[Job]:
    """The consultation's latest jobs, newest first."""
    return list(
        session.scalars(
            select(Job)
            .where(Job.consultation_id == consultation.id)
            .order_by(Job.id.desc())
            .limit(limit)
        )
    )


def load_job(session: Session, consultation: Consultation, job_id: int) -> Job | None:
    """The job with this id if it belongs to this consultation."""
    job = session.get(Job, job_id)
    if job is None or job.consultation_id != consultation.id:
        return None
    return job
