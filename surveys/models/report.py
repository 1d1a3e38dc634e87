"""What facilitators chose and wrote for a consultation's committee report."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, false
from sqlalchemy.orm import Mapped, mapped_column

from surveys.base import Base, JSONDict, JSONList, UTCDateTime, utcnow


class ReportSettings(Base):
    """Fields of action and questions to include, summaries per field, open points."""

    __tablename__ = "report_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), unique=True
    )
    # Empty lists mean "all".
    fields: Mapped[list[str]] = mapped_column(JSONList, default=list)
    questions: Mapped[list[str]] = mapped_column(JSONList, default=list)
    # {field of action code: {language: text}}
    summaries: Mapped[dict[str, dict[str, str]]] = mapped_column(JSONDict, default=dict)
    open_points: Mapped[dict[str, str]] = mapped_column(JSONDict, default=dict)
    public_results: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
