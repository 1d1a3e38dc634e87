"""The consultation lifecycle: draft → published → closed → archived, and its rules.

Must not import flask, wtforms, consult, analysis or pandas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from surveys import conditions
from surveys.administration.audit import record
from surveys.errors import DomainError, Invalid
from surveys.kinds import kind_of
from surveys.models import Consultation, Question, Response, User
from surveys.texts import missing_translations
from surveys.vocabulary import N_, ConsultationStatus, QuestionKind

S = ConsultationStatus

# Kinds whose answers another question's or section's show_if may test.
CONDITION_KINDS = conditions.CONDITION_KINDS
YES_NO_CODES = conditions.YES_NO_CODES


@dataclass(frozen=True)
class Problem:
    """Something that keeps a consultation from being published; `message` is a msgid."""

    message: str
    params: dict[str, Any] = field(default_factory=dict)
    # Where to fix it: a question code, a language, or "settings".
    question: str | None = None
    language: str | None = None


class PublishRefused(DomainError):
    """Publishing was refused; `problems` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(N_("The consultation cannot be published yet."))
        self.problems = problems


class Frozen(Invalid):
    """The questionnaire's structure can no longer change because answers exist."""


def has_responses(session: Session, consultation: Consultation) -> bool:
    """Whether anyone has started answering (a draft response counts)."""
    if consultation.id is None:
        return False
    return bool(session.scalar(select(exists().where(Response.consultation_id == consultation.id))))


def condition_codes(question: Question) -> list[str]:
    """The option codes a show_if condition on `question` may name."""
    return conditions.option_codes(question)


def _question_problems(question: Question, earlier: dict[str, Question]) -> list[Problem]:
    problems: list[Problem] = []
    code = question.code
    kind = question.kind
    settings = question.settings or {}
    needed = kind_of(kind).min_options if kind in set(QuestionKind) else 0
    if needed:
        if len(question.options) < needed:
            problems.append(
                Problem(
                    N_("Question %(code)s needs at least %(n)s options."),
                    {"code": code, "n": needed},
                    question=code,
                )
            )
    if kind in (QuestionKind.SCALE, QuestionKind.MATRIX):
        low, high = settings.get("min", 1), settings.get("max", 5)
        if not isinstance(low, int) or not isinstance(high, int) or low >= high:
            problems.append(
                Problem(
                    N_("The scale of question %(code)s must go from a lower to a higher number."),
                    {"code": code},
                    question=code,
                )
            )
    if kind == QuestionKind.NUMBER:
        low, high = settings.get("min"), settings.get("max")
        if low is not None and high is not None and low > high:
            problems.append(
                Problem(
                    N_("The smallest number allowed in question %(code)s is above the largest."),
                    {"code": code},
                    question=code,
                )
            )
    if kind == QuestionKind.MULTIPLE_CHOICE:
        low, high = settings.get("min_selected"), settings.get("max_selected")
        if low is not None and high is not None and low > high:
            problems.append(
                Problem(
                    N_("In question %(code)s the minimum of selections exceeds the maximum."),
                    {"code": code},
                    question=code,
                )
            )
    problems.extend(_condition_problems(question, earlier))
    return problems


def _condition_problems(question: Question, earlier: dict[str, Question]) -> list[Problem]:
    if not conditions.problems(question.show_if, list(earlier.values())):
        return []
    return [
        Problem(
            N_("The condition of question %(code)s cannot be met."),
            {"code": question.code},
            question=question.code,
        )
    ]


def publish_problems(consultation: Consultation, now: datetime) -> list[Problem]:
    """Everything that keeps `consultation` from being published now; empty when ready."""
    problems: list[Problem] = []
    source = consultation.source_language
    if not (consultation.title or {}).get(source, "").strip():
        problems.append(Problem(N_("The consultation needs a title.")))
    if consultation.closes_at is None:
        problems.append(Problem(N_("Set the date on which answering closes.")))
    else:
        if consultation.opens_at is not None and consultation.closes_at <= consultation.opens_at:
            problems.append(Problem(N_("The closing date must come after the opening date.")))
        if consultation.closes_at <= now:
            problems.append(Problem(N_("The closing date must be in the future.")))
    questions = consultation.questions
    if not questions:
        problems.append(Problem(N_("Add at least one question.")))
    earlier: dict[str, Question] = {}
    for section in consultation.sections:
        if conditions.problems(section.show_if, list(earlier.values())):
            problems.append(Problem(N_("The condition of a section cannot be met.")))
        for question in section.questions:
            problems.extend(_question_problems(question, earlier))
            earlier[question.code] = question
    for language, keys in missing_translations(consultation).items():
        if keys:
            problems.append(
                Problem(
                    N_("%(n)s texts are missing in %(language)s."),
                    {"n": len(keys), "language": language},
                    language=language,
                )
            )
    return problems


def _require_status(consultation: Consultation, *allowed: str) -> None:
    if consultation.status not in allowed:
        raise Invalid(
            N_("This is not possible while the consultation has the status “%(status)s”."),
            status=consultation.status,
        )


def publish(
    session: Session, consultation: Consultation, now: datetime, actor: User | None = None
) -> None:
    """Open a draft to respondents once nothing keeps it from being published."""
    _require_status(consultation, S.DRAFT)
    problems = publish_problems(consultation, now)
    if problems:
        raise PublishRefused(problems)
    consultation.status = S.PUBLISHED
    consultation.published_at = now
    session.flush()
    record(session, "consultation.publish", user=actor, obj=consultation)


def delete_draft(session: Session, consultation: Consultation, actor: User | None = None) -> None:
    """Delete a consultation that was never published, with its questionnaire.

    The audit log keeps who deleted which one; nothing of it is left otherwise.
    """
    _require_status(consultation, S.DRAFT)
    if has_responses(session, consultation):
        raise Invalid(N_("People have already answered: this consultation cannot be deleted."))
    record(
        session,
        "consultation.delete",
        user=actor,
        obj=consultation,
        slug=consultation.slug,
        title=consultation.title.get(consultation.source_language, ""),
    )
    for later in session.scalars(
        select(Consultation).where(Consultation.previous_round_id == consultation.id)
    ):
        later.previous_round = None
    session.delete(consultation)
    session.flush()


def close(
    session: Session,
    consultation: Consultation,
    now: datetime,
    actor: User | None = None,
    reason: str = "",
) -> None:
    """Stop accepting answers."""
    _require_status(consultation, S.PUBLISHED)
    consultation.status = S.CLOSED
    consultation.closed_at = now
    session.flush()
    record(session, "consultation.close", user=actor, obj=consultation, reason=reason)


def reopen(
    session: Session,
    consultation: Consultation,
    now: datetime,
    reason: str,
    actor: User | None = None,
    closes_at: datetime | None = None,
) -> None:
    """Accept answers again after closing; needs a reason and a closing date in the future."""
    _require_status(consultation, S.CLOSED)
    reason = (reason or "").strip()
    if not reason:
        raise Invalid(N_("Please give a reason for reopening."))
    deadline = closes_at or consultation.closes_at
    if deadline is None or deadline <= now:
        raise Invalid(N_("Set a closing date in the future before reopening."))
    consultation.closes_at = deadline
    consultation.status = S.PUBLISHED
    consultation.closed_at = None
    session.flush()
    record(
        session,
        "consultation.reopen",
        user=actor,
        obj=consultation,
        reason=reason,
        closes_at=deadline.isoformat(),
    )


def archive(
    session: Session, consultation: Consultation, now: datetime, actor: User | None = None
) -> None:
    """Put a closed consultation away; it can no longer change."""
    _require_status(consultation, S.CLOSED)
    consultation.status = S.ARCHIVED
    consultation.archived_at = now
    session.flush()
    record(session, "consultation.archive", user=actor, obj=consultation)


def close_due(session: Session, now: datetime) -> list[Consultation]:
    """Close every published consultation whose closing date has passed."""
    due = list(
        session.scalars(
            select(Consultation)
            .where(Consultation.status == S.PUBLISHED)
            .where(Consultation.closes_at.is_not(None))
            .where(Consultation.closes_at <= now)
            .order_by(Consultation.id)
        )
    )
    for consultation in due:
        close(session, consultation, now, reason="deadline")
    return due


def ensure_editable(consultation: Consultation) -> None:
    """Archived consultations are a record; nothing in them changes any more."""
    if consultation.status == S.ARCHIVED:
        raise Invalid(N_("An archived consultation cannot be changed."))


def ensure_structure_open(session: Session, consultation: Consultation) -> None:
    """Refuse structural changes once anyone has answered."""
    ensure_editable(consultation)
    if has_responses(session, consultation):
        raise Frozen(
            N_(
                "People have already answered, so questions, options and sections can no "
                "longer be added, removed, reordered or recoded. You can still correct texts."
            )
        )
