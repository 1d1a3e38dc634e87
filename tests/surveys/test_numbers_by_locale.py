"""Numbers are read by the respondent's conventions; what could be either is asked back."""

from __future__ import annotations

import pytest

from surveys.answering.validation import validate_answer
from surveys.answering.values import AmbiguousNumber, read_number
from surveys.models import Question


@pytest.mark.parametrize(
    ("typed", "language", "number"),
    [
        ("1.500", "de", 1500),
        ("1.000", "de", 1000),
        ("1.500,25", "de", 1500.25),
        ("1,5", "de", 1.5),
        ("1.5", "de", 1.5),
        ("12.500.000", "tr", 12_500_000),
        ("1,500", "en", 1500),
        ("1.5", "en", 1.5),
        ("1 500", "ru", 1500),
        ("١٢٫٥", "ar", 12.5),
        ("-1.500", "de", -1500),
    ],
)
def test_numbers_follow_the_writers_locale(typed, language, number):
    assert read_number(typed, language) == number


@pytest.mark.parametrize(("typed", "language"), [("1.500", "ru"), ("1.500", None), ("2,000", None)])
def test_a_value_that_could_be_either_is_ambiguous(typed, language):
    with pytest.raises(AmbiguousNumber):
        read_number(typed, language)


def test_an_ambiguous_answer_is_asked_back_with_both_readings():
    question = Question(code="q", kind="number", required=False, settings={})
    result = validate_answer(question, {"value": ["1.500"]}, language="uk")
    assert result.error is not None and result.rows == []
    assert result.error.params == {"grouped": 1500, "decimal": "1,5"}


def test_a_german_respondents_thousands_are_stored_as_thousands():
    question = Question(code="q", kind="number", required=False, settings={})
    result = validate_answer(question, {"value": ["1.500"]}, language="de")
    assert result.rows == [{"number": 1500.0}]
