"""Creating and configuring consultations: slug, meeting, languages, groups, new rounds.

Must not import flask, wtforms, consult, analysis or pandas.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from babel import Locale, UnknownLocaleError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from surveys.administration.audit import record
from surveys.authoring.lifecycle import ensure_editable, has_responses
from surveys.authoring.structure import CODE, copy_question
from surveys.authoring.texts import TextSlot, set_text
from surveys.errors import Invalid
from surveys.models import (
    AgendaItem,
    Committee,
    Consultation,
    Invitation,
    Meeting,
    Section,
    StakeholderGroup,
    User,
)
from surveys.vocabulary import N_, AccessMode, ConsultationStatus

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 80
_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def slugify(text: str) -> str:
    """An address part from a title: "Wohnen für alle?" → "wohnen-fuer-alle"."""
    text = unicodedata.normalize("NFKD", (text or "").translate(_GERMAN))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")
    return slug or "consultation"


def unique_slug(session: Session, wanted: str, exclude_id: int | None = None) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`, … whichever no other consultation uses.

    Refuses what is no address part (e.g. "../../etc/passwd"), whoever asks: forms, imports,
    the command line."""
    if not isinstance(wanted, str) or len(wanted) > SLUG_MAX or not SLUG.match(wanted):
        raise Invalid(N_("The address may contain lower-case letters, digits and hyphens only."))
    taken = set(
        session.scalars(
            select(Consultation.slug)
            .where(Consultation.slug.like(f"{wanted[:SLUG_MAX]}%"))
            .where(Consultation.id != (exclude_id or 0))
        )
    )
    candidate, number = wanted, 2
    while candidate in taken:
        candidate = f"{wanted[: SLUG_MAX - 6]}-{number}"
        number += 1
    return candidate


def parse_languages(text: str) -> list[str]:
    """ "de, en, ar" → ["de", "en", "ar"]: locales Babel knows, in order, no repeats."""
    languages: list[str] = []
    for raw in re.split(r"[\s,;]+", text or ""):
        if not raw:
            continue
        try:
            code = str(Locale.parse(raw.replace("-", "_")))
        except (ValueError, TypeError, UnknownLocaleError):
            raise Invalid(N_("%(code)s is not a language code we know."), code=raw) from None
        if code not in languages:
            languages.append(code)
    if not languages:
        raise Invalid(N_("Name at least one language, the source language first."))
    return languages


def parse_groups(text: str) -> list[tuple[str, str]]:
    """Lines "code: label" → [(code, label)]; codes unique."""
    groups: list[tuple[str, str]] = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        code, sep, label = line.partition(":")
        code, label = code.strip(), label.strip()
        if not sep or not CODE.match(code) or not label:
            raise Invalid(
                N_('Line %(line)s: write each group as "code: label".'),
                line=number,
            )
        if code in {c for c, _label in groups}:
            raise Invalid(
                N_("Line %(line)s: the code %(code)s is used twice."), line=number, code=code
            )
        groups.append((code, label))
    return groups


@dataclass
class MeetingData:
    committee: str
    title: str
    starts_at: datetime
    agenda_item: str = ""
    paper_number: str = ""


def find_or_create_meeting(session: Session, data: MeetingData) -> Meeting:
    """The committee's meeting at that time with that title, created when new."""
    name = data.committee.strip()
    committee = session.scalar(select(Committee).where(Committee.name == name))
    if committee is None:
        committee = Committee(name=name)
        session.add(committee)
        session.flush()
    for meeting in committee.meetings:
        if meeting.starts_at == data.starts_at and meeting.title == data.title.strip():
            return meeting
    meeting = Meeting(
        committee=committee,
        title=data.title.strip(),
        starts_at=data.starts_at,
        agenda_item=data.agenda_item.strip(),
        paper_number=data.paper_number.strip(),
    )
    session.add(meeting)
    session.flush()
    return meeting


def list_meetings(session: Session) -> list[Meeting]:
    return list(
        session.scalars(
            select(Meeting).join(Committee).order_by(Committee.name, Meeting.starts_at.desc())
        )
    )


@dataclass
class ConsultationData:
    """What the consultation form edits; texts are in the source language (languages[0])."""

    title: str
    languages: list[str]
    slug: str = ""
    introduction: str = ""
    meeting: Meeting | None = None
    # An imported OParl agenda item; when given, it decides the meeting too.
    agenda_item: AgendaItem | None = None
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    access_mode: str = AccessMode.PUBLIC
    anonymous: bool = True
    groups: list[tuple[str, str]] = field(default_factory=list)
    privacy_notice: str = ""
    controller_contact: str = ""
    small_cell_threshold: int = 5


def _check(data: ConsultationData) -> None:
    if not data.title.strip():
        raise Invalid(N_("Please enter a title."))
    if data.slug and not SLUG.match(data.slug):
        raise Invalid(N_("The address may contain lower-case letters, digits and hyphens only."))
    if data.small_cell_threshold < 1:
        raise Invalid(N_("The threshold must be at least 1."))
    if data.opens_at and data.closes_at and data.closes_at <= data.opens_at:
        raise Invalid(N_("The closing date must come after the opening date."))
    AccessMode(data.access_mode)


def create_consultation(
    session: Session, data: ConsultationData, actor: User | None = None
) -> Consultation:
    """A new draft consultation."""
    _check(data)
    source = data.languages[0]
    if data.slug and unique_slug(session, data.slug) != data.slug:
        raise Invalid(N_("Another consultation already uses this address."))
    consultation = Consultation(
        slug=unique_slug(session, data.slug or slugify(data.title)),
        title={source: data.title.strip()},
        introduction={source: data.introduction.strip()} if data.introduction.strip() else {},
        privacy_notice={source: data.privacy_notice.strip()} if data.privacy_notice.strip() else {},
        languages=list(data.languages),
        status=ConsultationStatus.DRAFT,
    )
    _apply_settings(consultation, data)
    for code, label in data.groups:
        consultation.groups.append(StakeholderGroup(code=code, label={source: label}))
    session.add(consultation)
    session.flush()
    record(session, "consultation.create", user=actor, obj=consultation, slug=consultation.slug)
    return consultation


def _apply_settings(consultation: Consultation, data: ConsultationData) -> None:
    consultation.meeting = data.agenda_item.meeting if data.agenda_item else data.meeting
    consultation.agenda_item = data.agenda_item
    consultation.opens_at = data.opens_at
    consultation.closes_at = data.closes_at
    consultation.access_mode = str(AccessMode(data.access_mode))
    consultation.anonymous = bool(data.anonymous)
    consultation.controller_contact = data.controller_contact.strip()
    consultation.small_cell_threshold = int(data.small_cell_threshold)


def update_consultation(
    session: Session,
    consultation: Consultation,
    data: ConsultationData,
    actor: User | None = None,
) -> None:
    """Apply the consultation form; languages and groups are frozen in part once answered."""
    ensure_editable(consultation)
    _check(data)
    answered = has_responses(session, consultation)
    old_languages = list(consultation.languages)
    if answered and (
        data.languages[0] != old_languages[0] or not set(old_languages) <= set(data.languages)
    ):
        raise Invalid(
            N_(
                "People have already answered: languages can be added but not removed, "
                "and the source language stays."
            )
        )
    old_groups = {g.code: g for g in consultation.groups}
    new_codes = [code for code, _label in data.groups]
    if answered and not set(old_groups) <= set(new_codes):
        raise Invalid(N_("People have already answered: stakeholder groups cannot be removed."))
    removed = [old_groups[code].id for code in set(old_groups) - set(new_codes)]
    if removed and session.scalar(
        select(func.count()).select_from(Invitation).where(Invitation.group_id.in_(removed))
    ):
        raise Invalid(N_("Invitations use this stakeholder group: it cannot be removed."))
    if data.slug and data.slug != consultation.slug:
        if unique_slug(session, data.slug, consultation.id) != data.slug:
            raise Invalid(N_("Another consultation already uses this address."))
        consultation.slug = data.slug
    consultation.languages = list(data.languages)
    _apply_settings(consultation, data)
    source = consultation.source_language
    for key, attr, value in (
        ("consultation.title", "title", data.title),
        ("consultation.introduction", "introduction", data.introduction),
        ("consultation.privacy_notice", "privacy_notice", data.privacy_notice),
    ):
        set_text(session, consultation, TextSlot(key, consultation, attr), source, value, actor)
    kept = []
    for code, label in data.groups:
        group = old_groups.get(code) or StakeholderGroup(code=code, label={})
        kept.append(group)
        set_text(
            session, consultation, TextSlot(f"group.{code}", group, "label"), source, label, actor
        )
    consultation.groups = kept
    session.flush()
    record(session, "consultation.update", user=actor, obj=consultation)


def new_round(
    session: Session,
    consultation: Consultation,
    meeting: Meeting | None = None,
    actor: User | None = None,
) -> Consultation:
    """A draft copy for a later meeting: same questionnaire and codes, new slug, no dates."""
    copy = Consultation(
        slug=unique_slug(session, _round_slug(consultation.slug)),
        title=dict(consultation.title or {}),
        introduction=dict(consultation.introduction or {}),
        privacy_notice=dict(consultation.privacy_notice or {}),
        controller_contact=consultation.controller_contact,
        languages=list(consultation.languages),
        status=ConsultationStatus.DRAFT,
        access_mode=consultation.access_mode,
        anonymous=consultation.anonymous,
        small_cell_threshold=consultation.small_cell_threshold,
        estimated_minutes=consultation.estimated_minutes,
        meeting=meeting or consultation.meeting,
        previous_round=consultation,
    )
    for group in consultation.groups:
        copy.groups.append(StakeholderGroup(code=group.code, label=dict(group.label or {})))
    for section in consultation.sections:
        new_section = Section(
            title=dict(section.title or {}), description=dict(section.description or {})
        )
        copy.sections.append(new_section)
        for question in section.questions:
            new_question = copy_question(question, question.code)
            new_section.questions.append(new_question)
            new_question.consultation = copy
    session.add(copy)
    session.flush()
    record(session, "consultation.new_round", user=actor, obj=copy, previous=consultation.slug)
    return copy


def _round_slug(slug: str) -> str:
    match = re.match(r"^(.*)-round-(\d+)$", slug)
    if match:
        return f"{match.group(1)}-round-{int(match.group(2)) + 1}"
    return f"{slug[: SLUG_MAX - 8]}-round-2"
