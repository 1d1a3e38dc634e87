"""Frozen snapshots of what respondents see of a consultation.

The respondent path reads a consultation far more often than staff change it, so the web
app keeps one snapshot per consultation and `questionnaire_version` (see
`surveys.versioning`) and shares it between requests. Sharing is only safe for values that
cannot change: these are frozen dataclasses with no database session behind them, their
texts are read-only mappings and their lists are tuples, so a template or view that tries
to change one gets an error instead of changing what the next respondent sees.

Domain functions that respondents use accept a snapshot wherever they accept the ORM row
(`Consultation | ConsultationView`): they read columns only, never relationships.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

from surveys.models import Consultation
from surveys.vocabulary import QuestionKind


def _frozen(texts: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(texts or {}))


@dataclass(frozen=True)
class ConsultationView:
    """The consultation's own columns, as respondents' pages and rules read them."""

    id: int
    slug: str
    title: Mapping[str, str]
    introduction: Mapping[str, str]
    privacy_notice: Mapping[str, str]
    controller_contact: str
    languages: tuple[str, ...]
    status: str
    opens_at: datetime | None
    closes_at: datetime | None
    access_mode: str
    anonymous: bool
    small_cell_threshold: int
    estimated_minutes: int
    published_at: datetime | None
    closed_at: datetime | None
    questionnaire_version: int

    @property
    def source_language(self) -> str:
        return self.languages[0]

    @classmethod
    def of(cls, row: Consultation) -> ConsultationView:
        return cls(
            id=row.id,
            slug=row.slug,
            title=_frozen(row.title),
            introduction=_frozen(row.introduction),
            privacy_notice=_frozen(row.privacy_notice),
            controller_contact=row.controller_contact or "",
            languages=tuple(row.languages or ("de",)),
            status=row.status,
            opens_at=row.opens_at,
            closes_at=row.closes_at,
            access_mode=row.access_mode,
            anonymous=bool(row.anonymous),
            small_cell_threshold=row.small_cell_threshold,
            estimated_minutes=row.estimated_minutes,
            published_at=row.published_at,
            closed_at=row.closed_at,
            questionnaire_version=row.questionnaire_version,
        )


@dataclass(frozen=True)
class OptionView:
    id: int
    code: str
    label: Mapping[str, str]


@dataclass(frozen=True)
class QuestionView:
    id: int
    code: str
    kind: str
    required: bool
    prompt: Mapping[str, str]
    help_text: Mapping[str, str]
    settings: Mapping[str, Any]
    show_if: Mapping[str, Any] | None
    options: tuple[OptionView, ...]
    # The condition of the question's section (see surveys.answering.visibility).
    section_show_if: Mapping[str, Any] | None = None

    @property
    def question_kind(self) -> QuestionKind:
        return QuestionKind(self.kind)


@dataclass(frozen=True)
class SectionView:
    id: int
    title: Mapping[str, str]
    description: Mapping[str, str]
    questions: tuple[QuestionView, ...]


@dataclass(frozen=True)
class GroupView:
    id: int
    consultation_id: int
    code: str
    label: Mapping[str, str]


@dataclass(frozen=True)
class MeetingView:
    title: str
    agenda_item: str
    starts_at: datetime
    committee: str
    web: str = ""  # the meeting's page in the council information system (OParl)
    cancelled: bool = False
    # By language, German always present (the fallback).
    titles: Mapping[str, str] = field(default_factory=dict)
    committee_names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Structure:
    """Sections, questions, options, groups and meeting of one questionnaire version."""

    consultation_id: int
    version: int
    sections: tuple[SectionView, ...]
    groups: tuple[GroupView, ...]
    meeting: MeetingView | None

    @property
    def questions(self) -> list[QuestionView]:
        return [q for section in self.sections for q in section.questions]

    @classmethod
    def of(cls, consultation: Consultation) -> Structure:
        """From a row whose collections are loaded (a few queries, once per version)."""
        sections = tuple(
            SectionView(
                id=section.id,
                title=_frozen(section.title),
                description=_frozen(section.description),
                questions=tuple(
                    QuestionView(
                        id=q.id,
                        code=q.code,
                        kind=q.kind,
                        required=bool(q.required),
                        prompt=_frozen(q.prompt),
                        help_text=_frozen(q.help_text),
                        settings=_frozen(q.settings),
                        show_if=_frozen(q.show_if) if q.show_if else None,
                        options=tuple(
                            OptionView(id=o.id, code=o.code, label=_frozen(o.label))
                            for o in q.options
                        ),
                        section_show_if=_frozen(section.show_if) if section.show_if else None,
                    )
                    for q in section.questions
                ),
            )
            for section in consultation.sections
        )
        groups = tuple(
            GroupView(id=g.id, consultation_id=consultation.id, code=g.code, label=_frozen(g.label))
            for g in consultation.groups
        )
        meeting = consultation.meeting
        item = consultation.agenda_item  # an imported OParl agenda item, if chosen
        return cls(
            consultation.id,
            consultation.questionnaire_version,
            sections,
            groups,
            MeetingView(
                meeting.title,
                item.label if item is not None else meeting.agenda_item,
                meeting.starts_at,
                meeting.committee.name,
                web=meeting.web,
                cancelled=meeting.cancelled,
                titles=_frozen(meeting.title_texts()),
                committee_names=_frozen(meeting.committee_names()),
            )
            if meeting is not None
            else None,
        )


# What the respondent rules accept: the row (staff, paper entry) or the shared snapshot.
ConsultationLike = Consultation | ConsultationView
