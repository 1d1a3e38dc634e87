"""Arrange a consultation with answered free text for the review tests."""

from __future__ import annotations

from datetime import UTC, datetime

from surveys.models import Answer, Response
from surveys.vocabulary import ResponseStatus
from tests.conftest import build_consultation

TEXTS = [
    ("de", "Es fehlen bezahlbare Wohnungen."),
    ("ar", "نحتاج إلى مزيد من دورات اللغة"),
    ("uk", "Потрібно більше курсів мови"),
    ("de", 'Kontakt: max.muster@example.org <script>alert("x")</script>'),
]


def arrange(session, slug="review-test", languages=("de", "ar", "uk")):
    """A consultation with four free-text answers and one choice per response."""
    consultation = build_consultation(slug, languages=languages)
    session.add(consultation)
    choice, free = consultation.questions
    answers = []
    for language, text in TEXTS:
        response = Response(
            consultation=consultation,
            language=language,
            group=consultation.groups[0],
            status=ResponseStatus.SUBMITTED,
            submitted_at=datetime(2027, 2, 3, 9, 30, tzinfo=UTC),
        )
        response.answers.append(Answer(question=choice, option_code="a"))
        answer = Answer(question=free, text=text, flagged="@" in text)
        response.answers.append(answer)
        session.add(response)
        answers.append(answer)
    session.commit()
    return consultation, answers
