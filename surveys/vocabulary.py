"""Fixed vocabularies of the domain: question kinds, statuses, roles, fields of action.

Labels are marked with `N_` so the web layer can translate them; the domain never does.
"""

from __future__ import annotations

from enum import StrEnum


def N_(message: str) -> str:
    """Mark a string for extraction into the UI catalogs without translating it here."""
    return message


class QuestionKind(StrEnum):
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    SCALE = "scale"
    YES_NO = "yes_no"
    NUMBER = "number"
    DATE = "date"
    RANKING = "ranking"
    CONSENT = "consent"
    MATRIX = "matrix"

    @property
    def has_options(self) -> bool:
        return self in CHOICE_KINDS

    @property
    def is_text(self) -> bool:
        return self in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)


CHOICE_KINDS = frozenset(
    {
        QuestionKind.SINGLE_CHOICE,
        QuestionKind.MULTIPLE_CHOICE,
        QuestionKind.RANKING,
        QuestionKind.MATRIX,
    }
)
# Kinds answered on a scale from min to max with two end labels; a matrix's options are
# its items (rows), every one rated on the same scale (see docs/question-kinds.md).
SCALE_KINDS = frozenset({QuestionKind.SCALE, QuestionKind.MATRIX})

QUESTION_KIND_LABELS: dict[str, str] = {
    QuestionKind.SHORT_TEXT: N_("Short text"),
    QuestionKind.LONG_TEXT: N_("Long text"),
    QuestionKind.SINGLE_CHOICE: N_("Single choice"),
    QuestionKind.MULTIPLE_CHOICE: N_("Multiple choice"),
    QuestionKind.SCALE: N_("Scale"),
    QuestionKind.YES_NO: N_("Yes / no / don't know"),
    QuestionKind.NUMBER: N_("Number"),
    QuestionKind.DATE: N_("Date"),
    QuestionKind.RANKING: N_("Ranking"),
    QuestionKind.CONSENT: N_("Consent (one checkbox)"),
    QuestionKind.MATRIX: N_("Matrix (several items on one scale)"),
}

# Option codes with a fixed meaning across kinds; analysis keys on them.
OTHER = "other"
DONT_KNOW = "dont_know"
YES = "yes"
NO = "no"


class ConsultationStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"
    ARCHIVED = "archived"


STATUS_LABELS: dict[str, str] = {
    ConsultationStatus.DRAFT: N_("Draft"),
    ConsultationStatus.PUBLISHED: N_("Published"),
    ConsultationStatus.CLOSED: N_("Closed"),
    ConsultationStatus.ARCHIVED: N_("Archived"),
}


class AccessMode(StrEnum):
    PUBLIC = "public"
    INVITATION = "invitation"
    BOTH = "both"


ACCESS_MODE_LABELS: dict[str, str] = {
    AccessMode.PUBLIC: N_("Public link"),
    AccessMode.INVITATION: N_("Invitation only"),
    AccessMode.BOTH: N_("Public link and invitations"),
}


class ResponseStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class Channel(StrEnum):
    ONLINE = "online"
    PAPER = "paper"


CHANNEL_LABELS: dict[str, str] = {Channel.ONLINE: N_("Online"), Channel.PAPER: N_("Paper")}


class Role(StrEnum):
    ADMIN = "admin"
    AUTHOR = "author"
    FACILITATOR = "facilitator"


ROLE_LABELS: dict[str, str] = {
    Role.ADMIN: N_("Administrator"),
    Role.AUTHOR: N_("Author"),
    Role.FACILITATOR: N_("Facilitator"),
}


class FieldOfAction(StrEnum):
    """The fields of action of a county's integration concept."""

    HOUSING = "housing"
    LANGUAGE_EDUCATION = "language_education"
    LABOUR_MARKET = "labour_market"
    SAFETY = "safety"
    HEALTH = "health"
    SOCIAL_CULTURAL = "social_cultural"
    VOLUNTEERING = "volunteering"
    GENERAL = "general"


class OutcomeStatus(StrEnum):
    """What became of the input in the committee."""

    ADOPTED = "adopted"
    REFERRED = "referred"
    REJECTED = "rejected"
    IN_PROGRESS = "in_progress"


OUTCOME_STATUS_LABELS: dict[str, str] = {
    OutcomeStatus.ADOPTED: N_("Adopted"),
    OutcomeStatus.REFERRED: N_("Referred"),
    OutcomeStatus.REJECTED: N_("Rejected"),
    OutcomeStatus.IN_PROGRESS: N_("In progress"),
}


FIELD_OF_ACTION_LABELS: dict[str, str] = {
    FieldOfAction.HOUSING: N_("Housing"),
    FieldOfAction.LANGUAGE_EDUCATION: N_("Language and education"),
    FieldOfAction.LABOUR_MARKET: N_("Labour market"),
    FieldOfAction.SAFETY: N_("Safety and order"),
    FieldOfAction.HEALTH: N_("Health"),
    FieldOfAction.SOCIAL_CULTURAL: N_("Social and cultural life"),
    FieldOfAction.VOLUNTEERING: N_("Volunteering and networks"),
    FieldOfAction.GENERAL: N_("General"),
}
