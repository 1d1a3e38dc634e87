"""Who was invited and what was answered — kept apart so answers never name a person.

An invitation stores only a hash of its token. A response reached through that token stores
a *different* hash of the same token, so the server can find "the response of whoever holds
this link" without any row linking an invitation (a person) to a response (their answers).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from surveys.base import Base, UTCDateTime, utcnow
from surveys.models.consultation import Consultation, Question, StakeholderGroup
from surveys.vocabulary import Channel, ResponseStatus

if TYPE_CHECKING:
    from surveys.models.coding import AnswerTranslation, Theme
    from surveys.models.staff import User


class Invitation(Base):
    """A personal, single-use link sent to one stakeholder."""

    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("stakeholder_group.id"), nullable=True)
    language: Mapped[str] = mapped_column(String(20), default="de")
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # The invitee asked, after answering, to be told what the committee decided (once).
    outcome_wanted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    outcome_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    consultation: Mapped[Consultation] = relationship()
    group: Mapped[StakeholderGroup | None] = relationship()


def new_public_id() -> str:
    return uuid.uuid4().hex


class Response(Base):
    """One respondent's answers to one consultation. No IP address, no user agent."""

    __tablename__ = "response"
    __table_args__ = (UniqueConstraint("consultation_id", "paper_sheet"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(20))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("stakeholder_group.id"), nullable=True)
    channel: Mapped[str] = mapped_column(String(10), default=Channel.ONLINE)
    status: Mapped[str] = mapped_column(String(10), default=ResponseStatus.DRAFT, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # One-way hashes of secrets only the respondent holds (see the module docstring).
    access_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    resume_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    receipt_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    # Staff member who typed in a paper response; never set for online answers.
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    # The number staff wrote on a paper sheet: finds it again for the second entry.
    paper_sheet: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # When both entries of a paper sheet agreed, or staff resolved every difference.
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    consultation: Mapped[Consultation] = relationship()
    group: Mapped[StakeholderGroup | None] = relationship()
    entered_by: Mapped[User | None] = relationship(foreign_keys=[entered_by_id])
    paper_check: Mapped[PaperCheck | None] = relationship(
        back_populates="response", cascade="all, delete-orphan", passive_deletes=True
    )
    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )


class Answer(Base):
    """One answer value in long format: an option code, a text or a number."""

    __tablename__ = "answer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    option_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    text: Mapped[str | None] = mapped_column(Text, nullable=True)
    number: Mapped[float | None] = mapped_column(Float, nullable=True)
    # Moderation and coding by facilitators (free-text answers).
    hidden: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    flagged: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    redacted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    quote: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    publish_quote: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    note: Mapped[str] = mapped_column(Text, default="", server_default="")

    response: Mapped[Response] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()
    themes: Mapped[list[Theme]] = relationship(secondary="answer_theme", order_by="Theme.position")
    translations: Mapped[list[AnswerTranslation]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class PaperCheck(Base):
    """The second typing of a paper sheet (double data entry), compared with the first.

    The first entry is the response's own answers; this row only keeps the second one in
    long format per question code, so a sheet never becomes two counted responses.
    """

    __tablename__ = "paper_check"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), unique=True
    )
    entered_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    group_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # {question code: [{"option_code": …, "text": …, "number": …}, …]}
    rows: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    resolved_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )

    response: Mapped[Response] = relationship(back_populates="paper_check")
    entered_by: Mapped[User | None] = relationship(foreign_keys=[entered_by_id])
