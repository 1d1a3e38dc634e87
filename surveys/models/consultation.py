"""Committees, meetings and the consultations with their questionnaires."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from surveys.base import Base, JSONDict, JSONList, Translated, UTCDateTime, utcnow
from surveys.vocabulary import AccessMode, ConsultationStatus, QuestionKind

if TYPE_CHECKING:
    from surveys.models.oparl import AgendaItem
    from surveys.models.outcome import Outcome


class Committee(Base):
    """A county committee or coordination board that consults before it meets."""

    __tablename__ = "committee"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # Set when imported from a council information system (see `surveys.oparl`).
    oparl_id: Mapped[str | None] = mapped_column(String(500), unique=True, nullable=True)
    web: Mapped[str] = mapped_column(String(500), default="", server_default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The name in other languages ({locale: text}); `name` is the German one and the fallback.
    names: Mapped[dict[str, str] | None] = mapped_column(Translated, nullable=True)

    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="committee", order_by="Meeting.starts_at"
    )


class Meeting(Base):
    """One session of a committee; consultations prepare an agenda item of it."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    # The title in other languages ({locale: text}); `title` is the German one and the fallback.
    titles: Mapped[dict[str, str] | None] = mapped_column(Translated, nullable=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    agenda_item: Mapped[str] = mapped_column(String(50), default="")
    paper_number: Mapped[str] = mapped_column(String(50), default="")
    # Set when imported from a council information system (see `surveys.oparl`).
    oparl_id: Mapped[str | None] = mapped_column(String(500), unique=True, nullable=True)
    web: Mapped[str] = mapped_column(String(500), default="", server_default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    committee: Mapped[Committee] = relationship(back_populates="meetings")
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )

    def committee_names(self) -> dict[str, str]:
        """The committee's name by language, German from `Committee.name`."""
        return {**(self.committee.names or {}), "de": self.committee.name}

    def title_texts(self) -> dict[str, str]:
        """The meeting's title by language, German from `title`."""
        return {**(self.titles or {}), "de": self.title}


class Consultation(Base):
    """A questionnaire put to stakeholders ahead of a meeting."""

    __tablename__ = "consultation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[dict[str, str]] = mapped_column(Translated, default=dict)
    introduction: Mapped[dict[str, str]] = mapped_column(Translated, default=dict)
    privacy_notice: Mapped[dict[str, str]] = mapped_column(Translated, default=dict)
    controller_contact: Mapped[str] = mapped_column(Text, default="")
    # Ordered; the first is the source language the authors write in.
    languages: Mapped[list[str]] = mapped_column(JSONList, default=lambda: ["de"])
    status: Mapped[str] = mapped_column(String(20), default=ConsultationStatus.DRAFT, index=True)
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    access_mode: Mapped[str] = mapped_column(String(20), default=AccessMode.PUBLIC)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    small_cell_threshold: Mapped[int] = mapped_column(Integer, default=5)
    estimated_minutes: Mapped[int] = mapped_column(Integer, default=10)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), nullable=True)
    previous_round_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultation.id"), nullable=True
    )
    # An imported agenda item of `meeting` this consultation prepares (optional).
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Goes up whenever this row or a section, question, option or group of this consultation
    # changes (see `surveys.versioning`), so per-process copies for respondents know they are old.
    questionnaire_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # Secret behind the noise of published figures (analysis.published): the same people always
    # get the same noise. Never shown, never exported.
    disclosure_key: Mapped[str] = mapped_column(String(64), default=lambda: secrets.token_hex(32))

    meeting: Mapped[Meeting | None] = relationship()
    agenda_item: Mapped[AgendaItem | None] = relationship()
    previous_round: Mapped[Consultation | None] = relationship(remote_side=[id])
    # What the committee decided (recorded after the meeting; see surveys/reviewing/outcomes.py).
    outcomes: Mapped[list[Outcome]] = relationship(
        back_populates="consultation",
        order_by="Outcome.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    sections: Mapped[list[Section]] = relationship(
        back_populates="consultation",
        order_by="Section.position",
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
    )
    groups: Mapped[list[StakeholderGroup]] = relationship(
        back_populates="consultation",
        order_by="StakeholderGroup.position",
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
    )

    @property
    def source_language(self) -> str:
        return self.languages[0]

    @property
    def questions(self) -> list[Question]:
        """Every question in questionnaire order."""
        return [q for s in self.sections for q in s.questions]


class Section(Base):
    """A page of the questionnaire."""

    __tablename__ = "section"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[dict[str, str]] = mapped_column(Translated, default=dict)
    description: Mapped[dict[str, str]] = mapped_column(Translated, default=dict)
    # Shown only when this holds (see surveys.conditions); None: always shown.
    show_if: Mapped[dict[str, Any] | None] = mapped_column(JSONDict, nullable=True)

    consultation: Mapped[Consultation] = relationship(back_populates="sections")
    questions: Mapped[list[Question]] = relationship(
        back_populates="section",
        order_by="Question.position",
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
    )


class Question(Base):
    """One question; its `code` is its identity across wording changes, languages and rounds."""

    __tablename__ = "question"
    __table_args__ = (UniqueConstraint("consultation_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20), default=QuestionKind.SHORT_TEXT)
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    prompt: Mapped[dict[str, str]] = mapped_column(Translated, default=dict)
    help_text: Mapped[dict[str, str]] = mapped_column(Translated, default=dict)
    field_of_action: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # Kind-specific settings, e.g. {"min": 1, "max": 5, "dont_know": true,
    # "min_label": {...}, "max_label": {...}, "other": true, "min_selected": 1}.
    settings: Mapped[dict[str, Any]] = mapped_column(JSONDict, default=dict)
    # {"question": "<code of an earlier choice question>", "options": ["<option code>", ...]}
    show_if: Mapped[dict[str, Any] | None] = mapped_column(JSONDict, nullable=True)

    section: Mapped[Section] = relationship(back_populates="questions")
    options: Mapped[list[Option]] = relationship(
        back_populates="question",
        order_by="Option.position",
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
    )

    consultation: Mapped[Consultation] = relationship()

    @validates("section")
    def _follow_section(self, key: str, section: Section | None) -> Section | None:
        # The consultation is denormalised onto the question so codes can be unique in it.
        if section is not None and section.consultation is not None:
            self.consultation = section.consultation
        return section

    @property
    def question_kind(self) -> QuestionKind:
        return QuestionKind(self.kind)


class Option(Base):
    """An answer option of a choice or ranking question; answers store its `code`."""

    __tablename__ = "option"
    __table_args__ = (UniqueConstraint("question_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[dict[str, str]] = mapped_column(Translated, default=dict)

    question: Mapped[Question] = relationship(back_populates="options")


class StakeholderGroup(Base):
    """Who answers: volunteers, welfare associations, schools, police, …"""

    __tablename__ = "stakeholder_group"
    __table_args__ = (UniqueConstraint("consultation_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[dict[str, str]] = mapped_column(Translated, default=dict)

    consultation: Mapped[Consultation] = relationship(back_populates="groups")
