"""Results of conditional questions: "no answer" counts only the respondents shown them."""

from __future__ import annotations

from datetime import UTC, datetime

from consult import reporting
from consult.extensions import db
from consult.results import published
from surveys.models import Answer, Consultation, Question, Response
from surveys.vocabulary import QuestionKind, ResponseStatus
from tests.conftest import build_consultation

SHOWN_TO_A_OVER_17 = {
    "all": [
        {"question": "q_choice", "options": ["a"]},
        {"question": "q_age", "op": ">", "value": 17},
    ]
}


def test_no_answer_counts_only_respondents_who_saw_a_conditional_question(app, db_session):
    consultation = build_consultation("results-conditions", questions=1)
    consultation.small_cell_threshold = 1  # no suppression, no noise: exact counts
    section = consultation.sections[0]
    section.questions.append(Question(code="q_age", kind=QuestionKind.NUMBER))
    section.questions.append(
        Question(code="q_why", kind=QuestionKind.SHORT_TEXT, show_if=SHOWN_TO_A_OVER_17)
    )
    for question in consultation.questions:
        question.consultation = consultation
    db_session.add(consultation)
    choice, age, why = consultation.questions
    # Shown and answered; shown and skipped; hidden by the age; hidden by the choice.
    for option, years, text in [
        ("a", 30, "Weil"),
        ("a", 40, None),
        ("a", 12, None),
        ("b", 50, None),
    ]:
        response = Response(
            consultation=consultation,
            language="de",
            group=consultation.groups[0],
            status=ResponseStatus.SUBMITTED,
            submitted_at=datetime(2027, 2, 3, 9, 30, tzinfo=UTC),
        )
        response.answers.append(Answer(question=choice, option_code=option))
        response.answers.append(Answer(question=age, number=years))
        if text:
            response.answers.append(Answer(question=why, text=text))
        db_session.add(response)
    db_session.commit()
    with app.test_request_context("/"):
        loaded = db.session.get(Consultation, consultation.id)
        figures = published(reporting.load(db.session, loaded, "de"))
    results = {r.question.code: r for r in figures.results}
    assert (results["q_why"].n, results["q_why"].no_answer) == (1, 1)
    assert (results["q_choice"].n, results["q_choice"].no_answer) == (4, 0)
