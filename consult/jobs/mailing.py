"""Invitation and reminder mails as a job, never sending one twice.

Each recipient's state is committed *before* the message goes to the mail server
("sending", with the new link's hash already stored so the mailed link works) and *after*
("sent"). A worker killed in between leaves "sending"; the next attempt turns that into
"uncertain", which is shown to staff and never resent automatically.
"""

from __future__ import annotations

from consult import mail
from consult.extensions import db
from consult.jobs.runner import GiveUp
from surveys import jobs
from surveys.authoring import invitations, outcomes
from surveys.base import utcnow
from surveys.jobs import ItemState, JobKind
from surveys.models import Job
from surveys.vocabulary import ConsultationStatus


def run(job: Job) -> None:
    if job.kind == JobKind.OUTCOMES:
        run_outcomes(job)
        return
    consultation = job.consultation
    if consultation is None or consultation.status != ConsultationStatus.PUBLISHED:
        raise GiveUp("Invitations can only be sent while the consultation is published.")
    reminder = job.kind == JobKind.REMINDERS
    pending = [item for item in job.items if item.state == ItemState.PENDING]
    if not pending:
        return
    with mail.Postbox() as box:
        for item in pending:
            invitation = item.invitation
            now = utcnow()
            finished = invitation.used_at is not None or (
                not reminder and invitation.sent_at is not None
            )
            if finished or not invitation.email:
                jobs.set_item(item, ItemState.SKIPPED, now)
                jobs.heartbeat(db.session, job, now, handled=1)
                db.session.commit()
                continue
            jobs.set_item(item, ItemState.SENDING, now)
            if reminder:
                message = mail.reminder_message(consultation, invitation)
            else:
                token = invitations.new_link(db.session, invitation)
                message = mail.invitation_message(consultation, invitation, token)
            jobs.heartbeat(db.session, job, now)
            db.session.commit()  # before sending: a crash from here on leaves "sending"
            try:
                box.send(message)
            except mail.MailError as error:
                # The server refused or the connection broke before it took the message.
                jobs.set_item(item, ItemState.PENDING, utcnow(), str(error))
                db.session.commit()
                raise
            now = utcnow()
            if reminder:
                invitations.mark_reminded(db.session, invitation, now, job.started_by)
            else:
                invitations.mark_sent(db.session, invitation, now, job.started_by)
            jobs.set_item(item, ItemState.SENT, now)
            jobs.heartbeat(db.session, job, now, handled=1)
            db.session.commit()


def run_outcomes(job: Job) -> None:
    """What the committee decided, once to each invitee who asked for it."""
    consultation = job.consultation
    if consultation is None or consultation.status not in (
        ConsultationStatus.CLOSED,
        ConsultationStatus.ARCHIVED,
    ):
        raise GiveUp("Outcomes are sent once the consultation is closed.")
    pending = [item for item in job.items if item.state == ItemState.PENDING]
    if not pending:
        return
    with mail.Postbox() as box:
        for item in pending:
            invitation = item.invitation
            now = utcnow()
            if invitation.outcome_sent_at is not None or not invitation.email:
                jobs.set_item(item, ItemState.SKIPPED, now)
                jobs.heartbeat(db.session, job, now, handled=1)
                db.session.commit()
                continue
            jobs.set_item(item, ItemState.SENDING, now)
            message = mail.outcome_message(consultation, invitation)
            jobs.heartbeat(db.session, job, now)
            db.session.commit()  # before sending: a crash from here on leaves "sending"
            try:
                box.send(message)
            except mail.MailError as error:
                jobs.set_item(item, ItemState.PENDING, utcnow(), str(error))
                db.session.commit()
                raise
            now = utcnow()
            outcomes.mark_outcome_sent(db.session, invitation, now)
            jobs.set_item(item, ItemState.SENT, now)
            jobs.heartbeat(db.session, job, now, handled=1)
            db.session.commit()
