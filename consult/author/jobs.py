"""The job page: progress, failures and uncertain mails of a background mail job."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from consult import mail
from consult.auth import require
from consult.author.common import actor, bp, flash_error, load_consultation
from consult.author.forms import ActionForm
from consult.extensions import db
from surveys import jobs, rules
from surveys.base import utcnow
from surveys.errors import DomainError
from surveys.jobs import ItemState, JobKind, JobStatus
from surveys.models import Consultation, Job


def _load(consultation: Consultation, job_id: int) -> Job:
    job = jobs.load_job(db.session, consultation, job_id)
    if job is None:
        abort(404)
    return job


def _outcome(job: Job, sent: int) -> str | None:
    """What a finished job achieved, in the words the invitation page used before jobs."""
    if job.status != JobStatus.DONE:
        return None
    folder = mail.outbox_folder()
    if folder is not None:
        # Never "sent" when nothing left the server: name the outbox for what it is.
        return ngettext(
            "%(num)s message was written to the outbox folder %(folder)s, not sent: "
            "no mail server is configured.",
            "%(num)s messages were written to the outbox folder %(folder)s, not sent: "
            "no mail server is configured.",
            sent,
            folder=str(folder),
        )
    if job.kind == JobKind.REMINDERS:
        return _("%(n)s reminders sent.", n=sent)
    return _("%(n)s invitations sent.", n=sent)


@bp.get("/<int:consultation_id>/jobs/<int:job_id>")
@require(rules.may_author)
def job_page(consultation_id: int, job_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    job = _load(consultation, job_id)
    summary = jobs.summary(job)
    return render_template(
        "author/job.html",
        consultation=consultation,
        job=job,
        summary=summary,
        outcome=_outcome(job, summary.counts.get(ItemState.SENT, 0)),
        active=job.status in (JobStatus.QUEUED, JobStatus.RUNNING),
        kind_label=_(jobs.JOB_KIND_LABELS[JobKind(job.kind)]),
        status_label=_(jobs.JOB_STATUS_LABELS[JobStatus(job.status)]),
        state_labels={state: _(label) for state, label in jobs.ITEM_STATE_LABELS.items()},
        action_form=ActionForm(),
    )


@bp.post("/<int:consultation_id>/jobs/<int:job_id>/items/<int:item_id>/resolve")
@require(rules.may_author)
def resolve_job_item(consultation_id: int, job_id: int, item_id: int) -> Any:
    """Staff checked an uncertain mail; it is not sent again by this job."""
    consultation = load_consultation(consultation_id)
    job = _load(consultation, job_id)
    back = redirect(url_for("author.job_page", consultation_id=consultation.id, job_id=job.id))
    if not ActionForm().validate_on_submit():
        return back
    try:
        jobs.resolve_uncertain(db.session, job, item_id, utcnow(), actor())
    except DomainError as error:
        flash_error(error)
        return back
    db.session.commit()
    flash(_("Marked as checked."), "success")
    return back
