"""Answer validation: raw form values in, long-format rows or a translatable error out."""

from __future__ import annotations

import pytest

from surveys.answering.validation import raw_from_rows, validate_answer, validate_page
from surveys.answering.values import clean_text, parse_number
from surveys.answering.visibility import visible_questions
from surveys.models import Option, Question


def question(kind, code="q", required=False, options=(), show_if=None, **settings):
    q = Question(code=code, kind=kind, required=required, settings=settings, show_if=show_if)
    for option in options:
        q.options.append(Option(code=option, label={"de": option}))
    return q


def rows(q, **raw):
    result = validate_answer(q, {k.replace("rank_", "rank:"): v for k, v in raw.items()})
    assert result.error is None, result.error
    return result.rows


def error(q, **raw):
    result = validate_answer(q, {k.replace("rank_", "rank:"): v for k, v in raw.items()})
    assert result.error is not None, result.rows
    return result.error


# --- text -----------------------------------------------------------------------------------


def test_short_text_is_stored_trimmed_as_text():
    assert rows(question("short_text"), value=["  Hallo Welt  "]) == [{"text": "Hallo Welt"}]


def test_short_text_over_the_default_limit_of_200_is_refused_with_the_limit():
    err = error(question("short_text"), value=["x" * 201])
    assert err.params == {"limit": 200, "count": 201}


def test_long_text_default_limit_is_5000():
    assert rows(question("long_text"), value=["x" * 5000]) == [{"text": "x" * 5000}]
    assert error(question("long_text"), value=["x" * 5001]).params["limit"] == 5000


def test_text_limit_comes_from_settings_max_length():
    assert error(question("long_text", max_length=10), value=["x" * 11]).params["limit"] == 10


def test_long_text_keeps_newlines_and_normalises_carriage_returns():
    assert rows(question("long_text"), value=["a\r\nb\tc"]) == [{"text": "a\nb\tc"}]


def test_short_text_folds_newlines_into_spaces():
    assert rows(question("short_text"), value=["a\nb"]) == [{"text": "a b"}]


@pytest.mark.parametrize("bad", ["a\x00b", "a\x07b", "a\x1bb", "a\x7fb"])
def test_nul_and_control_characters_are_refused(bad):
    assert "control characters" in error(question("long_text"), value=[bad]).message


def test_bidi_controls_and_zero_width_spaces_are_stripped():
    text = "\u202eabc\u202c\u200b d\u200fe\ufeff\u2067f\u2069"
    assert clean_text(text) == "abc def"


def test_zwnj_inside_a_persian_word_is_kept():
    assert clean_text("می\u200cخواهم") == "می\u200cخواهم"


def test_zwnj_and_zwj_outside_words_are_stripped():
    assert clean_text("\u200cword\u200d ok") == "word ok"


def test_blank_text_is_no_answer_and_a_required_one_is_an_error():
    assert rows(question("short_text"), value=["   "]) == []
    assert error(question("short_text", required=True), value=["  "]).message == (
        "Please answer this question."
    )


def test_several_values_for_a_text_question_are_refused():
    assert error(question("short_text"), value=["a", "b"]).message.startswith("This answer")


# --- single and multiple choice -------------------------------------------------------------


def test_single_choice_stores_the_option_code():
    assert rows(question("single_choice", options="ab"), value=["b"]) == [{"option_code": "b"}]


def test_single_choice_refuses_unknown_codes_and_two_answers():
    q = question("single_choice", options="ab")
    assert error(q, value=["zz"]).message == "Please choose one of the options shown."
    assert error(q, value=["a", "b"]).message == "Please choose only one answer."


def test_single_choice_other_needs_settings_and_a_text():
    plain = question("single_choice", options="ab")
    assert error(plain, value=["other"]).message == "Please choose one of the options shown."
    q = question("single_choice", options="ab", other=True)
    assert rows(q, value=["other"], other=["Tafel"]) == [{"option_code": "other", "text": "Tafel"}]
    assert error(q, value=["other"]).part == "other"


def test_single_choice_other_text_alone_means_other():
    q = question("single_choice", options="ab", other=True)
    assert rows(q, other=["x"]) == [{"option_code": "other", "text": "x"}]


def test_single_choice_with_a_text_for_other_and_another_option_is_refused():
    q = question("single_choice", options="ab", other=True)
    assert error(q, value=["a"], other=["x"]).part == "other"


def test_multiple_choice_stores_one_row_per_option_in_option_order_plus_other():
    q = question("multiple_choice", options="abc", other=True)
    assert rows(q, value=["c", "a", "other"], other=["x"]) == [
        {"option_code": "a"},
        {"option_code": "c"},
        {"option_code": "other", "text": "x"},
    ]


def test_multiple_choice_enforces_min_and_max_selected():
    q = question("multiple_choice", options="abcd", min_selected=2, max_selected=3)
    assert error(q, value=["a"]).params == {"n": 2}
    assert error(q, value=["a", "b", "c", "d"]).params == {"n": 3}
    assert len(rows(q, value=["a", "b", "c"])) == 3


def test_multiple_choice_refuses_unknown_codes():
    assert error(question("multiple_choice", options="ab"), value=["a", "x"]).message == (
        "Please choose one of the options shown."
    )


def test_multiple_choice_ignores_repeated_codes():
    assert rows(question("multiple_choice", options="ab"), value=["a", "a"]) == [
        {"option_code": "a"}
    ]


def test_required_multiple_choice_without_answer_is_an_error():
    q = question("multiple_choice", options="ab", required=True)
    assert error(q).message == "Please choose an answer."


# --- scale, yes/no, number, date ------------------------------------------------------------


def test_scale_stores_a_number_in_range_or_dont_know():
    q = question("scale", min=1, max=5, dont_know=True)
    assert rows(q, value=["4"]) == [{"number": 4.0}]
    assert rows(q, value=["dont_know"]) == [{"option_code": "dont_know"}]
    assert error(q, value=["6"]).params == {"min": 1, "max": 5}
    assert error(q, value=["2.5"]).params == {"min": 1, "max": 5}


def test_scale_without_dont_know_setting_refuses_it():
    assert error(question("scale", min=1, max=5), value=["dont_know"]).params["max"] == 5


def test_yes_no_stores_the_fixed_codes():
    q = question("yes_no")
    for code in ("yes", "no", "dont_know"):
        assert rows(q, value=[code]) == [{"option_code": code}]
    assert error(q, value=["maybe"]).message == "Please choose one of the options shown."


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("3,5", 3.5),
        ("3.5", 3.5),
        ("٣", 3.0),
        ("۳", 3.0),
        ("١٢٫٥", 12.5),
        ("۱۲", 12.0),
        (" 7 ", 7.0),
    ],
)
def test_numbers_accept_comma_decimals_and_arabic_and_persian_digits(typed, number):
    assert parse_number(typed) == number
    assert rows(question("number"), value=[typed]) == [{"number": number}]


@pytest.mark.parametrize("typed", ["abc", "1,2,3", "nan", "inf", "1e5", "--1", "3 apples"])
def test_things_that_are_not_numbers_are_refused(typed):
    assert error(question("number"), value=[typed]).message.startswith("Please enter a number,")


def test_number_outside_the_settings_range_is_refused_with_the_range():
    q = question("number", min=0, max=500)
    assert error(q, value=["501"]).params == {"min": 0, "max": 500}
    assert error(q, value=["-1"]).params == {"min": 0, "max": 500}
    assert error(question("number", min=2), value=["1"]).params == {"min": 2}
    assert error(question("number", max=2), value=["3"]).params == {"max": 2}


@pytest.mark.parametrize(
    ("typed", "iso"),
    [("2024-03-31", "2024-03-31"), ("31.3.2024", "2024-03-31"), ("٢٠٢٤-٠٣-٣١", "2024-03-31")],
)
def test_dates_are_stored_as_iso_text(typed, iso):
    assert rows(question("date"), value=[typed]) == [{"text": iso}]


@pytest.mark.parametrize("typed", ["2024-02-30", "yesterday", "31/03/2024"])
def test_impossible_dates_are_refused(typed):
    assert error(question("date"), value=[typed]).message.startswith("Please enter a valid date")


# --- ranking --------------------------------------------------------------------------------


def test_ranking_stores_one_row_per_option_with_its_rank():
    q = question("ranking", options="abc")
    assert rows(q, rank_a=["2"], rank_b=["3"], rank_c=["1"]) == [
        {"option_code": "c", "number": 1.0},
        {"option_code": "a", "number": 2.0},
        {"option_code": "b", "number": 3.0},
    ]


def test_ranking_must_use_every_rank_once():
    q = question("ranking", options="abc")
    assert error(q, rank_a=["1"], rank_b=["1"], rank_c=["2"]).params == {"n": 3}
    assert error(q, rank_a=["1"], rank_b=["2"]).part == "rank:c"
    assert error(q, rank_a=["1"], rank_b=["2"], rank_c=["4"]).params == {"n": 3}


def test_ranking_refuses_unknown_options():
    q = question("ranking", options="ab")
    assert error(q, rank_a=["1"], rank_b=["2"], rank_x=["3"]).message.startswith("Please choose")


def test_required_ranking_left_empty_is_an_error():
    assert error(question("ranking", options="ab", required=True)).message == (
        "Please put the items in order."
    )


def test_an_unknown_kind_is_refused():
    assert error(question("hologram"), value=["x"]).message.startswith("This answer")


# --- visibility and pages -------------------------------------------------------------------


def _conditional():
    trigger = question("yes_no", code="t", required=True)
    follow = question(
        "short_text", code="f", required=True, show_if={"question": "t", "options": ["yes"]}
    )
    chained = question("short_text", code="g", show_if={"question": "f", "options": ["x"]})
    return trigger, follow, chained


def test_a_question_is_shown_only_when_its_trigger_has_a_listed_option():
    trigger, follow, _ = _conditional()
    assert visible_questions([trigger, follow], {"t": [{"option_code": "yes"}]}) == [
        trigger,
        follow,
    ]
    assert visible_questions([trigger, follow], {"t": [{"option_code": "no"}]}) == [trigger]


def test_answers_to_hidden_questions_on_the_same_page_are_dropped():
    trigger, follow, _ = _conditional()
    valid, errors = validate_page(
        [trigger, follow], {"t": {"value": ["no"]}, "f": {"value": ["secret"]}}, {}
    )
    assert valid == {"t": [{"option_code": "no"}]} and errors == {}


def test_a_hidden_required_question_needs_no_answer():
    trigger, follow, _ = _conditional()
    _valid, errors = validate_page([follow], {}, {"t": [{"option_code": "no"}]})
    assert errors == {}


def test_a_shown_required_question_needs_an_answer():
    trigger, follow, _ = _conditional()
    _valid, errors = validate_page([follow], {}, {"t": [{"option_code": "yes"}]})
    assert list(errors) == ["f"]


def test_require_false_accepts_missing_answers_but_not_broken_ones():
    q = question("number", required=True, max=3)
    assert validate_page([q], {}, {}, require=False) == ({"q": []}, {})
    assert list(validate_page([q], {"q": {"value": ["9"]}}, {}, require=False)[1]) == ["q"]


def test_stored_rows_turn_back_into_form_values():
    q = question("multiple_choice", options="ab", other=True)
    assert raw_from_rows(q, [{"option_code": "a"}, {"option_code": "other", "text": "x"}]) == {
        "value": ["a", "other"],
        "other": ["x"],
    }
    r = question("ranking", options="ab")
    assert raw_from_rows(r, [{"option_code": "b", "number": 1.0}]) == {"rank:b": ["1"]}
    assert raw_from_rows(question("number"), [{"number": 3.5}]) == {"value": ["3.5"]}
