"""Raise a consultation's `questionnaire_version` whenever what respondents see of it changes.

That is the consultation row itself (texts, languages, dates, status, access), its
sections, questions, options and groups, and the meeting and committee it names. The
respondent pages keep a copy of all of this per process and compare this number with the
database on every request (one small query), so a change made in any worker shows
everywhere on the next request. Every change made
through the ORM — by any authoring service, lifecycle step, import, translation or test —
goes through a flush, so one hook here catches them all, in the same transaction as the
change. The number is raised in SQL (`SET v = v + 1`), so two editors committing at once
still give two different versions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from surveys.models.consultation import (
    Committee,
    Consultation,
    Meeting,
    Option,
    Question,
    Section,
    StakeholderGroup,
)
from surveys.models.oparl import AgendaItem

SEEN_BY_RESPONDENTS = (Consultation, Section, Question, Option, StakeholderGroup)
# The landing page names the meeting and its committee: their changes count for every
# consultation prepared for that meeting.
# An imported agenda item counts for the consultations that prepare it.
MEETINGS = (Meeting, Committee, AgendaItem)


def _consultations_of_meeting(
    session: Session, obj: Meeting | Committee | AgendaItem
) -> list[Consultation]:
    if obj.id is None:
        return []
    with session.no_autoflush:
        if isinstance(obj, AgendaItem):
            return list(
                session.scalars(select(Consultation).where(Consultation.agenda_item_id == obj.id))
            )
        query = select(Consultation).join(Meeting, Consultation.meeting_id == Meeting.id)
        if isinstance(obj, Meeting):
            query = query.where(Meeting.id == obj.id)
        else:
            query = query.where(Meeting.committee_id == obj.id)
        return list(session.scalars(query))


def _consultation_of(session: Session, obj: Any) -> Consultation | None:
    if isinstance(obj, Consultation):
        return obj
    if isinstance(obj, Option):
        question = obj.question
        if question is None and obj.question_id is not None:
            question = session.get(Question, obj.question_id)
        return _consultation_of(session, question) if question is not None else None
    consultation = obj.consultation
    if consultation is None and isinstance(obj, Question) and obj.section is not None:
        consultation = obj.section.consultation
    if consultation is None and obj.consultation_id is not None:
        consultation = session.get(Consultation, obj.consultation_id)
    return consultation


def _changed(session: Session) -> list[Any]:
    dirty = [obj for obj in session.dirty if session.is_modified(obj)]
    changed = (
        *dirty,
        *session.deleted,
        *(o for o in session.new if not isinstance(o, Consultation)),
    )
    return [obj for obj in changed if isinstance(obj, SEEN_BY_RESPONDENTS + MEETINGS)]


@event.listens_for(Session, "before_flush")
def _raise_questionnaire_version(session: Session, _context: Any, _instances: Any) -> None:
    bumped: set[int] = set()
    for obj in _changed(session):
        if isinstance(obj, MEETINGS):
            consultations: Sequence[Consultation | None] = _consultations_of_meeting(session, obj)
        else:
            consultations = [_consultation_of(session, obj)]
        for consultation in consultations:
            if consultation is None or consultation.id is None or consultation.id in bumped:
                continue  # a consultation being created starts at version 1
            bumped.add(consultation.id)
            consultation.questionnaire_version = Consultation.questionnaire_version + 1
