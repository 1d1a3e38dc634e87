"""Running one job: claim it, call its kind's function, record success or schedule a retry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from flask import current_app

from consult.extensions import db
from surveys import jobs
from surveys.base import utcnow
from surveys.models import Job


class GiveUp(Exception):
    """Retrying cannot help (e.g. the consultation is no longer published)."""


def _runners() -> dict[str, Callable[[Job], None]]:
    from consult.jobs import mailing

    return {
        jobs.JobKind.INVITATIONS: mailing.run,
        jobs.JobKind.REMINDERS: mailing.run,
        jobs.JobKind.OUTCOMES: mailing.run,
    }


def _stale_after() -> timedelta:
    return timedelta(seconds=float(current_app.config.get("JOBS_STALE_SECONDS", 300)))


def run_job(job_id: int) -> bool:
    """Run the job if it is due and no other worker has it; True when it ran."""
    job = jobs.claim(db.session, job_id, utcnow(), _stale_after())
    if job is None:
        db.session.rollback()
        return False
    db.session.commit()
    try:
        _runners()[job.kind](job)
    except Exception as error:
        db.session.rollback()
        reason = str(error) or type(error).__name__
        current_app.logger.warning("job %s (%s) failed: %s", job_id, job.kind, reason)
        job = db.session.get(Job, job_id)
        assert job is not None
        db.session.refresh(job)
        if isinstance(error, GiveUp):
            jobs.give_up(db.session, job, reason, utcnow())
        else:
            base = timedelta(seconds=float(current_app.config.get("JOBS_RETRY_SECONDS", 30)))
            jobs.attempt_failed(db.session, job, reason, utcnow(), base)
        db.session.commit()
        if job.status == jobs.JobStatus.QUEUED:
            from consult.jobs import backend

            wait = max((job.run_after - utcnow()).total_seconds(), 0)
            try:
                backend().schedule(job.id, wait)
            except Exception:
                current_app.logger.exception("could not schedule the retry of job %s", job.id)
        return True
    jobs.finish(db.session, job, utcnow())
    db.session.commit()
    return True


def run_due() -> int:
    """Run every job that is due now (queued, or running without a heartbeat); how many ran."""
    due = jobs.due_jobs(db.session, utcnow(), _stale_after())
    db.session.rollback()
    return sum(1 for job_id in due if run_job(job_id))
