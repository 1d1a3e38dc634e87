"""Writable handles on every translatable text, keyed like `surveys.texts.text_fields`.

Must not import flask, wtforms, consult, analysis or pandas.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from surveys.administration.audit import record
from surveys.models import Consultation, User
from surveys.vocabulary import ConsultationStatus


@dataclass(frozen=True)
class TextSlot:
    """One translatable text: where it lives (`owner.attr`, or `owner.settings[sub]`)."""

    key: str
    owner: Any
    attr: str
    sub: str | None = None
    required: bool = True

    def texts(self) -> dict[str, str]:
        if self.sub is None:
            return dict(getattr(self.owner, self.attr) or {})
        return dict((getattr(self.owner, self.attr) or {}).get(self.sub) or {})

    def get(self, language: str) -> str:
        return self.texts().get(language, "")

    def put(self, language: str, value: str) -> None:
        """Store `value` (empty removes the language); reassigns so every change persists."""
        texts = self.texts()
        if value:
            texts[language] = value
        else:
            texts.pop(language, None)
        if self.sub is None:
            setattr(self.owner, self.attr, texts)
        else:
            settings = dict(getattr(self.owner, self.attr) or {})
            settings[self.sub] = texts
            setattr(self.owner, self.attr, settings)


@dataclass(frozen=True)
class NameSlot(TextSlot):
    """A committee's name or a meeting's title: German in the plain column `fixed` (edited
    with the consultation's settings), other languages in the JSON column `attr`.

    Optional: a missing translation shows the German name and keeps nothing from publishing.
    """

    fixed: str = "name"
    source: str = "de"

    def texts(self) -> dict[str, str]:
        german = getattr(self.owner, self.fixed)
        return {self.source: german, **(getattr(self.owner, self.attr) or {}), "de": german}

    def put(self, language: str, value: str) -> None:
        if language == "de":
            return
        texts = dict(getattr(self.owner, self.attr) or {})
        if value:
            texts[language] = value
        else:
            texts.pop(language, None)
        setattr(self.owner, self.attr, texts)


def slots(consultation: Consultation) -> list[TextSlot]:
    """Every translatable text of `consultation` in questionnaire order."""
    found = [
        TextSlot("consultation.title", consultation, "title"),
        TextSlot("consultation.introduction", consultation, "introduction"),
        TextSlot("consultation.privacy_notice", consultation, "privacy_notice"),
    ]
    for group in consultation.groups:
        found.append(TextSlot(f"group.{group.code}", group, "label"))
    for number, section in enumerate(consultation.sections, start=1):
        found.append(TextSlot(f"section.{number}.title", section, "title"))
        found.append(
            TextSlot(f"section.{number}.description", section, "description", required=False)
        )
        for question in section.questions:
            code = question.code
            found.append(TextSlot(f"question.{code}.prompt", question, "prompt"))
            found.append(
                TextSlot(f"question.{code}.help_text", question, "help_text", required=False)
            )
            for end in ("min_label", "max_label"):
                if end in (question.settings or {}):
                    found.append(TextSlot(f"question.{code}.{end}", question, "settings", end))
            for option in question.options:
                found.append(TextSlot(f"option.{code}.{option.code}", option, "label"))
    meeting = consultation.meeting
    if meeting is not None:
        source = consultation.source_language
        found.append(
            NameSlot("meeting.committee", meeting.committee, "names", None, False, "name", source)
        )
        found.append(NameSlot("meeting.title", meeting, "titles", None, False, "title", source))
    # What the committee decided: translated like the questionnaire, but never required.
    for outcome in consultation.outcomes:
        found.append(TextSlot(f"outcome.{outcome.id}.text", outcome, "text", required=False))
    return found


def slot_map(consultation: Consultation) -> dict[str, TextSlot]:
    return {slot.key: slot for slot in slots(consultation)}


def set_text(
    session: Session,
    consultation: Consultation,
    slot: TextSlot,
    language: str,
    value: str,
    actor: User | None = None,
) -> bool:
    """Change one text; after publishing each correction goes to the audit log. True if changed."""
    value = (value or "").strip()
    old = slot.get(language)
    if old == value:
        return False
    slot.put(language, value)
    session.flush()
    if consultation.status != ConsultationStatus.DRAFT:
        record(
            session,
            "consultation.text_correction",
            user=actor,
            obj=consultation,
            key=slot.key,
            language=language,
            old=old,
            new=value,
        )
    return True
