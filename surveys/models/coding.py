"""What facilitators add to answers: themes, translations, quotes, notes and moderation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from surveys.base import Base, Translated, UTCDateTime, utcnow
from surveys.models.consultation import Consultation
from surveys.models.staff import User

answer_theme = Table(
    "answer_theme",
    Base.metadata,
    Column("answer_id", ForeignKey("answer.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Theme(Base):
    """An entry of a consultation's codebook, assigned to free-text answers."""

    __tablename__ = "theme"
    __table_args__ = (UniqueConstraint("consultation_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[dict[str, str]] = mapped_column(Translated, default=dict)
    description: Mapped[str] = mapped_column(Text, default="")
    field_of_action: Mapped[str | None] = mapped_column(String(40), nullable=True)
    colour: Mapped[str] = mapped_column(String(7), default="#1a3da5")
    position: Mapped[int] = mapped_column(Integer, default=0)

    consultation: Mapped[Consultation] = relationship()


class TranslationOrigin:
    HUMAN = "human"
    MACHINE = "machine"


class AnswerTranslation(Base):
    """A translation of a free-text answer; a human one is never replaced by a machine one."""

    __tablename__ = "answer_translation"
    __table_args__ = (UniqueConstraint("answer_id", "language"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(10), default=TranslationOrigin.HUMAN)
    translated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    translated_by: Mapped[User | None] = relationship()
