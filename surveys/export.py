"""Answers as plain rows in long format: what `analysis` and every export consume.

Rows carry codes, never wording: labels are looked up separately in the reader's language.
Nothing that identifies a person leaves here: no public ids, no hashes, no staff ids.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from surveys.kinds import ResponseStatus
from surveys.models import Answer, Consultation, Question, Response, StakeholderGroup

ANSWER_COLUMNS = (
    "response_id",
    "question_code",
    "option_code",
    "text",
    "number",
    "language",
    "group",
    "channel",
    "submitted_at",
)
RESPONDENT_COLUMNS = ("response_id", "language", "group", "channel", "submitted_at")
BATCH = 20_000


@dataclass(frozen=True)
class QuestionRow:
    """What analysis needs to know of a question, besides its localised labels."""

    code: str
    kind: str
    field_of_action: str | None
    settings: dict[str, Any]
    option_codes: tuple[str, ...]


def _submitted(consultation: Consultation) -> Any:
    return (Response.consultation_id == consultation.id) & (
        Response.status == ResponseStatus.SUBMITTED
    )


def respondent_rows(session: Session, consultation: Consultation) -> Iterator[tuple]:
    """One row per submitted response, in RESPONDENT_COLUMNS order."""
    query = (
        select(
            Response.id,
            Response.language,
            StakeholderGroup.code,
            Response.channel,
            Response.submitted_at,
        )
        .outerjoin(StakeholderGroup, Response.group_id == StakeholderGroup.id)
        .where(_submitted(consultation))
        .order_by(Response.id)
        .execution_options(yield_per=BATCH)
    )
    yield from session.execute(query)


def answer_rows(session: Session, consultation: Consultation) -> Iterator[tuple]:
    """One row per answer value of submitted responses, in ANSWER_COLUMNS order.

    Answers hidden by moderation are left out; redacted texts arrive redacted.
    """
    query = (
        select(
            Answer.response_id,
            Question.code,
            Answer.option_code,
            Answer.text,
            Answer.number,
            Response.language,
            StakeholderGroup.code,
            Response.channel,
            Response.submitted_at,
        )
        .join(Response, Answer.response_id == Response.id)
        .join(Question, Answer.question_id == Question.id)
        .outerjoin(StakeholderGroup, Response.group_id == StakeholderGroup.id)
        .where(_submitted(consultation), Answer.hidden.is_(False))
        .order_by(Answer.response_id, Answer.id)
        .execution_options(yield_per=BATCH)
    )
    yield from session.execute(query)


def question_rows(consultation: Consultation) -> list[QuestionRow]:
    """The questionnaire's structure in order, keyed by codes."""
    return [
        QuestionRow(
            code=q.code,
            kind=q.kind,
            field_of_action=q.field_of_action,
            settings=dict(q.settings),
            option_codes=tuple(o.code for o in q.options),
        )
        for q in consultation.questions
    ]
