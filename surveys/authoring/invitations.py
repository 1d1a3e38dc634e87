"""Personal invitations: a recipient list from CSV, single-use links, sending and reminders.

A link's token is stored only as a hash, so it can be shown or mailed once: sending (and
re-issuing) makes a new token and replaces the hash, and the old link stops working.
Reminders carry no link; they point to the invitation already sent, so a draft started
with that link is kept. The invitation list says per person whether they answered, never
which response is theirs. Must not import flask, wtforms, consult, analysis or pandas.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from babel import Locale, UnknownLocaleError
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from surveys.administration.audit import record
from surveys.answering.responses import INVITATION, create_invitation
from surveys.authoring.tables import decode_csv
from surveys.credentials import new_token, token_hash
from surveys.errors import DomainError, Invalid
from surveys.jobs import JobKind, busy_invitations
from surveys.models import Consultation, Invitation, StakeholderGroup, User
from surveys.vocabulary import N_, ConsultationStatus

FIELDS = ("name", "email", "organisation", "group", "language")
MAX_RECIPIENTS = 5000
MAX_LENGTH = {"name": 200, "email": 254, "organisation": 200}
EMAIL = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\"]+$")

# Header names in German or English, compared without case, spaces, hyphens, underscores.
HEADER_ALIASES = {
    "name": {"name", "namen", "vorname", "kontaktperson", "ansprechperson", "ansprechpartner"},
    "email": {"email", "emailadresse", "emailaddress", "mail", "mailadresse"},
    "organisation": {
        "organisation",
        "organization",
        "organisationen",
        "einrichtung",
        "institution",
        "verein",
        "träger",
    },
    "group": {
        "group",
        "gruppe",
        "stakeholdergroup",
        "stakeholdergruppe",
        "akteursgruppe",
        "zielgruppe",
    },
    "language": {"language", "sprache", "lang", "locale"},
}


class InvalidRecipients(DomainError):
    """The recipient list has problems; nothing was created."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__(N_("The recipient list has problems; no invitation was created."))
        self.problems = problems


@dataclass(frozen=True)
class RowProblem:
    """A problem in one cell: `row` as a spreadsheet numbers it, `column` as its header says."""

    row: int
    column: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RawRecipient:
    """One data row as written in the file."""

    row: int
    name: str = ""
    email: str = ""
    organisation: str = ""
    group: str = ""
    language: str = ""

    def as_list(self) -> list[Any]:
        return [self.row, self.name, self.email, self.organisation, self.group, self.language]

    @classmethod
    def from_list(cls, values: Sequence[Any]) -> RawRecipient:
        row, *texts = values
        return cls(int(row), *(str(t) for t in texts[: len(FIELDS)]))


@dataclass(frozen=True)
class Recipient:
    """A checked row: group resolved, language a code, email trimmed."""

    row: int
    name: str
    email: str
    organisation: str
    group: StakeholderGroup | None
    language: str


@dataclass
class RecipientPreview:
    raws: list[RawRecipient]
    recipients: list[Recipient]
    problems: list[RowProblem]
    columns: dict[str, str]
    ignored_columns: list[str]

    @property
    def valid(self) -> bool:
        return not self.problems


# --- reading the file -----------------------------------------------------------------------


def _normal_header(text: str) -> str:
    return re.sub(r"[\s\-_.]+", "", text.strip().casefold())


def _field_of(header: str) -> str | None:
    normal = _normal_header(header)
    return next((name for name, aliases in HEADER_ALIASES.items() if normal in aliases), None)


def read_csv(
    data: bytes,
) -> tuple[list[RawRecipient], dict[str, str], list[str], list[RowProblem]]:
    """The rows of a recipient CSV, the header each field came from, ignored headers, problems."""
    rows = decode_csv(data)
    while rows and not any(cell.strip() for cell in rows[0]):
        rows.pop(0)
    if not rows:
        return [], {}, [], [RowProblem(1, "", N_("The file is empty."))]
    header, *body = rows
    columns: dict[str, str] = {}
    positions: dict[str, int] = {}
    ignored: list[str] = []
    for index, title in enumerate(header):
        name = _field_of(title)
        if name is None or name in positions:
            if title.strip():
                ignored.append(title.strip())
            continue
        columns[name] = title.strip()
        positions[name] = index
    problems: list[RowProblem] = []
    if "email" not in positions:
        problems.append(RowProblem(1, "", N_("The file has no column for the email address.")))
    raws = []
    for number, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {
            name: row[index].strip() if index < len(row) else ""
            for name, index in positions.items()
        }
        raws.append(RawRecipient(number, **values))
    if len(raws) > MAX_RECIPIENTS:
        problems.append(
            RowProblem(1, "", N_("At most %(n)s recipients per file."), {"n": MAX_RECIPIENTS})
        )
    if not raws and not problems:
        problems.append(RowProblem(1, "", N_("The file has no recipients.")))
    return raws, columns, ignored, problems


# --- checking rows --------------------------------------------------------------------------


def _group_lookup(consultation: Consultation) -> dict[str, StakeholderGroup]:
    lookup: dict[str, StakeholderGroup] = {}
    for group in consultation.groups:
        for label in (group.label or {}).values():
            if label.strip():
                lookup.setdefault(label.strip().casefold(), group)
    for group in consultation.groups:
        lookup[group.code.casefold()] = group
    return lookup


def _language_lookup(consultation: Consultation) -> dict[str, str]:
    """Codes and names ("ar", "Arabisch", "Arabic", "العربية") → the offered code."""
    lookup: dict[str, str] = {}
    for code in consultation.languages:
        try:
            locale = Locale.parse(code)
        except (ValueError, TypeError, UnknownLocaleError):
            continue
        for display in ("de", "en", code):
            name = locale.get_display_name(display)
            if name:
                lookup.setdefault(name.casefold(), code)
    for code in consultation.languages:
        lookup[code.casefold()] = code
        lookup[code.casefold().replace("_", "-")] = code
    return lookup


def _language(value: str, lookup: dict[str, str]) -> str | None:
    wanted = value.strip().casefold()
    if wanted in lookup:
        return lookup[wanted]
    base = re.split(r"[-_]", wanted, maxsplit=1)[0]
    return lookup.get(base)


def invited_emails(session: Session, consultation: Consultation) -> set[str]:
    emails = session.scalars(
        select(Invitation.email).where(Invitation.consultation_id == consultation.id)
    )
    return {email.casefold() for email in emails if email}


def check_recipients(
    session: Session,
    consultation: Consultation,
    raws: Iterable[RawRecipient],
    columns: dict[str, str] | None = None,
) -> tuple[list[Recipient], list[RowProblem]]:
    """Resolve groups and languages; name every invalid cell by row and column."""
    columns = {name: name for name in FIELDS} | (columns or {})
    groups = _group_lookup(consultation)
    languages = _language_lookup(consultation)
    taken = invited_emails(session, consultation)
    seen: dict[str, int] = {}
    recipients: list[Recipient] = []
    problems: list[RowProblem] = []

    def problem(raw: RawRecipient, name: str, message: str, **params: Any) -> None:
        problems.append(RowProblem(raw.row, columns[name], message, params))

    for raw in raws:
        before = len(problems)
        for name, limit in MAX_LENGTH.items():
            if len(getattr(raw, name)) > limit:
                problem(raw, name, N_("At most %(n)s characters."), n=limit)
        email = raw.email.strip()
        key = email.casefold()
        if not EMAIL.match(email):
            problem(raw, "email", N_("This is not a valid email address."))
        elif key in seen:
            problem(
                raw, "email", N_("This email address is already in row %(row)s."), row=seen[key]
            )
        elif key in taken:
            problem(raw, "email", N_("This email address has already been invited."))
        seen.setdefault(key, raw.row)
        group = None
        if raw.group.strip():
            group = groups.get(raw.group.strip().casefold())
            if group is None:
                problem(
                    raw, "group", N_("There is no stakeholder group “%(group)s”."), group=raw.group
                )
        language: str | None = consultation.source_language
        if raw.language.strip():
            language = _language(raw.language, languages)
            if language is None:
                problem(
                    raw,
                    "language",
                    N_("The consultation is not offered in “%(language)s”."),
                    language=raw.language,
                )
        if len(problems) == before and language is not None:
            recipients.append(
                Recipient(raw.row, raw.name, email, raw.organisation, group, language)
            )
    return recipients, problems


def preview_recipients(
    session: Session, consultation: Consultation, data: bytes
) -> RecipientPreview:
    """Everything the author sees before confirming an upload; nothing is stored."""
    raws, columns, ignored, problems = read_csv(data)
    if problems:  # the file as a whole is unusable: its rows are not worth checking
        return RecipientPreview(raws, [], problems, columns, ignored)
    recipients, row_problems = check_recipients(session, consultation, raws, columns)
    return RecipientPreview(raws, recipients, row_problems, columns, ignored)


def create_invitations(
    session: Session,
    consultation: Consultation,
    raws: Sequence[RawRecipient],
    actor: User | None = None,
    columns: dict[str, str] | None = None,
) -> list[Invitation]:
    """One invitation per row, or none at all when any row is invalid.

    The tokens made here are dropped: sending makes the link the recipient gets.
    """
    if consultation.status == ConsultationStatus.ARCHIVED:
        raise Invalid(N_("This consultation is archived."))
    recipients, problems = check_recipients(session, consultation, raws, columns)
    if problems or not recipients:
        raise InvalidRecipients(problems)
    created = []
    for recipient in recipients:
        invitation, _token = create_invitation(
            session,
            consultation,
            group=recipient.group,
            language=recipient.language,
            name=recipient.name,
            email=recipient.email,
            organisation=recipient.organisation,
        )
        created.append(invitation)
    record(session, "invitations.import", user=actor, obj=consultation, count=len(created))
    return created


# --- links, sending, reminders --------------------------------------------------------------


def ensure_sendable(consultation: Consultation) -> None:
    """Links only work while the consultation is published."""
    if consultation.status != ConsultationStatus.PUBLISHED:
        raise Invalid(N_("Invitations can only be sent while the consultation is published."))


def new_link(session: Session, invitation: Invitation) -> str:
    """A new token for this invitation; the earlier link stops working."""
    if invitation.used_at is not None:
        raise Invalid(N_("This person has already answered; they need no new link."))
    token = new_token(24)
    invitation.token_hash = token_hash(token, INVITATION)
    session.flush()
    return token


def reissue(session: Session, invitation: Invitation, actor: User | None = None) -> str:
    """A new personal link replacing the old one, recorded in the audit log."""
    token = new_link(session, invitation)
    record(session, "invitation.reissue", user=actor, obj=invitation)
    return token


def unsent(session: Session, consultation: Consultation) -> list[Invitation]:
    """Invitations with an email address, not sent yet and not held by a running job."""
    return list(
        session.scalars(
            select(Invitation)
            .where(Invitation.consultation_id == consultation.id)
            .where(Invitation.sent_at.is_(None))
            .where(Invitation.email != "")
            .where(Invitation.id.not_in(busy_invitations(JobKind.INVITATIONS)))
            .order_by(Invitation.id)
        )
    )


def mark_sent(
    session: Session, invitation: Invitation, now: datetime, actor: User | None = None
) -> None:
    invitation.sent_at = now
    session.flush()
    record(session, "invitation.send", user=actor, obj=invitation)


def due_reminders(session: Session, consultation: Consultation) -> list[Invitation]:
    """Sent invitations whose recipient has not answered, not held by an unfinished job."""
    return list(
        session.scalars(
            select(Invitation)
            .where(Invitation.consultation_id == consultation.id)
            .where(Invitation.sent_at.is_not(None))
            .where(Invitation.used_at.is_(None))
            .where(Invitation.email != "")
            .where(Invitation.id.not_in(busy_invitations(JobKind.REMINDERS)))
            .order_by(Invitation.id)
        )
    )


def mark_reminded(
    session: Session, invitation: Invitation, now: datetime, actor: User | None = None
) -> None:
    if invitation.used_at is not None:
        raise Invalid(N_("This person has already answered."))
    invitation.reminded_at = now
    session.flush()
    record(session, "invitation.remind", user=actor, obj=invitation)


@dataclass(frozen=True)
class InvitationRow:
    """What the invitation list shows: whether someone answered, never which answers."""

    id: int
    name: str
    email: str
    organisation: str
    group: StakeholderGroup | None
    language: str
    sent_at: datetime | None
    reminded_at: datetime | None
    answered: bool
    answered_at: datetime | None


def invitation_rows(session: Session, consultation: Consultation) -> list[InvitationRow]:
    """The invitation list; the time of answering only for non-anonymous consultations."""
    invitations = session.scalars(
        select(Invitation)
        .where(Invitation.consultation_id == consultation.id)
        .options(selectinload(Invitation.group))
        .order_by(Invitation.organisation, Invitation.name, Invitation.id)
    )
    return [
        InvitationRow(
            id=invitation.id,
            name=invitation.name,
            email=invitation.email,
            organisation=invitation.organisation,
            group=invitation.group,
            language=invitation.language,
            sent_at=invitation.sent_at,
            reminded_at=invitation.reminded_at,
            answered=invitation.used_at is not None,
            answered_at=None if consultation.anonymous else invitation.used_at,
        )
        for invitation in invitations
    ]


def load_invitation(
    session: Session, consultation: Consultation, invitation_id: int
) -> Invitation | None:
    """The invitation with this id if it belongs to this consultation."""
    invitation = session.get(Invitation, invitation_id)
    if invitation is None or invitation.consultation_id != consultation.id:
        return None
    return invitation
