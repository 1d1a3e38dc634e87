"""Translations of free-text answers, by people or by an optional machine service."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from surveys.administration.audit import record
from surveys.errors import Invalid
from surveys.models import Answer, AnswerTranslation, TranslationOrigin, User
from surveys.vocabulary import N_

MAX_LENGTH = 20_000


def current(session: Session, answer: Answer, language: str) -> AnswerTranslation | None:
    return session.scalar(
        select(AnswerTranslation).where(
            AnswerTranslation.answer_id == answer.id, AnswerTranslation.language == language
        )
    )


def set_human(
    session: Session, answer: Answer, language: str, text: str, *, user: User
) -> AnswerTranslation | None:
    """Store a person's translation, replacing whatever was there; blank removes it."""
    text = (text or "").strip()
    if len(text) > MAX_LENGTH:
        raise Invalid(N_("The translation is too long."))
    existing = current(session, answer, language)
    if not text:
        if existing is not None:
            session.delete(existing)
            session.flush()
        return None
    if existing is None:
        existing = AnswerTranslation(answer_id=answer.id, language=language, text=text)
        session.add(existing)
    existing.text = text
    existing.origin = TranslationOrigin.HUMAN
    existing.translated_by = user
    session.flush()
    record(session, "answer.translate", user=user, obj=answer, language=language)
    return existing


def set_machine(
    session: Session, answer: Answer, language: str, text: str
) -> AnswerTranslation | None:
    """Store a machine translation unless a person has already translated the answer."""
    existing = current(session, answer, language)
    if existing is not None and existing.origin == TranslationOrigin.HUMAN:
        return None
    if existing is None:
        existing = AnswerTranslation(answer_id=answer.id, language=language, text=text)
        session.add(existing)
    existing.text = text
    existing.origin = TranslationOrigin.MACHINE
    existing.translated_by = None
    session.flush()
    return existing


def translate_missing(
    session: Session,
    answers: list[Answer],
    language: str,
    translate: Callable[[str, str, str], str],
    source_language: Callable[[Answer], str],
) -> int:
    """Machine-translate the answers that have no translation into `language` yet."""
    done = 0
    for answer in answers:
        if not answer.text or current(session, answer, language) is not None:
            continue
        source = source_language(answer)
        if source == language:
            continue
        set_machine(session, answer, language, translate(answer.text, source, language))
        done += 1
    return done
