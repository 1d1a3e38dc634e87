"""Paper questionnaires typed in by staff, and the optional second entry that checks them.

A paper response is a *submitted* Response with channel "paper", `entered_by` the staff
member who typed it and `submitted_at` the date written on the sheet (or the time of entry).
Its answers obey the rules of online answers (`surveys.answering.validation`, show_if
evaluated over the whole sheet), with one difference: a required question the respondent
left blank on paper stays unanswered — staff record what is written, they never complete it.

Double data entry: a staff member may type the same sheet a second time, naming it by the
sheet number written on it. The second entry is kept in a `PaperCheck` row, never as a
second response. Where the entries differ, staff choose the right one per question; then
the response is verified. Until then it is listed as "to check".

Must not import flask, wtforms, consult or analysis. Functions flush, never commit.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from surveys.administration import audit
from surveys.answering.drafts import rows_by_code
from surveys.answering.validation import Raw, Row, validate_page
from surveys.answering.values import AnswerError
from surveys.answering.visibility import visible_questions
from surveys.errors import DomainError, Invalid
from surveys.models import Answer, Consultation, PaperCheck, Response, StakeholderGroup, User
from surveys.reviewing.moderation import find_personal_data
from surveys.vocabulary import N_, Channel, ConsultationStatus, ResponseStatus

SHEET_MAX = 20
# Where a paper response stands; staff lists show these.
ENTERED = "entered"  # typed once; a second entry is optional
TO_CHECK = "to_check"  # typed twice, and the entries differ
VERIFIED = "verified"  # typed twice, and both agree (or staff resolved every difference)
GROUP = "_group"  # the stakeholder group in a comparison (no question code starts with _)
FIRST, SECOND = "first", "second"
# Consultations that accept paper responses: published, and closed (sheets arrive late).
ACCEPTING = (ConsultationStatus.PUBLISHED, ConsultationStatus.CLOSED)
SHEET_TAKEN = N_(
    "A paper response with this sheet number has already been entered. "
    "To type it a second time, choose “Second entry of a sheet”."
)
SHEET_CHECKED = N_("This sheet has already been entered a second time.")


class EntryInvalid(DomainError):
    """A typed sheet broke rules: per question code, and per entry field
    (``sheet``, ``group``, ``language``, ``submitted_at``) an untranslated msgid."""

    def __init__(
        self, answers: Mapping[str, AnswerError], fields: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(N_("Please correct the marked entries. Nothing has been saved."))
        self.answers = dict(answers)
        self.fields = dict(fields or {})


class NotAccepting(DomainError):
    """Paper responses cannot be entered for this consultation now."""


@dataclass
class Sheet:
    """What is written on one paper questionnaire, as staff typed it."""

    raw: Mapping[str, Raw]
    language: str = ""
    group_code: str = ""  # empty: the respondent ticked no group
    sheet: str = ""
    submitted_at: datetime | None = None
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Difference:
    """One question (or the group, key ``group``) where the two entries of a sheet differ."""

    key: str
    question: Any
    first: list[Row]
    second: list[Row]


# --- shared checks ------------------------------------------------------------------------


def normalise_sheet(value: str | None) -> str:
    """A sheet number as written: any digits become ASCII, spaces go, letters upper case."""
    kept = []
    for char in unicodedata.normalize("NFKC", value or ""):
        digit = unicodedata.decimal(char, None)
        if digit is not None:
            kept.append(str(digit))
        elif not char.isspace():
            kept.append(char.upper())
    return "".join(kept)


def find_by_sheet(session: Session, consultation: Consultation, sheet: str) -> Response | None:
    """The paper response of this consultation with this sheet number."""
    number = normalise_sheet(sheet)
    if not number:
        return None
    return session.scalar(
        select(Response)
        .where(Response.consultation_id == consultation.id)
        .where(Response.paper_sheet == number)
    )


def _check_accepting(consultation: Consultation) -> None:
    if consultation.status not in ACCEPTING:
        raise NotAccepting(N_("Paper responses can be entered once the consultation is published."))


def _group(consultation: Consultation, code: str) -> StakeholderGroup | None:
    return next((g for g in consultation.groups if g.code == code), None)


def validate_sheet(
    consultation: Consultation, sheet: Sheet, *, second: bool = False
) -> tuple[dict[str, list[Row]], dict[str, AnswerError]]:
    """The rows per question code of the visible, valid answers, and the answer errors.

    Problems with the entry fields are collected in `sheet.fields`; nothing is stored.
    """
    if not second and sheet.language not in consultation.languages:
        sheet.fields["language"] = N_("Please choose one of the options shown.")
    if sheet.group_code and _group(consultation, sheet.group_code) is None:
        sheet.fields["group"] = N_("Please choose one of the options shown.")
    if len(normalise_sheet(sheet.sheet)) > SHEET_MAX:
        sheet.fields["sheet"] = N_("The sheet number is too long.")
    return validate_page(consultation.questions, sheet.raw, {}, require=False)


def _store(session: Session, response: Response, rows: Mapping[str, Sequence[Row]]) -> None:
    questions = {q.code: q for q in response.consultation.questions}
    for code, question_rows in rows.items():
        for row in question_rows:
            session.add(
                Answer(
                    response=response,
                    question_id=questions[code].id,
                    option_code=row.get("option_code"),
                    text=row.get("text"),
                    number=row.get("number"),
                    flagged=bool(find_personal_data(row.get("text"))),
                )
            )


# --- first entry --------------------------------------------------------------------------


def enter(
    session: Session, consultation: Consultation, sheet: Sheet, *, user: User, now: datetime
) -> Response:
    """Store a typed paper sheet as one submitted response, or raise EntryInvalid."""
    _check_accepting(consultation)
    number = normalise_sheet(sheet.sheet)
    sheet.sheet = number
    rows, errors = validate_sheet(consultation, sheet)
    if number and "sheet" not in sheet.fields and find_by_sheet(session, consultation, number):
        sheet.fields["sheet"] = SHEET_TAKEN
    if sheet.submitted_at is not None and sheet.submitted_at > now:
        sheet.fields["submitted_at"] = N_("The date cannot be in the future.")
    if errors or sheet.fields:
        raise EntryInvalid(errors, sheet.fields)
    response = Response(
        consultation=consultation,
        language=sheet.language,
        group=_group(consultation, sheet.group_code),
        channel=Channel.PAPER,
        status=ResponseStatus.SUBMITTED,
        created_at=now,
        updated_at=now,
        submitted_at=sheet.submitted_at or now,
        entered_by_id=user.id,
        paper_sheet=number or None,
    )
    session.add(response)
    session.flush()
    _store(session, response, rows)
    session.flush()
    audit.record(
        session,
        "paper.enter",
        user=user,
        obj=response,
        consultation=consultation.id,
        sheet=number,
    )
    return response


# --- second entry and comparison ------------------------------------------------------------


def enter_second(
    session: Session, consultation: Consultation, sheet: Sheet, *, user: User, now: datetime
) -> Response:
    """Keep a second typing of an entered sheet for comparison; return the sheet's response.

    When both entries agree the response is verified at once.
    """
    _check_accepting(consultation)
    number = normalise_sheet(sheet.sheet)
    sheet.sheet = number
    rows, errors = validate_sheet(consultation, sheet, second=True)
    response = find_by_sheet(session, consultation, number) if number else None
    if not number:
        sheet.fields["sheet"] = N_("Please enter the sheet number written on the paper.")
    elif response is None:
        sheet.fields["sheet"] = N_("No paper response with this sheet number has been entered.")
    elif response.paper_check is not None:
        sheet.fields["sheet"] = SHEET_CHECKED
    if errors or sheet.fields:
        raise EntryInvalid(errors, sheet.fields)
    assert response is not None
    check = PaperCheck(
        response=response,
        entered_by_id=user.id,
        entered_at=now,
        group_code=sheet.group_code or None,
        rows={code: list(code_rows) for code, code_rows in rows.items() if code_rows},
    )
    session.add(check)
    session.flush()
    agreed = not differences(response)
    if agreed:
        check.resolved_at = now
        response.verified_at = now
    session.flush()
    audit.record(
        session,
        "paper.second_entry",
        user=user,
        obj=response,
        consultation=consultation.id,
        sheet=number,
        agreed=agreed,
    )
    return response


def _canonical(rows: Sequence[Row]) -> list[tuple]:
    return sorted(
        (
            row.get("option_code") or "",
            row.get("text") or "",
            float(row["number"]) if row.get("number") is not None else None,
        )
        for row in rows
    )


def differences(response: Response) -> list[Difference]:
    """Where the second entry differs from the response's answers, in questionnaire order."""
    check = response.paper_check
    if check is None:
        return []
    found = []
    first_group = response.group.code if response.group is not None else None
    if first_group != check.group_code:
        found.append(
            Difference(
                GROUP,
                None,
                [{"option_code": first_group}] if first_group else [],
                [{"option_code": check.group_code}] if check.group_code else [],
            )
        )
    first = rows_by_code(response)
    second = check.rows or {}
    for question in response.consultation.questions:
        a, b = first.get(question.code, []), second.get(question.code, [])
        if _canonical(a) != _canonical(b):
            found.append(Difference(question.code, question, list(a), list(b)))
    return found


def status(response: Response) -> str:
    """ENTERED, TO_CHECK or VERIFIED."""
    if response.verified_at is not None:
        return VERIFIED
    if response.paper_check is not None:
        return TO_CHECK
    return ENTERED


def resolve(
    session: Session,
    response: Response,
    choices: Mapping[str, str],
    *,
    user: User,
    now: datetime,
) -> list[str]:
    """Apply the chosen entry ("first" or "second") per difference and verify the response.

    Returns the keys of differences without a valid choice; then nothing is changed.
    """
    if status(response) != TO_CHECK:
        raise Invalid(N_("This paper response has no open differences."))
    found = differences(response)
    missing = [d.key for d in found if choices.get(d.key) not in (FIRST, SECOND)]
    if missing:
        return missing
    consultation = response.consultation
    taken = [d for d in found if choices[d.key] == SECOND]
    for difference in taken:
        if difference.key == GROUP:
            code = difference.second[0]["option_code"] if difference.second else ""
            response.group = _group(consultation, code)
            continue
        for answer in [a for a in response.answers if a.question_id == difference.question.id]:
            response.answers.remove(answer)
        _store(session, response, {difference.key: difference.second})
    session.flush()
    session.expire(response, ["answers"])
    # A trigger taken from the other entry may now hide a question that still has answers.
    stored = rows_by_code(response)
    shown = {q.code for q in visible_questions(consultation.questions, stored)}
    for answer in list(response.answers):
        if answer.question.code not in shown:
            response.answers.remove(answer)
    check = response.paper_check
    if check is not None:
        check.resolved_at = now
        check.resolved_by_id = user.id
    response.verified_at = now
    response.updated_at = now
    session.flush()
    audit.record(
        session,
        "paper.resolve",
        user=user,
        obj=response,
        consultation=consultation.id,
        sheet=response.paper_sheet or "",
        second=[d.key for d in taken],
    )
    return []


def paper_responses(session: Session, consultation: Consultation) -> list[Response]:
    """The paper responses of a consultation, newest first, with what the list shows."""
    return list(
        session.scalars(
            select(Response)
            .where(Response.consultation_id == consultation.id)
            .where(Response.channel == Channel.PAPER)
            .options(
                selectinload(Response.paper_check),
                selectinload(Response.entered_by),
                selectinload(Response.group),
            )
            .order_by(Response.created_at.desc(), Response.id.desc())
        )
    )


def find_paper_response(
    session: Session, consultation: Consultation, response_id: int
) -> Response | None:
    """A paper response of this consultation by id (None for other consultations' ids)."""
    response = session.get(Response, response_id)
    if (
        response is None
        or response.consultation_id != consultation.id
        or response.channel != Channel.PAPER
    ):
        return None
    return response
