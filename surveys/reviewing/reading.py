"""Finding free-text answers to read and code: by question, theme, language, search."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from surveys.models import Answer, AnswerTranslation, Consultation, Question, Response, answer_theme
from surveys.vocabulary import ResponseStatus


@dataclass(frozen=True)
class TextFilters:
    """What a facilitator narrowed the list of free-text answers down to."""

    question: str | None = None
    theme_id: int | None = None
    uncoded: bool = False
    flagged: bool = False
    hidden: bool | None = None
    language: str | None = None
    search: str = ""


@dataclass(frozen=True)
class TextPage:
    answers: list[Answer]
    total: int


def text_answers(
    session: Session,
    consultation: Consultation,
    filters: TextFilters,
    *,
    offset: int = 0,
    limit: int = 50,
) -> TextPage:
    """One page of the consultation's free-text answers of submitted responses."""
    query = (
        select(Answer)
        .join(Response, Answer.response_id == Response.id)
        .join(Question, Answer.question_id == Question.id)
        .where(Response.consultation_id == consultation.id)
        .where(Response.status == ResponseStatus.SUBMITTED)
        .where(Answer.text.is_not(None), Question.kind != "date")
    )
    if filters.question:
        query = query.where(Question.code == filters.question)
    if filters.theme_id is not None:
        query = query.where(
            exists().where(
                answer_theme.c.answer_id == Answer.id, answer_theme.c.theme_id == filters.theme_id
            )
        )
    if filters.uncoded:
        query = query.where(~exists().where(answer_theme.c.answer_id == Answer.id))
    if filters.flagged:
        query = query.where(Answer.flagged.is_(True))
    if filters.hidden is not None:
        query = query.where(Answer.hidden.is_(filters.hidden))
    if filters.language:
        query = query.where(Response.language == filters.language)
    if filters.search.strip():
        needle = f"%{filters.search.strip().lower()}%"
        query = query.where(
            or_(
                func.lower(Answer.text).like(needle),
                exists().where(
                    AnswerTranslation.answer_id == Answer.id,
                    func.lower(AnswerTranslation.text).like(needle),
                ),
            )
        )
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    answers = session.scalars(
        query.options(
            selectinload(Answer.themes),
            selectinload(Answer.translations),
            selectinload(Answer.response),
            selectinload(Answer.question),
        )
        .order_by(Answer.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return TextPage(list(answers), total)


def answer_in(session: Session, consultation: Consultation, answer_id: int) -> Answer | None:
    """The answer if it belongs to a submitted response of this consultation, else None."""
    return session.scalar(
        select(Answer)
        .join(Response, Answer.response_id == Response.id)
        .where(Answer.id == answer_id, Response.consultation_id == consultation.id)
        .where(Response.status == ResponseStatus.SUBMITTED)
    )
