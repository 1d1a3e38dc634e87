"""Raise a consultation's `questionnaire_version` whenever its structure changes.

Caches of a questionnaire's sections, questions, options and groups (the respondent pages
keep one per process) compare this number with the one in the database row they load
anyway. Every change made through the ORM — by any authoring service, import, translation
or test — goes through a flush, so one hook here catches them all, in the same
transaction as the change. The number is raised in SQL (`SET v = v + 1`), so two editors
committing at once still give two different versions.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from surveys.models.consultation import Consultation, Option, Question, Section, StakeholderGroup

STRUCTURE = (Section, Question, Option, StakeholderGroup)


def _consultation_of(session: Session, obj: Any) -> Consultation | None:
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
    return [obj for obj in (*session.new, *dirty, *session.deleted) if isinstance(obj, STRUCTURE)]


@event.listens_for(Session, "before_flush")
def _raise_questionnaire_version(session: Session, _context: Any, _instances: Any) -> None:
    bumped: set[int] = set()
    for obj in _changed(session):
        consultation = _consultation_of(session, obj)
        if consultation is None or consultation.id is None or consultation.id in bumped:
            continue  # a consultation being created starts at version 1
        bumped.add(consultation.id)
        consultation.questionnaire_version = Consultation.questionnaire_version + 1
