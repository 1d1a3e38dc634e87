"""Recording what the committee decided, per field of action or question.

The text is written in the consultation's source language here and translated on the
translation page like every other text (`surveys.authoring.texts.slots`).
Must not import flask, wtforms, consult, analysis or pandas.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from surveys import jobs
from surveys.administration.audit import record
from surveys.authoring.lifecycle import ensure_editable
from surveys.base import utcnow
from surveys.errors import Invalid
from surveys.models import Consultation, Invitation, Outcome, User
from surveys.vocabulary import N_, ConsultationStatus, FieldOfAction, OutcomeStatus

TEXT_MAX = 10_000
LINK_MAX = 500


@dataclass
class OutcomeData:
    status: str
    text: str
    field_of_action: str = ""
    question_code: str = ""
    link: str = ""


def _check(consultation: Consultation, data: OutcomeData) -> tuple[str | None, int | None]:
    if data.status not in {str(s) for s in OutcomeStatus}:
        raise Invalid(N_("Please choose what the committee decided."))
    if not data.text.strip():
        raise Invalid(N_("Please describe the decision."))
    if len(data.text) > TEXT_MAX:
        raise Invalid(N_("The text is too long."))
    link = data.link.strip()
    if link and not (link.startswith("https://") or link.startswith("http://")):
        raise Invalid(N_("The link must start with http:// or https://."))
    if len(link) > LINK_MAX:
        raise Invalid(N_("The link is too long."))
    field = data.field_of_action or None
    if field is not None and field not in {str(f) for f in FieldOfAction}:
        raise Invalid(N_("Unknown field of action."))
    question_id = None
    if data.question_code:
        question = next((q for q in consultation.questions if q.code == data.question_code), None)
        if question is None:
            raise Invalid(
                N_("This consultation has no question %(code)s."), code=data.question_code
            )
        question_id = question.id
    return field, question_id


def save_outcome(
    session: Session,
    consultation: Consultation,
    data: OutcomeData,
    actor: User | None = None,
    outcome: Outcome | None = None,
) -> Outcome:
    """Add an outcome, or change `outcome`; the text goes into the source language."""
    ensure_editable(consultation)
    field, question_id = _check(consultation, data)
    if outcome is None:
        outcome = Outcome(consultation=consultation)
        session.add(outcome)
        action = "outcome.create"
    else:
        if outcome.consultation_id != consultation.id:
            raise Invalid(N_("This outcome belongs to another consultation."))
        action = "outcome.update"
    texts = dict(outcome.text or {})
    texts[consultation.source_language] = data.text.strip()
    outcome.text = texts
    outcome.status = data.status
    outcome.field_of_action = field
    outcome.question_id = question_id
    outcome.link = data.link.strip()
    outcome.updated_at = utcnow()
    session.flush()
    record(session, action, user=actor, obj=consultation, outcome=outcome.id, status=data.status)
    return outcome


def delete_outcome(
    session: Session, consultation: Consultation, outcome: Outcome, actor: User | None = None
) -> None:
    ensure_editable(consultation)
    if outcome.consultation_id != consultation.id:
        raise Invalid(N_("This outcome belongs to another consultation."))
    outcome_id = outcome.id
    consultation.outcomes.remove(outcome)
    session.flush()
    record(session, "outcome.delete", user=actor, obj=consultation, outcome=outcome_id)


def want_outcome(session: Session, invitation: Invitation) -> None:
    """The invitee asked to be told what the committee decided (after answering)."""
    if invitation.used_at is None:
        raise Invalid(N_("Please send your answers first."))
    invitation.outcome_wanted = True
    session.flush()


def outcome_recipients(session: Session, consultation: Consultation) -> list[Invitation]:
    """Invitees who asked for the outcome, have an address and were not told yet."""
    return list(
        session.scalars(
            select(Invitation)
            .where(
                Invitation.consultation_id == consultation.id,
                Invitation.outcome_wanted.is_(True),
                Invitation.outcome_sent_at.is_(None),
                Invitation.email != "",
                Invitation.id.not_in(jobs.busy_invitations(jobs.JobKind.OUTCOMES)),
            )
            .order_by(Invitation.id)
        )
    )


def ensure_outcomes_sendable(consultation: Consultation) -> None:
    if consultation.status not in (ConsultationStatus.CLOSED, ConsultationStatus.ARCHIVED):
        raise Invalid(N_("Outcomes can be sent once the consultation is closed."))
    if not consultation.outcomes:
        raise Invalid(N_("Record an outcome first."))


def mark_outcome_sent(session: Session, invitation: Invitation, now: datetime) -> None:
    invitation.outcome_sent_at = now
    session.flush()
