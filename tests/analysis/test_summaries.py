from __future__ import annotations

import math

import pandas as pd

from analysis.summaries import summarise
from tests.analysis.conftest import CHOICE, QUESTIONS


def _summaries(answers):
    return summarise(answers, QUESTIONS)


def test_single_choice_counts_and_shares_of_those_who_answered(answers):
    s = _summaries(answers)["housing"]
    assert (s.respondents, s.n, s.no_answer) == (6, 5, 1)
    assert s.table["count"].to_dict() == {"shared": 3, "flat": 1, "other": 1}
    assert s.table["share"].round(2).to_dict() == {"shared": 0.6, "flat": 0.2, "other": 0.2}


def test_multiple_choice_shares_are_of_respondents_not_of_mentions(answers):
    s = _summaries(answers)["areas"]
    assert s.n == 4
    assert s.table["count"].to_dict() == {"school": 3, "job": 2, "health": 1}
    # 3 of 4 respondents chose school: 75 %, although school is 3 of 6 mentions.
    assert s.table["share"].to_dict() == {"school": 0.75, "job": 0.5, "health": 0.25}


def test_scale_keeps_dont_know_apart_from_mean_median_and_top_two(answers):
    s = _summaries(answers)["safety"]
    assert (s.n, s.dont_know, s.stats["valid"]) == (5, 1, 4)
    assert s.table["count"].to_dict() == {"1": 0, "2": 1, "3": 0, "4": 2, "5": 1}
    assert s.stats["mean"] == 3.75  # (5 + 4 + 4 + 2) / 4
    assert s.stats["median"] == 4.0
    assert s.stats["top_two_share"] == 0.75  # 4, 4, 5 of four valid answers


def test_numbers_are_described(answers):
    s = _summaries(answers)["people"]
    assert s.n == 3
    assert (s.stats["mean"], s.stats["median"], s.stats["min"], s.stats["max"]) == (30, 20, 10, 60)
    assert (s.stats["q1"], s.stats["q3"]) == (15, 40)


def test_ranking_is_summarised_as_mean_rank(answers):
    s = _summaries(answers)["priorities"]
    assert s.n == 2
    assert s.table["mean_rank"].to_dict() == {"housing": 1.5, "language": 1.5, "work": 3.0}
    assert s.table["first"].to_dict() == {"housing": 1, "language": 1, "work": 0}


def test_free_text_reports_n_languages_and_length(answers):
    s = _summaries(answers)["wishes"]
    assert s.n == 3
    assert s.table["count"].to_dict() == {"de": 2, "ar": 1}
    assert s.stats["median_length"] == 14  # lengths 14, 13 and 27 characters


def test_dates_give_range_and_months(answers):
    s = _summaries(answers)["since"]
    assert (s.n, s.stats["earliest"], s.stats["latest"]) == (2, "2016-04-01", "2019-11-20")
    assert s.table["count"].to_dict() == {"2016-04": 1, "2019-11": 1}


def test_yes_no_lists_every_answer_including_dont_know(answers):
    s = _summaries(answers)["recognised"]
    assert s.table["count"].to_dict() == {"yes": 1, "no": 1, "dont_know": 1}


def test_a_question_nobody_answered_has_zero_n_and_no_exception(answers):
    s = summarise(answers[answers["question_code"] != "housing"], [CHOICE], respondents=6)[
        "housing"
    ]
    assert (s.n, s.no_answer) == (0, 6)
    assert s.table["count"].sum() == 0
    assert all(math.isnan(v) for v in s.table["share"])


def test_an_empty_consultation_summarises_to_empty_figures():
    empty = pd.DataFrame(
        columns=[
            "response_id",
            "question_code",
            "option_code",
            "text",
            "number",
            "language",
            "group",
            "channel",
            "submitted_at",
        ]
    )
    from analysis.frames import answers_frame

    result = summarise(answers_frame(empty), QUESTIONS)
    assert {code: s.n for code, s in result.items()} == {q.code: 0 for q in QUESTIONS}
