"""Texts of the public site that an administrator sets: imprint, privacy, accessibility."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from surveys.base import Base, Translated


class SiteText(Base):
    """One translatable text of the site, addressed by a fixed key."""

    __tablename__ = "site_text"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    texts: Mapped[dict[str, str]] = mapped_column(Translated, default=dict)
