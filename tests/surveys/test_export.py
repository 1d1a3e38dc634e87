from __future__ import annotations

from datetime import UTC, datetime

from surveys.export import ANSWER_COLUMNS, answer_rows, question_rows, respondent_rows
from surveys.models import Answer, Response
from surveys.vocabulary import ResponseStatus


def _respond(session, consultation, status, option, text=None, language="de"):
    response = Response(
        consultation=consultation,
        language=language,
        group=consultation.groups[0],
        status=status,
        submitted_at=datetime(2027, 2, 3, 10, 0, tzinfo=UTC)
        if status == ResponseStatus.SUBMITTED
        else None,
    )
    choice, free = consultation.questions
    response.answers.append(Answer(question=choice, option_code=option))
    if text:
        response.answers.append(Answer(question=free, text=text))
    session.add(response)
    return response


def test_answer_rows_hold_only_submitted_answers_in_long_format(session, make_consultation):
    consultation = make_consultation()
    submitted = _respond(session, consultation, ResponseStatus.SUBMITTED, "a", "Wohnraum!", "ar")
    _respond(session, consultation, ResponseStatus.DRAFT, "b", "not yet")
    session.commit()
    rows = [
        dict(zip(ANSWER_COLUMNS, row, strict=True)) for row in answer_rows(session, consultation)
    ]
    assert [(r["question_code"], r["option_code"], r["text"]) for r in rows] == [
        ("q_choice", "a", None),
        ("q_text", None, "Wohnraum!"),
    ]
    assert {r["response_id"] for r in rows} == {submitted.id}
    [person] = respondent_rows(session, consultation)
    assert tuple(person) == (
        submitted.id,
        "ar",
        "volunteers",
        "online",
        datetime(2027, 2, 3, 10, 0, tzinfo=UTC),
    )


def test_respondent_rows_count_people_who_skipped_everything(session, make_consultation):
    consultation = make_consultation()
    session.add(
        Response(
            consultation=consultation,
            language="de",
            status=ResponseStatus.SUBMITTED,
            submitted_at=datetime(2027, 2, 3, tzinfo=UTC),
        )
    )
    session.commit()
    assert [row[1:4] for row in respondent_rows(session, consultation)] == [("de", None, "online")]
    assert list(answer_rows(session, consultation)) == []


def test_question_rows_list_codes_kinds_and_options_in_order(make_consultation):
    consultation = make_consultation()
    rows = question_rows(consultation)
    assert [(q.code, q.kind, q.option_codes) for q in rows] == [
        ("q_choice", "single_choice", ("a", "b")),
        ("q_text", "long_text", ()),
    ]


def test_hidden_answers_are_left_out_of_the_rows(session, make_consultation):
    consultation = make_consultation()
    response = _respond(session, consultation, ResponseStatus.SUBMITTED, "a", "private story")
    response.answers[1].hidden = True
    session.commit()
    assert [row[1] for row in answer_rows(session, consultation)] == ["q_choice"]
