"""Reading what a respondent has stored: their draft's state and answers, by question code.

Writes live in `surveys.answering.responses`. The respondent pages read through `Draft`s,
plain rows without ORM objects; `consultation_and_draft` is the one query a respondent page
starts with (see `surveys.reads`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Select, and_, bindparam, func, select
from sqlalchemy.orm import Session, object_session

from surveys.answering.validation import Row
from surveys.models import Answer, Consultation, Question, Response
from surveys.reads import CommittedRead


@dataclass(frozen=True)
class Draft:
    """What the respondent's pages read of their response: its state and stored answers."""

    id: int
    public_id: str
    status: str
    access_hash: str | None
    rows: dict[str, list[Row]]


# Built once, read through the connection (plain rows need none of the ORM's handling):
# a response with its answers by question code, in one round trip.
_DRAFT = (
    Response.id,
    Response.public_id,
    Response.status,
    Response.access_hash,
    Question.code,
    Answer.option_code,
    Answer.text,
    Answer.number,
)


def _with_answers(query: Select) -> Select:
    return (
        query.outerjoin(Answer, Answer.response_id == Response.id)
        .outerjoin(Question, Question.id == Answer.question_id)
        .order_by(Answer.question_id, func.coalesce(Answer.number, 0), Answer.id)
    )


_DRAFT_WITH_ROWS = _with_answers(
    select(*_DRAFT)
    .where(Response.public_id == bindparam("public_id"))
    .where(Response.consultation_id == bindparam("consultation_id"))
)
# A fixed number of parameters keeps the statement's SQL the same for every request (an
# expanding IN would be rendered anew each time); browsers rarely hold more than one draft.
DRAFT_SLOTS = 4
_CONSULTATION_AND_DRAFT = CommittedRead(
    _with_answers(
        select(
            Consultation.id.label("consultation_id"), Consultation.questionnaire_version, *_DRAFT
        )
        .select_from(Consultation)
        .outerjoin(
            Response,
            and_(
                Response.consultation_id == Consultation.id,
                Response.public_id.in_([bindparam(f"draft{n}") for n in range(DRAFT_SLOTS)]),
            ),
        )
        .where(Consultation.slug == bindparam("slug"))
    )
)


def _by_code(found: Iterable[Sequence[Any]]) -> dict[str, list[Row]]:
    """(code, option_code, text, number) tuples as rows per question code, in order."""
    rows: dict[str, list[Row]] = {}
    for code, option_code, text, number in found:
        rows.setdefault(code, []).append(
            {"option_code": option_code, "text": text, "number": number}
        )
    return rows


def _draft_of(found: Sequence[Any]) -> Draft | None:
    if not found or found[0].id is None:
        return None
    first = found[0]
    return Draft(
        id=first.id,
        public_id=first.public_id,
        status=first.status,
        access_hash=first.access_hash,
        rows=_by_code(
            (row.code, row.option_code, row.text, row.number)
            for row in found
            if row.code is not None and row.id == first.id
        ),
    )


def find_draft(session: Session, consultation_id: int, public_id: str | None) -> Draft | None:
    """The response with this public id in this consultation, read without the ORM."""
    if not public_id:
        return None
    parameters = {"public_id": public_id, "consultation_id": consultation_id}
    return _draft_of(session.connection().execute(_DRAFT_WITH_ROWS, parameters).all())


def consultation_and_draft(
    engine: Engine, slug: str, public_ids: Sequence[str]
) -> tuple[int, int, Draft | None] | None:
    """The id and questionnaire version of the consultation with this slug, and whichever of
    `public_ids` (at most `DRAFT_SLOTS`) is a response to it, with its answers: every
    respondent page in one round trip. None if there is no such consultation.

    It reads what is committed, outside any session's transaction (see `surveys.reads`):
    call it before the request writes anything.
    """
    if len(public_ids) > DRAFT_SLOTS:
        raise ValueError(f"at most {DRAFT_SLOTS} drafts can be looked up at once")
    padded = [*public_ids, *[""] * (DRAFT_SLOTS - len(public_ids))]  # "" is no public id
    parameters = {"slug": slug, **{f"draft{n}": value for n, value in enumerate(padded)}}
    found = _CONSULTATION_AND_DRAFT.all(engine, parameters)
    if not found:
        return None
    return found[0].consultation_id, found[0].questionnaire_version, _draft_of(found)


def rows_by_code(response: Response) -> dict[str, list[Row]]:
    """The stored answers per question code, in long format.

    One query for plain rows: no Answer objects, no question loaded per answer.
    """
    session = object_session(response)
    if session is None or response.id is None:
        answers = sorted(response.answers, key=lambda a: (a.question_id, a.number or 0, a.id))
        return _by_code((a.question.code, a.option_code, a.text, a.number) for a in answers)
    session.flush()  # answers added to this session count, as the ORM's autoflush would have
    return stored_rows(session, response.id)


_STORED_ROWS = (
    select(Question.code, Answer.option_code, Answer.text, Answer.number)
    .join(Question, Question.id == Answer.question_id)
    .where(Answer.response_id == bindparam("response_id"))
    .order_by(Answer.question_id, func.coalesce(Answer.number, 0), Answer.id)
)


def stored_rows(session: Session, response_id: int) -> dict[str, list[Row]]:
    """`rows_by_code` by the response's id, without loading the response."""
    return _by_code(session.connection().execute(_STORED_ROWS, {"response_id": response_id}))
