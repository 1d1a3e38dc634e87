"""Queries and lifecycle use cases of consultations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete as delete_rows
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

if TYPE_CHECKING:
    from surveys.answering.snapshot import ConsultationLike
from surveys.models import Answer, Consultation, Invitation, Question, Response, Section
from surveys.vocabulary import AccessMode, ConsultationStatus, ResponseStatus


@dataclass(frozen=True)
class ConsultationRow:
    """A consultation with its number of submitted responses, for lists."""

    consultation: Consultation
    submitted: int


def list_with_counts(session: Session) -> list[ConsultationRow]:
    """Every consultation with its submitted-response count, in one query."""
    counts = (
        select(Response.consultation_id, func.count(Response.id).label("n"))
        .where(Response.status == ResponseStatus.SUBMITTED)
        .group_by(Response.consultation_id)
        .subquery()
    )
    rows = session.execute(
        select(Consultation, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.consultation_id == Consultation.id)
        .order_by(Consultation.created_at.desc(), Consultation.id.desc())
    )
    return [ConsultationRow(c, int(n)) for c, n in rows]


# Groups, sections, questions and options in four queries instead of one per section and
# question: for every page that shows the whole questionnaire.
WITH_QUESTIONNAIRE = (
    selectinload(Consultation.groups),
    selectinload(Consultation.sections)
    .selectinload(Section.questions)
    .selectinload(Question.options),
)


def get_by_slug(
    session: Session, slug: str, *, with_questionnaire: bool = False
) -> Consultation | None:
    """The consultation with this slug; optionally with its whole questionnaire loaded."""
    query = select(Consultation).where(Consultation.slug == slug)
    if with_questionnaire:
        query = query.options(*WITH_QUESTIONNAIRE)
    return session.scalar(query)


def get(
    session: Session, consultation_id: int, *, with_questionnaire: bool = False
) -> Consultation | None:
    """The consultation with this id; optionally with its whole questionnaire loaded."""
    options = WITH_QUESTIONNAIRE if with_questionnaire else ()
    return session.get(Consultation, consultation_id, options=options)


def is_open(consultation: ConsultationLike, now: datetime) -> bool:
    """Whether answers are accepted now."""
    if consultation.status != ConsultationStatus.PUBLISHED:
        return False
    if consultation.opens_at is not None and now < consultation.opens_at:
        return False
    return consultation.closes_at is None or now < consultation.closes_at


def open_public(session: Session, now: datetime) -> list[Consultation]:
    """Published consultations reachable by public link and open now, closing soonest first."""
    candidates = session.scalars(
        select(Consultation)
        .where(Consultation.status == ConsultationStatus.PUBLISHED)
        .where(Consultation.access_mode.in_([AccessMode.PUBLIC, AccessMode.BOTH]))
        .order_by(Consultation.closes_at)
    )
    return [c for c in candidates if is_open(c, now)]


def delete(session: Session, consultation: Consultation) -> None:
    """Delete a consultation with its questionnaire, invitations, responses and answers.

    Participation rows go first in bulk: they reference the stakeholder groups that the
    ORM cascade removes with the consultation, and there may be many thousands of them.
    """
    response_ids = select(Response.id).where(Response.consultation_id == consultation.id)
    session.execute(delete_rows(Answer).where(Answer.response_id.in_(response_ids)))
    session.execute(delete_rows(Response).where(Response.consultation_id == consultation.id))
    session.execute(delete_rows(Invitation).where(Invitation.consultation_id == consultation.id))
    session.delete(consultation)
    session.flush()
