"""The public site's own texts: who runs it, how to reach them, and the legally required pages."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from surveys.administration.audit import record
from surveys.models import SiteText, User
from surveys.vocabulary import N_

# Key → label for the admin form; the public pages are the last three.
SITE_TEXTS = {
    "organisation": N_("Organisation name"),
    "contact": N_("Contact"),
    "imprint": N_("Imprint"),
    "privacy": N_("Privacy policy"),
    "accessibility": N_("Accessibility statement"),
}
PAGES = ("imprint", "privacy", "accessibility")


def texts(session: Session) -> dict[str, dict[str, str]]:
    """Every site text by key; keys nobody has written yet map to an empty dict."""
    stored = {row.key: dict(row.texts) for row in session.scalars(select(SiteText))}
    return {key: stored.get(key, {}) for key in SITE_TEXTS}


def update(
    session: Session, key: str, values: Mapping[str, str], *, user: User | None = None
) -> bool:
    """Set the text of `key` per language (blank removes it); True if anything changed."""
    if key not in SITE_TEXTS:
        raise KeyError(key)
    row = session.scalar(select(SiteText).where(SiteText.key == key))
    if row is None:
        row = SiteText(key=key, texts={})
        session.add(row)
    new = {lang: text.strip() for lang, text in values.items() if text and text.strip()}
    if new == dict(row.texts):
        return False
    row.texts = new
    session.flush()
    record(session, "site_text.update", user=user, obj=row, key=key, languages=sorted(new))
    return True
