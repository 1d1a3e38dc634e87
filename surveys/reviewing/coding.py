"""The codebook of a consultation and the coding of free-text answers with it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import CursorResult, delete, func, insert, select
from sqlalchemy.orm import Session

from surveys.administration.audit import record
from surveys.errors import Invalid, NotFound
from surveys.models import Answer, Consultation, Question, Response, Theme, User, answer_theme
from surveys.vocabulary import N_, FieldOfAction

COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _code_from(label: str) -> str:
    code = re.sub(r"[^a-z0-9]+", "_", label.casefold()).strip("_")[:40]
    return code or "theme"


def save_theme(
    session: Session,
    consultation: Consultation,
    *,
    label: str,
    language: str,
    description: str = "",
    field_of_action: str | None = None,
    colour: str = "#1a3da5",
    theme: Theme | None = None,
    user: User | None = None,
) -> Theme:
    """Create a theme, or change one, after checking its label, field and colour."""
    label = label.strip()
    if not label:
        raise Invalid(N_("Please give the theme a name."))
    if field_of_action and field_of_action not in {f.value for f in FieldOfAction}:
        raise Invalid(N_("Unknown field of action."))
    if not COLOUR.match(colour):
        raise Invalid(N_("The colour must look like #1a3da5."))
    if theme is None:
        base = code = _code_from(label)
        taken = set(
            session.scalars(select(Theme.code).where(Theme.consultation_id == consultation.id))
        )
        n = 2
        while code in taken:
            code, n = f"{base[:36]}_{n}", n + 1
        position = session.execute(
            select(func.coalesce(func.max(Theme.position), -1)).where(
                Theme.consultation_id == consultation.id
            )
        ).scalar_one()
        theme = Theme(consultation=consultation, code=code, label={}, position=position + 1)
        session.add(theme)
    elif theme.consultation_id != consultation.id:
        raise NotFound(N_("No such theme."))
    theme.label[language] = label
    theme.description = description.strip()
    theme.field_of_action = field_of_action or None
    theme.colour = colour.lower()
    session.flush()
    record(session, "theme.save", user=user, obj=theme, code=theme.code)
    return theme


def answers_of(
    session: Session, consultation: Consultation, answer_ids: Iterable[int]
) -> list[Answer]:
    """Those of the given answers that belong to the consultation's free-text answers."""
    ids = {int(i) for i in answer_ids}
    if not ids:
        return []
    return list(
        session.scalars(
            select(Answer)
            .join(Response, Answer.response_id == Response.id)
            .where(Answer.id.in_(ids), Response.consultation_id == consultation.id)
            .where(Answer.text.is_not(None))
        )
    )


def assign(
    session: Session,
    consultation: Consultation,
    theme: Theme,
    answer_ids: Iterable[int],
    *,
    user: User,
) -> int:
    """Give a theme to answers (one or many at once); returns how many newly got it."""
    if theme.consultation_id != consultation.id:
        raise NotFound(N_("No such theme."))
    answers = answers_of(session, consultation, answer_ids)
    already = set(
        session.scalars(
            select(answer_theme.c.answer_id).where(
                answer_theme.c.theme_id == theme.id,
                answer_theme.c.answer_id.in_([a.id for a in answers]),
            )
        )
    )
    new = [{"answer_id": a.id, "theme_id": theme.id} for a in answers if a.id not in already]
    if new:
        session.execute(insert(answer_theme), new)
        session.expire_all()
        record(session, "theme.assign", user=user, obj=theme, answers=len(new))
    return len(new)


def unassign(
    session: Session,
    consultation: Consultation,
    theme: Theme,
    answer_ids: Iterable[int],
    *,
    user: User,
) -> int:
    """Take a theme away from answers; returns how many lost it."""
    if theme.consultation_id != consultation.id:
        raise NotFound(N_("No such theme."))
    ids = [a.id for a in answers_of(session, consultation, answer_ids)]
    result: CursorResult[Any] = session.execute(  # type: ignore[assignment]  # DML: a cursor result
        delete(answer_theme).where(
            answer_theme.c.theme_id == theme.id, answer_theme.c.answer_id.in_(ids)
        )
    )
    session.expire_all()
    if result.rowcount:
        record(session, "theme.unassign", user=user, obj=theme, answers=result.rowcount)
    return result.rowcount


def set_quote(answer: Answer, *, quote: bool, publish: bool = False) -> None:
    """Mark an answer as a quote for the report; only quotes may be published."""
    answer.quote = quote
    answer.publish_quote = quote and publish


def text_questions(consultation: Consultation) -> list[Question]:
    """Questions whose answers carry free text (text kinds and "other" options)."""
    return [
        q
        for q in consultation.questions
        if q.kind in ("short_text", "long_text") or q.settings.get("other")
    ]
