"""Deleting answers once a consultation has been archived for longer than the retention period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from surveys.administration.audit import record
from surveys.errors import Invalid
from surveys.models import Answer, Consultation, Response
from surveys.vocabulary import N_, ConsultationStatus


@dataclass(frozen=True)
class Purged:
    slug: str
    responses: int


def due(session: Session, now: datetime, retention_days: int) -> list[Consultation]:
    """Archived consultations whose retention period has run out."""
    if retention_days < 0:
        raise Invalid(N_("The retention period cannot be negative."))
    cutoff = now - timedelta(days=retention_days)
    return list(
        session.scalars(
            select(Consultation)
            .where(Consultation.status == ConsultationStatus.ARCHIVED)
            .where(Consultation.archived_at <= cutoff)
            .order_by(Consultation.id)
        )
    )


def purge(
    session: Session, now: datetime, retention_days: int, *, dry_run: bool = False
) -> list[Purged]:
    """Delete every response (and answer) of consultations past retention; audit each."""
    results = []
    for consultation in due(session, now, retention_days):
        responses = select(Response.id).where(Response.consultation_id == consultation.id)
        count = session.scalar(select(func.count()).select_from(responses.subquery())) or 0
        if count == 0:
            continue
        results.append(Purged(consultation.slug, count))
        if dry_run:
            continue
        session.execute(delete(Answer).where(Answer.response_id.in_(responses)))
        session.execute(delete(Response).where(Response.consultation_id == consultation.id))
        record(
            session,
            "responses.purge",
            obj=consultation,
            responses=count,
            retention_days=retention_days,
        )
    session.flush()
    return results
