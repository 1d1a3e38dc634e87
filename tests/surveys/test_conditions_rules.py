"""Conditions: evaluation with AND / OR, numbers, sections, and refusal of impossible ones."""

from __future__ import annotations

import pytest

from surveys import conditions
from surveys.answering.validation import validate_page
from surveys.answering.visibility import visible_questions
from surveys.authoring import structure
from surveys.authoring.structure import ConditionRefused, QuestionData
from surveys.errors import Invalid
from surveys.models import Option, Question, Section
from surveys.vocabulary import ConsultationStatus, QuestionKind


def test_all_needs_every_clause_and_any_needs_one():
    both = {
        "all": [
            {"question": "q1", "options": ["a"]},
            {"question": "q2", "op": ">", "value": 3},
        ]
    }
    either = {"any": both["all"]}
    assert conditions.holds(both, {"q1": {"a"}, "q2": {4.0}})
    assert not conditions.holds(both, {"q1": {"a"}, "q2": {3.0}})
    assert not conditions.holds(both, {"q1": {"b"}, "q2": {4.0}})
    assert conditions.holds(either, {"q1": {"b"}, "q2": {4.0}})
    assert not conditions.holds(either, {"q1": {"b"}, "q2": {1.0}})


@pytest.mark.parametrize(
    ("clause", "number", "expected"),
    [
        ({"op": "=", "value": 3}, 3.0, True),
        ({"op": "=", "value": 3}, 3.5, False),
        ({"op": "<", "value": 3}, 2.0, True),
        ({"op": "<", "value": 3}, 3.0, False),
        ({"op": ">", "value": 3}, 3.0, False),
        ({"op": "between", "min": 2, "max": 4}, 2.0, True),
        ({"op": "between", "min": 2, "max": 4}, 4.0, True),
        ({"op": "between", "min": 2, "max": 4}, 4.5, False),
    ],
)
def test_number_clauses_compare_the_answer(clause, number, expected):
    assert conditions.holds({"all": [{"question": "n", **clause}]}, {"n": {number}}) is expected


def test_an_unanswered_number_meets_no_number_clause():
    assert not conditions.holds({"all": [{"question": "n", "op": "<", "value": 3}]}, {})


def test_a_version_one_condition_is_read_as_one_clause():
    old = {"question": "q1", "options": ["a"]}
    assert conditions.normalise(old) == {"all": [old]}
    assert conditions.holds(old, {"q1": {"a"}})
    assert not conditions.holds(old, {"q1": {"b"}})


@pytest.fixture()
def draft(make_consultation, session):
    """q_choice (a, b), q_num (number 0..10) and q_scale (1..5) on page 1; q_text on page 2."""
    consultation = make_consultation(status=ConsultationStatus.DRAFT, questions=1)
    first = consultation.sections[0]
    first.questions.append(
        Question(code="q_num", kind=QuestionKind.NUMBER, settings={"min": 0, "max": 10})
    )
    first.questions.append(
        Question(code="q_scale", kind=QuestionKind.SCALE, settings={"min": 1, "max": 5})
    )
    second = Section(title={"de": "Zwei", "en": "Two"})
    consultation.sections.append(second)
    second.questions.append(Question(code="q_text", kind=QuestionKind.SHORT_TEXT))
    session.flush()
    for question in consultation.questions:
        question.consultation = consultation
    session.flush()
    return consultation


def _question(draft, code):
    return next(q for q in draft.questions if q.code == code)


def _save_condition(session, draft, code, show_if):
    question = _question(draft, code)
    data = QuestionData(code=question.code, kind=question.kind, show_if=show_if)
    structure.update_question(session, draft, question, data)


def test_an_option_of_another_question_is_refused(draft, session):
    draft.sections[0].questions.append(
        Question(code="q_other", kind=QuestionKind.SINGLE_CHOICE, consultation=draft)
    )
    other = draft.sections[0].questions[-1]
    other.options.append(Option(code="zzz", label={"de": "Z"}))
    session.flush()
    with pytest.raises(ConditionRefused) as refused:
        _save_condition(session, draft, "q_text", {"question": "q_choice", "options": ["zzz"]})
    problem = refused.value.problems[0]
    assert (problem.clause, problem.part) == (0, "options")
    assert _question(draft, "q_text").show_if is None


def test_a_later_question_is_refused(draft, session):
    with pytest.raises(ConditionRefused) as refused:
        _save_condition(session, draft, "q_num", {"question": "q_text", "options": ["a"]})
    assert refused.value.problems[0].part == "question"


@pytest.mark.parametrize(
    "clause",
    [
        {"op": ">", "value": 10},
        {"op": "<", "value": 0},
        {"op": "=", "value": 11},
        {"op": "between", "min": 11, "max": 20},
        {"op": "between", "min": 5, "max": 2},
    ],
)
def test_a_number_no_answer_can_take_is_refused(draft, session, clause):
    with pytest.raises(ConditionRefused) as refused:
        _save_condition(session, draft, "q_text", {"all": [{"question": "q_num", **clause}]})
    assert refused.value.problems[0].part == "value"


def test_a_fractional_value_on_a_scale_is_refused(draft, session):
    with pytest.raises(ConditionRefused):
        _save_condition(
            session, draft, "q_text", {"all": [{"question": "q_scale", "op": "=", "value": 2.5}]}
        )


def test_a_possible_and_condition_is_saved_in_version_two_shape(draft, session):
    condition = {
        "all": [
            {"question": "q_choice", "options": ["a"]},
            {"question": "q_num", "op": "between", "min": 2, "max": 4},
        ]
    }
    _save_condition(session, draft, "q_text", condition)
    assert _question(draft, "q_text").show_if == condition


def test_deleting_an_option_a_condition_names_is_refused(draft, session):
    _save_condition(session, draft, "q_text", {"question": "q_choice", "options": ["a"]})
    option = _question(draft, "q_choice").options[0]
    with pytest.raises(Invalid):
        structure.delete_option(session, draft, option)


def test_moving_a_question_before_its_trigger_is_refused(draft, session):
    _save_condition(session, draft, "q_scale", {"question": "q_num", "op": ">", "value": 1})
    with pytest.raises(Invalid):
        structure.move_question(session, draft, _question(draft, "q_scale"), -1)


def test_a_section_condition_hides_all_its_questions(draft, session):
    structure.set_section_condition(
        session, draft, draft.sections[1], {"any": [{"question": "q_choice", "options": ["b"]}]}
    )
    shown = visible_questions(draft.questions, {"q_choice": [{"option_code": "a"}]})
    assert "q_text" not in {q.code for q in shown}
    shown = visible_questions(draft.questions, {"q_choice": [{"option_code": "b"}]})
    assert "q_text" in {q.code for q in shown}


def test_a_section_condition_on_its_own_question_is_refused(draft, session):
    with pytest.raises(ConditionRefused):
        structure.set_section_condition(
            session, draft, draft.sections[0], {"all": [{"question": "q_choice", "options": ["a"]}]}
        )


def test_an_answer_to_a_question_hidden_by_and_is_dropped(draft, session):
    _save_condition(
        session,
        draft,
        "q_scale",
        {
            "all": [
                {"question": "q_choice", "options": ["a"]},
                {"question": "q_num", "op": ">", "value": 5},
            ]
        },
    )
    questions = draft.sections[0].questions
    raw = {"q_choice": {"value": ["a"]}, "q_num": {"value": ["3"]}, "q_scale": {"value": ["4"]}}
    valid, errors = validate_page(questions, raw, {}, language="de")
    assert errors == {}
    assert "q_scale" not in valid
    raw["q_num"] = {"value": ["7"]}
    valid, errors = validate_page(questions, raw, {}, language="de")
    assert valid["q_scale"] == [{"number": 4.0}]
