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

from surveys.models import (
    Answer,
    AnswerTranslation,
    Consultation,
    Question,
    Response,
    StakeholderGroup,
    Theme,
    answer_theme,
)
from surveys.vocabulary import ResponseStatus

# What an answer row holds; who answered (language, group, channel, day) comes once per
# respondent from `respondent_rows`, not millions of times with every answer.
ANSWER_COLUMNS = ("response_id", "question_code", "option_code", "text", "number")
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


def answer_rows(
    session: Session, consultation: Consultation, *, with_answer_id: bool = False
) -> Iterator[tuple]:
    """One row per answer value of submitted responses, in ANSWER_COLUMNS order (after the
    answer's id when asked, to join facilitators' coding).

    Answers hidden by moderation are left out; redacted texts arrive redacted.
    """
    columns = [Answer.id] if with_answer_id else []
    query = (
        select(
            *columns,
            Answer.response_id,
            Question.code,
            Answer.option_code,
            Answer.text,
            Answer.number,
        )
        .join(Response, Answer.response_id == Response.id)
        .join(Question, Answer.question_id == Question.id)
        .where(_submitted(consultation), Answer.hidden.is_(False))
        .order_by(Answer.response_id, Answer.id)
        .execution_options(yield_per=BATCH)
    )
    yield from session.execute(query)


def coding_rows(
    session: Session, consultation: Consultation, language: str
) -> dict[int, tuple[str | None, tuple[str, ...], bool, bool]]:
    """Per free-text answer id: its translation into `language`, theme codes, quote flags."""
    submitted = (
        select(Answer.id)
        .join(Response, Answer.response_id == Response.id)
        .where(_submitted(consultation), Answer.hidden.is_(False), Answer.text.is_not(None))
    )
    coding: dict[int, tuple[str | None, tuple[str, ...], bool, bool]] = {}
    for answer_id, quote, publish in session.execute(
        select(Answer.id, Answer.quote, Answer.publish_quote).where(Answer.id.in_(submitted))
    ):
        coding[answer_id] = (None, (), bool(quote), bool(publish))
    for answer_id, text in session.execute(
        select(AnswerTranslation.answer_id, AnswerTranslation.text).where(
            AnswerTranslation.language == language, AnswerTranslation.answer_id.in_(submitted)
        )
    ):
        if answer_id in coding:
            coding[answer_id] = (text, *coding[answer_id][1:])
    themes: dict[int, list[str]] = {}
    for answer_id, code in session.execute(
        select(answer_theme.c.answer_id, Theme.code)
        .join(Theme, Theme.id == answer_theme.c.theme_id)
        .where(answer_theme.c.answer_id.in_(submitted))
        .order_by(Theme.position)
    ):
        themes.setdefault(answer_id, []).append(code)
    for answer_id, codes in themes.items():
        if answer_id in coding:
            translation, _, quote, publish = coding[answer_id]
            coding[answer_id] = (translation, tuple(codes), quote, publish)
    return coding


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
