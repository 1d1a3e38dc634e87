"""Staff accounts and the audit log of what they did."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from surveys.base import Base, JSONDict, JSONList, UTCDateTime, utcnow
from surveys.vocabulary import Role


class User(Base):
    """A member of staff: administrator, author or facilitator. Respondents have no account."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    roles: Mapped[list[str]] = mapped_column(JSONList, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    locale: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # Bumped when the password changes or the user signs out everywhere; sessions carry it.
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    api_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Consecutive failed sign-ins; each one beyond a few makes the next attempt wait longer.
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_failed_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    def has_role(self, role: Role | str) -> bool:
        return str(role) in self.roles

    # The session protocol Flask-Login expects, written out so the domain needs no Flask.
    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        """Session identity; includes the version so that bumping it ends old sessions."""
        return f"{self.id}:{self.session_version}"


class AuditEvent(Base):
    """Who did what, when, to which object."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str] = mapped_column(String(40), default="")
    object_id: Mapped[str] = mapped_column(String(80), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSONDict, default=dict)

    user: Mapped[User | None] = relationship()
