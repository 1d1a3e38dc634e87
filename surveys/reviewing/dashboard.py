"""Figures of a consultation's participation for the facilitators' dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from surveys.models import Consultation, Invitation, Response, StakeholderGroup
from surveys.vocabulary import ResponseStatus


@dataclass(frozen=True)
class Participation:
    submitted: int
    drafts: int
    by_day: list[tuple[date, int]]
    by_group: list[tuple[str | None, int]]
    by_language: list[tuple[str, int]]
    by_channel: list[tuple[str, int]]
    invitations: int
    invitations_answered: int

    @property
    def completion(self) -> float | None:
        """Share of started responses that were submitted."""
        started = self.submitted + self.drafts
        return self.submitted / started if started else None


def participation(session: Session, consultation: Consultation) -> Participation:
    """Counts of started and submitted responses, by day, group, language and channel."""
    of_this = Response.consultation_id == consultation.id
    submitted = of_this & (Response.status == ResponseStatus.SUBMITTED)
    statuses = dict(
        session.execute(
            select(Response.status, func.count()).where(of_this).group_by(Response.status)
        ).all()
    )
    # Day precision only, in UTC: nothing shown is finer than a day.
    days: dict[date, int] = {}
    for (submitted_at,) in session.execute(select(Response.submitted_at).where(submitted)):
        if submitted_at is None:
            continue
        day = submitted_at.date()
        days[day] = days.get(day, 0) + 1

    def counted(column):
        return [
            (key, int(n))
            for key, n in session.execute(
                select(column, func.count(Response.id))
                .select_from(Response)
                .outerjoin(StakeholderGroup, Response.group_id == StakeholderGroup.id)
                .where(submitted)
                .group_by(column)
                .order_by(func.count(Response.id).desc(), column)
            )
        ]

    invitations = select(Invitation).where(Invitation.consultation_id == consultation.id).subquery()
    invited = session.scalar(select(func.count()).select_from(invitations)) or 0
    answered = (
        session.scalar(
            select(func.count()).select_from(invitations).where(invitations.c.used_at.is_not(None))
        )
        or 0
    )
    return Participation(
        submitted=statuses.get(ResponseStatus.SUBMITTED, 0),
        drafts=statuses.get(ResponseStatus.DRAFT, 0),
        by_day=sorted(days.items()),
        by_group=counted(StakeholderGroup.code),
        by_language=counted(Response.language),
        by_channel=counted(Response.channel),
        invitations=invited,
        invitations_answered=answered,
    )
