"""The response life cycle: draft, pages saved, continue later, submit exactly once, withdraw.

Secrets the respondent holds (receipt code, resume code, invitation token) are stored only
as one-way hashes, each with its own purpose, so no row links an invitation to a response.
Functions take a session, flush, never commit.
"""

from __future__ import annotations

import secrets
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, delete, select, update
from sqlalchemy.orm import Session

from surveys.answering.drafts import Draft, rows_by_code, stored_rows
from surveys.answering.snapshot import ConsultationLike, ConsultationView
from surveys.answering.validation import Raw, Row, validate_answer, validate_page
from surveys.answering.values import AnswerError
from surveys.answering.visibility import visible_questions
from surveys.consultations import is_open
from surveys.credentials import new_token, token_hash
from surveys.errors import DomainError, Invalid
from surveys.models import (
    Answer,
    Consultation,
    Invitation,
    Question,
    Response,
    Section,
    StakeholderGroup,
)
from surveys.reviewing.moderation import find_personal_data
from surveys.vocabulary import N_, Channel, ResponseStatus

RECEIPT = "receipt"
RESUME = "resume"
INVITATION = "invitation"
RESPONSE = "response"
# No 0/O, 1/I/L: codes are read aloud, written down and typed on phones.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


class Closed(DomainError):
    """The consultation accepts no answers now."""


class Incomplete(DomainError):
    """Submission refused: required questions are unanswered."""

    def __init__(self, missing: list[tuple[Question, AnswerError]]) -> None:
        super().__init__(N_("Some required questions have not been answered yet."))
        self.missing = missing


@dataclass(frozen=True)
class SubmitResult:
    """`first` is False when the response had been submitted already (a repeated request)."""

    response: Response | Draft
    first: bool


# --- codes ----------------------------------------------------------------------------------


def new_code() -> str:
    """A human-typable code like "K7MQ-2XPA-9HNC" (about 59 bits of randomness)."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(chars[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(code: str) -> str:
    """Forgive case, spaces, dashes and non-Latin digits when a code is typed back."""
    kept = []
    for char in unicodedata.normalize("NFKC", code or "").upper():
        digit = unicodedata.decimal(char, None)
        if digit is not None:
            kept.append(str(digit))
        elif char.isascii() and char.isalnum():
            kept.append(char)
    return "".join(kept)


def _code_hash(code: str, purpose: str) -> str | None:
    normal = normalise_code(code)
    return token_hash(normal, purpose) if len(normal) == CODE_LENGTH else None


# --- invitations ----------------------------------------------------------------------------


def create_invitation(
    session: Session,
    consultation: Consultation,
    *,
    group: StakeholderGroup | None = None,
    language: str | None = None,
    name: str = "",
    email: str = "",
    organisation: str = "",
) -> tuple[Invitation, str]:
    """A personal invitation; returns it with its token, which is stored only as a hash."""
    token = new_token(24)
    invitation = Invitation(
        consultation=consultation,
        token_hash=token_hash(token, INVITATION),
        group=group,
        language=language or consultation.source_language,
        name=name,
        email=email,
        organisation=organisation,
    )
    session.add(invitation)
    session.flush()
    return invitation, token


def find_invitation(session: Session, token: str) -> Invitation | None:
    if not token:
        return None
    return session.scalar(
        select(Invitation).where(Invitation.token_hash == token_hash(token, INVITATION))
    )


def invited_response(
    session: Session, consultation: ConsultationLike, token: str
) -> Response | None:
    """The response of whoever holds this invitation token, draft or submitted."""
    return session.scalar(
        select(Response)
        .where(Response.consultation_id == consultation.id)
        .where(Response.access_hash == token_hash(token, RESPONSE))
    )


# --- drafts ---------------------------------------------------------------------------------


def start_draft(
    session: Session,
    consultation: ConsultationLike,
    *,
    language: str,
    now: datetime,
    group: StakeholderGroup | Any | None = None,
) -> Response:
    """A new online draft through the public link. `group` may be a cached copy of one."""
    if not is_open(consultation, now):
        raise Closed(N_("This consultation is not open for answers."))
    if group is not None and group.consultation_id != consultation.id:
        raise Invalid(N_("Please choose one of the options shown."))
    response = Response(
        consultation_id=consultation.id,
        language=language,
        group_id=group.id if group is not None else None,
        channel=Channel.ONLINE,
        status=ResponseStatus.DRAFT,
        created_at=now,
        updated_at=now,
    )
    session.add(response)
    session.flush()
    return response


def start_invited(
    session: Session,
    consultation: ConsultationLike,
    token: str,
    *,
    language: str,
    now: datetime,
) -> Response:
    """The invited respondent's response: the existing one, or a new draft in their group."""
    invitation = find_invitation(session, token)
    if invitation is None or invitation.consultation_id != consultation.id:
        raise Invalid(N_("This invitation link is not valid."))
    existing = invited_response(session, consultation, token)
    if existing is not None:
        return existing
    response = start_draft(session, consultation, language=language, now=now)
    response.group = invitation.group
    response.access_hash = token_hash(token, RESPONSE)
    session.flush()
    return response


_RESPONSES = cast(Table, Response.__table__)
_ANSWERS = cast(Table, Answer.__table__)
# Core statements, built once: the ORM would add nothing here but time.
_TOUCH = (
    _RESPONSES.update()
    .where(_RESPONSES.c.id == bindparam("response_id"))
    .values(
        language=bindparam("language", type_=_RESPONSES.c.language.type),
        updated_at=bindparam("now", type_=_RESPONSES.c.updated_at.type),
    )
)
_DELETE_ANSWERS = _ANSWERS.delete().where(
    _ANSWERS.c.response_id == bindparam("response_id"),
    _ANSWERS.c.question_id.in_(bindparam("question_ids", expanding=True)),
)
_INSERT_ANSWER = _ANSWERS.insert()


def _touch(session: Session, response_id: int, *, language: str, now: datetime) -> None:
    """Mark the response as changed now, first thing in the transaction.

    Being a write, it also takes the row's lock (PostgreSQL) or the database's write lock
    (SQLite) before the stored answers are read: two "Next" clicks at once are saved one
    after the other and cannot both replace the page and leave duplicates.
    """
    session.connection().execute(
        _TOUCH, {"response_id": response_id, "language": language, "now": now}
    )


def _replace(
    session: Session, response_id: int, rows: Mapping[int, list[Row]], stored: set[int]
) -> None:
    """Replace the answers of the given question ids with `rows`, in one statement each;
    `stored` are the question ids that have answers now (nothing to delete on a first save).
    """
    if not rows:
        return
    connection = session.connection()
    replaced = [question_id for question_id in rows if question_id in stored]
    if replaced:
        # Answer objects of these rows that this session holds would outlive their rows.
        for obj in list(session.identity_map.values()):
            if isinstance(obj, Answer) and obj.response_id == response_id:
                if obj.question_id in rows:
                    session.expunge(obj)
        connection.execute(_DELETE_ANSWERS, {"response_id": response_id, "question_ids": replaced})
    values = [
        {
            "response_id": response_id,
            "question_id": question_id,
            "option_code": row.get("option_code"),
            "text": row.get("text"),
            "number": row.get("number"),
            # Free text with an email address or phone number gets a facilitator's look.
            "flagged": bool(find_personal_data(row.get("text"))),
        }
        for question_id, question_rows in rows.items()
        for row in question_rows
    ]
    if values:
        connection.execute(_INSERT_ANSWER, values)


def _questions(consultation: ConsultationLike, questions: Sequence[Any] | None) -> Sequence[Any]:
    """The questionnaire's questions in order: as given, else the row's own."""
    if questions is not None:
        return questions
    if isinstance(consultation, ConsultationView):
        raise TypeError("A snapshot has no questions of its own: pass its Structure's.")
    return consultation.questions


def editable(response: Response | Draft) -> bool:
    """Drafts can be changed; submitted answers only by the holder of an invitation link."""
    return response.status == ResponseStatus.DRAFT or response.access_hash is not None


def save_page(
    session: Session,
    response: Response | Draft,
    section: Section,
    raw_by_code: Mapping[str, Raw],
    *,
    language: str,
    now: datetime,
    require: bool = True,
    questions: Sequence[Any] | None = None,
    consultation: ConsultationLike | None = None,
) -> dict[str, AnswerError]:
    """Store the valid answers of one page, replacing what that page had; return the errors.

    Answers of questions hidden by show_if are dropped, here and on later pages whose
    trigger changed. A submitted (invited) response is only changed when the page is valid.
    `section` and `questions` (all of the questionnaire, in order; by default the ORM's) may
    also be a cached copy with the same attributes. The response may be a `Draft` read by
    the respondent's page, with its `consultation` given.
    """
    if consultation is None:
        assert isinstance(response, Response), "a Draft needs its consultation"
        consultation = response.consultation
    questions = _questions(consultation, questions)
    if not is_open(consultation, now):
        raise Closed(N_("This consultation is not open for answers."))
    if not editable(response):
        raise Invalid(N_("These answers have already been sent."))
    if isinstance(response, Response):
        session.flush()  # a response made in this transaction must exist for the update
    _touch(session, response.id, language=language, now=now)
    stored = stored_rows(session, response.id)
    page_codes = {q.code for q in section.questions}
    earlier = {code: rows for code, rows in stored.items() if code not in page_codes}
    submitted = response.status == ResponseStatus.SUBMITTED
    valid, errors = validate_page(
        section.questions, raw_by_code, earlier, require=require or submitted, language=language
    )
    if submitted and errors:
        return errors
    new_rows: dict[int, list[Row]] = {}
    for question in section.questions:
        if question.code in errors:
            continue  # keep what was saved before until the typed value is fixed
        new_rows[question.id] = valid.get(question.code, [])
    merged = {**stored, **{q.code: new_rows[q.id] for q in section.questions if q.id in new_rows}}
    shown = {q.code for q in visible_questions(questions, merged)}
    for question in questions:
        if question.code not in shown and merged.get(question.code):
            new_rows[question.id] = []
    had = {q.id for q in questions if stored.get(q.code)}
    _replace(session, response.id, new_rows, had)
    if isinstance(response, Response):
        session.expire(response, ["answers", "language", "updated_at"])
    return errors


def missing_in(
    questions: Sequence[Any], stored: Mapping[str, Sequence[Row]]
) -> list[tuple[Question, AnswerError]]:
    """Every visible question whose stored answer would not be accepted at submission."""
    problems = []
    for question in visible_questions(questions, stored):
        rows = stored.get(question.code, [])
        if rows:
            continue
        result = validate_answer(question, {})
        if result.error is not None:
            problems.append((question, result.error))
    return problems


def submit(
    session: Session,
    response: Response | Draft,
    receipt_code: str,
    *,
    now: datetime,
    language: str | None = None,
    invitation_token: str | None = None,
    questions: Sequence[Any] | None = None,
    consultation: ConsultationLike | None = None,
) -> SubmitResult:
    """Submit a draft exactly once.

    The draft row itself becomes submitted in a single ``UPDATE … WHERE status = 'draft'``,
    so a double click, a back-button resubmit or a retried request finds nothing to update
    and returns ``first=False``: the caller shows the same confirmation again. The receipt
    code is chosen by the caller before the request (kept with the draft in the client's
    session), so every repeat of the request carries the same code. The response may be
    the respondent page's `Draft`, with its `consultation` given.
    """
    if isinstance(response, Response):
        consultation = response.consultation
        stored = rows_by_code(response)
    else:
        assert consultation is not None, "a Draft needs its consultation"
        stored = response.rows
    if not is_open(consultation, now):
        raise Closed(N_("This consultation is not open for answers."))
    missing = missing_in(_questions(consultation, questions), stored)
    if missing:
        raise Incomplete(missing)
    receipt = _code_hash(receipt_code, RECEIPT)
    if receipt is None:
        raise Invalid(N_("The receipt code is not valid."))
    session.flush()
    values: dict = {
        "status": ResponseStatus.SUBMITTED,
        "submitted_at": now,
        "updated_at": now,
        "receipt_hash": receipt,
        "resume_hash": None,
    }
    if language:
        values["language"] = language
    result: CursorResult[Any] = session.execute(  # type: ignore[assignment]  # DML gives a cursor result
        update(Response)
        .where(Response.id == response.id)
        .where(Response.status == ResponseStatus.DRAFT)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    first = result.rowcount == 1
    if isinstance(response, Response):
        session.refresh(response)
    if first and invitation_token:
        invitation = find_invitation(session, invitation_token)
        if invitation is not None and invitation.used_at is None:
            invitation.used_at = answered_mark(consultation, now)
    session.flush()
    return SubmitResult(response, first)


def answered_mark(consultation: ConsultationLike, now: datetime) -> datetime:
    """When an invitation counts as used: only the day for anonymous consultations.

    The exact time would equal the response's `submitted_at` and so name whose answers
    they are; the day still tells staff who has answered.
    """
    if consultation.anonymous:
        return now.replace(hour=0, minute=0, second=0, microsecond=0)
    return now


# --- continue later, withdraw ---------------------------------------------------------------


def issue_resume_code(session: Session, response: Response) -> str:
    """A new code to continue this draft later; earlier codes stop working.

    The same code is the resume link's token (`/c/<slug>/r/<code>`), so one hash serves both.
    """
    if response.status != ResponseStatus.DRAFT:
        raise Invalid(N_("These answers have already been sent."))
    code = new_code()
    response.resume_hash = _code_hash(code, RESUME)
    session.flush()
    return code


def find_by_resume_code(
    session: Session, consultation: ConsultationLike, code: str
) -> Response | None:
    """The draft this resume code (typed or from a link) belongs to, if it is still a draft."""
    hashed = _code_hash(code, RESUME)
    if hashed is None:
        return None
    return session.scalar(
        select(Response)
        .where(Response.consultation_id == consultation.id)
        .where(Response.resume_hash == hashed)
        .where(Response.status == ResponseStatus.DRAFT)
    )


def withdraw(
    session: Session,
    consultation: ConsultationLike,
    receipt_code: str,
    *,
    now: datetime,
) -> bool:
    """Delete the submitted response with this receipt code and its answers; False if none."""
    if not is_open(consultation, now):
        raise Closed(N_("The deadline has passed; answers can no longer be withdrawn."))
    hashed = _code_hash(receipt_code, RECEIPT)
    if hashed is None:
        return False
    response = session.scalar(
        select(Response)
        .where(Response.consultation_id == consultation.id)
        .where(Response.receipt_hash == hashed)
        .where(Response.status == ResponseStatus.SUBMITTED)
    )
    if response is None:
        return False
    session.execute(
        delete(Answer)
        .where(Answer.response_id == response.id)
        .execution_options(synchronize_session="fetch")
    )
    session.delete(response)
    session.flush()
    return True
