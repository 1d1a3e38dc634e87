"""Moderation of free-text answers: flag personal data, hide answers, redact passages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from surveys.administration.audit import record
from surveys.errors import Invalid
from surveys.models import Answer, User
from surveys.vocabulary import N_

REDACTION = "[…]"

# Patterns of data that identify a person. Deliberately generous: a flag only asks for a look.
# In order of precedence: a passage found by an earlier pattern is not reported again.
PATTERNS = {
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE),
    "iban": re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b"),
    "phone": re.compile(r"(?<![\w/])(?:\+|00)?\d[\d ()/.-]{6,}\d(?![\w/])"),
}


# Dates and ranges of years have enough digits to pass for phone numbers.
NOT_A_PHONE = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}|\d{4}\s*[-/]\s*\d{4})$")


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def find_personal_data(text: str | None) -> list[Finding]:
    """Passages that look like an email address, a phone number or an IBAN."""
    if not text:
        return []
    findings: list[Finding] = []
    for kind, pattern in PATTERNS.items():
        for match in pattern.finditer(text):
            # Years, counts and dates are not phone numbers: require enough digits.
            if kind == "phone" and (_digits(match.group()) < 7 or NOT_A_PHONE.match(match.group())):
                continue
            if any(f.start < match.end() and match.start() < f.end for f in findings):
                continue
            findings.append(Finding(kind, match.start(), match.end()))
    return sorted(findings, key=lambda f: f.start)


def flag(answer: Answer) -> bool:
    """Set the answer's flag from its current text; returns the flag."""
    answer.flagged = bool(find_personal_data(answer.text))
    return answer.flagged


def set_hidden(
    session: Session, answer: Answer, hidden: bool, *, user: User, reason: str = ""
) -> None:
    """Hide an answer from results and reports (or show it again); audited."""
    if answer.hidden == hidden:
        return
    answer.hidden = hidden
    session.flush()
    record(
        session,
        "answer.hide" if hidden else "answer.unhide",
        user=user,
        obj=answer,
        reason=reason[:500],
    )


def redact(session: Session, answer: Answer, passages: list[str], *, user: User) -> int:
    """Replace each given passage of the answer's text with a redaction mark; audited.

    The removed text is not kept anywhere: the audit log records who, when and how many.
    """
    if not answer.text:
        raise Invalid(N_("This answer has no text to redact."))
    text = answer.text
    count = 0
    for passage in sorted({p for p in passages if p and p.strip()}, key=len, reverse=True):
        occurrences = text.count(passage)
        if not occurrences:
            raise Invalid(N_("The passage to redact does not occur in the answer."))
        text = text.replace(passage, REDACTION)
        count += occurrences
    if count == 0:
        raise Invalid(N_("Mark the passage to redact."))
    answer.text = text
    answer.redacted = True
    flag(answer)
    for translation in answer.translations:
        # A translation may repeat the removed data; it must be translated again.
        session.delete(translation)
    session.flush()
    record(session, "answer.redact", user=user, obj=answer, passages=count)
    return count


def redact_findings(session: Session, answer: Answer, *, user: User) -> int:
    """Redact everything `find_personal_data` finds in the answer."""
    text = answer.text or ""
    passages = [text[f.start : f.end] for f in find_personal_data(text)]
    if not passages:
        raise Invalid(N_("Nothing that looks like personal data was found."))
    return redact(session, answer, passages, user=user)
