"""Answers of one question broken down by group, language, channel or another answer."""

from __future__ import annotations

import pandas as pd

from analysis.questions import QuestionInfo
from analysis.suppression import Suppressed, suppress

BY_COLUMNS = ("group", "language", "channel")


def breakdown(
    answers: pd.DataFrame,
    question: QuestionInfo,
    by: str,
    threshold: int,
) -> Suppressed:
    """Respondents per option (rows) and category (columns), suppressed.

    `by` is "group", "language", "channel" or "question:<code>" (another choice question).
    Column totals are the respondents in that category who answered the question.
    """
    rows = answers[answers["question_code"].astype("object") == question.code]
    rows = rows.dropna(subset=["option_code"]).drop_duplicates(["response_id", "option_code"])
    if by in BY_COLUMNS:
        categories = rows[["response_id", by]].astype({by: "object"}).rename(columns={by: "by"})
    elif by.startswith("question:"):
        other = answers[answers["question_code"].astype("object") == by.split(":", 1)[1]]
        categories = (
            other.dropna(subset=["option_code"])[["response_id", "option_code"]]
            .astype({"option_code": "object"})
            .rename(columns={"option_code": "by"})
        )
    else:
        raise ValueError(f"unknown breakdown {by!r}")
    joined = (
        rows[["response_id", "option_code"]]
        .astype({"option_code": "object"})
        .merge(categories.drop_duplicates(), on="response_id")
    )
    counts = pd.crosstab(joined["option_code"], joined["by"].fillna("—"))
    counts = counts.reindex(question.option_codes, fill_value=0)
    totals = joined.groupby(joined["by"].fillna("—"))["response_id"].nunique()
    return suppress(counts, threshold, column_totals=totals)
