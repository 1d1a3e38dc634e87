"""The condition editor of questions and sections: only possible conditions, shown as saved."""

from __future__ import annotations

import re

import pytest

from surveys.models import Consultation, Option, Question, Section
from surveys.vocabulary import ConsultationStatus, QuestionKind
from tests.conftest import build_consultation


@pytest.fixture()
def consultation(db_session):
    """q_choice (a, b), q_other (a, c), q_num (0..10), q_target on page 1; q_late on page 2."""
    consultation = build_consultation(
        status=ConsultationStatus.DRAFT, languages=("de", "ar"), questions=1
    )
    first = consultation.sections[0]
    other = Question(code="q_other", kind=QuestionKind.SINGLE_CHOICE, prompt={"de": "Andere"})
    other.options.extend(
        [Option(code="a", label={"de": "Anders A"}), Option(code="c", label={"de": "Anders C"})]
    )
    first.questions.append(other)
    first.questions.append(
        Question(
            code="q_num",
            kind=QuestionKind.NUMBER,
            prompt={"de": "Zahl"},
            settings={"min": 0, "max": 10},
        )
    )
    first.questions.append(
        Question(code="q_target", kind=QuestionKind.SHORT_TEXT, prompt={"de": "Ziel"})
    )
    second = Section(title={"de": "Zwei", "ar": "اثنان"})
    consultation.sections.append(second)
    second.questions.append(Question(code="q_late", kind=QuestionKind.SHORT_TEXT))
    for question in consultation.questions:
        question.consultation = consultation
    db_session.add(consultation)
    db_session.commit()
    return consultation


@pytest.fixture()
def author(sign_in):
    return sign_in("author")


def _fresh(db_session, consultation):
    db_session.expire_all()
    return db_session.get(Consultation, consultation.id)


def _question(db_session, consultation, code):
    return next(q for q in _fresh(db_session, consultation).questions if q.code == code)


def _url(consultation, question):
    return f"/staff/consultations/{consultation.id}/questions/{question.id}"


def _form(**conditions):
    data = {
        "code": "q_target",
        "kind": "short_text",
        "prompt": "Ziel",
        "help_text": "",
        "field_of_action": "",
        "max_length": "",
        "cond-mode": "all",
    }
    data.update(conditions)
    return data


def _row(page: str, n: int) -> str:
    """The HTML of part n of the condition (without the <template>s of every question)."""
    start = page.index(f'data-condition-row="{n}"')
    ends = [page.find(mark, start + 1) for mark in ("data-condition-row=", "<template")]
    return page[start : min(end for end in ends if end > 0)]


def test_a_row_lists_only_the_chosen_questions_answers(client, author, consultation, db_session):
    target = _question(db_session, consultation, "q_target")
    page = client.post(
        _url(consultation, target),
        data=_form(**{"cond-0-question": "q_other", "cond-refresh": "1"}),
    ).get_data(as_text=True)
    row = _row(page, 0)
    assert "Anders A" in row and "Anders C" in row
    assert "a de" not in row and "b de" not in row
    assert _question(db_session, consultation, "q_target").show_if is None


def test_answers_of_a_question_chosen_before_are_not_saved_for_another(
    client, author, consultation, db_session
):
    # Without JavaScript: q_choice's answers were shown, "a" ticked, then q_other chosen.
    target = _question(db_session, consultation, "q_target")
    response = client.post(
        _url(consultation, target),
        data=_form(
            **{"cond-0-question": "q_other", "cond-0-shown": "q_choice", "cond-0-option": ["a"]}
        ),
    )
    assert response.status_code == 200
    assert "Anders C" in _row(response.get_data(as_text=True), 0)
    assert _question(db_session, consultation, "q_target").show_if is None


def test_an_answer_of_another_question_is_refused_beside_the_field(
    client, author, consultation, db_session
):
    target = _question(db_session, consultation, "q_target")
    response = client.post(
        _url(consultation, target),
        data=_form(
            **{"cond-0-question": "q_choice", "cond-0-shown": "q_choice", "cond-0-option": ["c"]}
        ),
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="cond-0-options-error"' in _row(page, 0)
    assert _question(db_session, consultation, "q_target").show_if is None


def test_a_number_out_of_range_is_refused_beside_the_field(
    client, author, consultation, db_session
):
    target = _question(db_session, consultation, "q_target")
    response = client.post(
        _url(consultation, target),
        data=_form(
            **{
                "cond-0-question": "q_num",
                "cond-0-shown": "q_num",
                "cond-0-op": ">",
                "cond-0-value": "10",
            }
        ),
    )
    row = _row(response.get_data(as_text=True), 0)
    assert 'id="cond-0-value-error"' in row and 'aria-invalid="true"' in row
    assert _question(db_session, consultation, "q_target").show_if is None


def test_a_later_question_is_not_offered(client, author, consultation, db_session):
    target = _question(db_session, consultation, "q_target")
    page = client.get(_url(consultation, target)).get_data(as_text=True)
    select = page[
        page.index('id="cond-0-question"') : page.index(
            "</select>", page.index('id="cond-0-question"')
        )
    ]
    assert 'value="q_num"' in select and 'value="q_late"' not in select


def test_an_and_condition_is_saved_and_shown_exactly_after_a_reload(
    client, author, consultation, db_session
):
    target = _question(db_session, consultation, "q_target")
    response = client.post(
        _url(consultation, target),
        data=_form(
            **{
                "cond-0-question": "q_choice",
                "cond-0-shown": "q_choice",
                "cond-0-option": ["a"],
                "cond-1-question": "q_num",
                "cond-1-shown": "q_num",
                "cond-1-op": "between",
                "cond-1-value": "2,5",
                "cond-1-upper": "7",
            }
        ),
    )
    assert response.status_code == 302
    assert _question(db_session, consultation, "q_target").show_if == {
        "all": [
            {"question": "q_choice", "options": ["a"]},
            {"question": "q_num", "op": "between", "min": 2.5, "max": 7.0},
        ]
    }
    page = client.get(_url(consultation, target)).get_data(as_text=True)
    first, second = _row(page, 0), _row(page, 1)
    assert re.search(r'value="a" checked', first) and not re.search(r'value="b" checked', first)
    assert "Anders" not in first
    assert 'value="q_num" selected' in second and 'value="between" selected' in second
    assert 'value="2,5"' in second and 'value="7"' in second
    assert 'id="cond-mode-all" name="cond-mode" value="all" checked' in page


def test_a_section_condition_is_saved_from_the_section_page(
    client, author, consultation, db_session
):
    section = _fresh(db_session, consultation).sections[1]
    response = client.post(
        f"/staff/consultations/{consultation.id}/sections/{section.id}",
        data={
            "title": "Zwei",
            "description": "",
            "cond-mode": "any",
            "cond-0-question": "q_num",
            "cond-0-shown": "q_num",
            "cond-0-op": "<",
            "cond-0-value": "3",
        },
    )
    assert response.status_code == 302
    assert _fresh(db_session, consultation).sections[1].show_if == {
        "any": [{"question": "q_num", "op": "<", "value": 3.0}]
    }
