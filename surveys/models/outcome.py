"""What the committee decided: outcomes per field of action or question of a consultation."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from surveys.base import Base, Translated, UTCDateTime, utcnow

if TYPE_CHECKING:
    from surveys.models.consultation import Consultation, Question


class Outcome(Base):
    """One decision reported back: a translated text, a status and a link to paper or minutes."""

    __tablename__ = "outcome"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    field_of_action: Mapped[str | None] = mapped_column(String(40), nullable=True)
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("question.id", ondelete="SET NULL"), nullable=True
    )
    status: Mapped[str] = mapped_column(String(20))
    text: Mapped[dict[str, str]] = mapped_column(Translated, default=dict)
    link: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    consultation: Mapped[Consultation] = relationship(back_populates="outcomes")
    question: Mapped[Question | None] = relationship()
