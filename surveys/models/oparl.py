"""What a council information system publishes through OParl: bodies, agenda items, papers.

Committees and meetings imported from OParl are the ordinary `Committee` and `Meeting` rows
(with their OParl id and web page), so consultations keep pointing at one kind of meeting.
The sync log keeps the outcome of every run for the staff screen.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from surveys.base import Base, JSONDict, UTCDateTime, utcnow

if TYPE_CHECKING:
    from surveys.models.consultation import Meeting

OPARL_ID = 500  # OParl ids and web pages are URLs


class OParlBody(Base):
    """A body (county, town) whose committees and meetings were imported."""

    __tablename__ = "oparl_body"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    oparl_id: Mapped[str] = mapped_column(String(OPARL_ID), unique=True)
    system_url: Mapped[str] = mapped_column(String(OPARL_ID), default="")
    name: Mapped[str] = mapped_column(String(300), default="")
    web: Mapped[str] = mapped_column(String(OPARL_ID), default="")
    last_synced_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class OParlPaper(Base):
    """A paper (Drucksache) with its reference such as "2017/137"."""

    __tablename__ = "oparl_paper"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    oparl_id: Mapped[str] = mapped_column(String(OPARL_ID), unique=True)
    reference: Mapped[str] = mapped_column(String(50), default="")
    name: Mapped[str] = mapped_column(Text, default="")
    web: Mapped[str] = mapped_column(String(OPARL_ID), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class AgendaItem(Base):
    """One item on an imported meeting's agenda; a consultation may prepare it."""

    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    oparl_id: Mapped[str] = mapped_column(String(OPARL_ID), unique=True)
    number: Mapped[str] = mapped_column(String(50), default="")
    name: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    web: Mapped[str] = mapped_column(String(OPARL_ID), default="")
    paper_id: Mapped[int | None] = mapped_column(
        ForeignKey("oparl_paper.id", ondelete="SET NULL"), nullable=True
    )
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    paper: Mapped[OParlPaper | None] = relationship()

    @property
    def label(self) -> str:
        """ "TOP 3: Integration concept (2017/137)" without the words, for lists and pages."""
        text = f"{self.number} {self.name}".strip()
        if self.paper is not None and self.paper.reference:
            text = f"{text} ({self.paper.reference})"
        return text


class OParlSync(Base):
    """One run of `consult oparl sync` or of the staff screen, successful or not."""

    __tablename__ = "oparl_sync"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(OPARL_ID))
    body_oparl_id: Mapped[str] = mapped_column(String(OPARL_ID), default="")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    ok: Mapped[bool] = mapped_column(Boolean, default=False)
    # An untranslated msgid and its parameters (see `surveys.errors.DomainError`).
    message: Mapped[str] = mapped_column(Text, default="")
    params: Mapped[dict[str, Any]] = mapped_column(JSONDict, default=dict)
    counts: Mapped[dict[str, Any]] = mapped_column(JSONDict, default=dict)
    started_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
