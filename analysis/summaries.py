"""Summaries per question kind, computed from the long frame in one grouped pass."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from analysis.questions import DONT_KNOW, TEXT_KINDS, QuestionInfo

COUNT = "count"
SHARE = "share"


@dataclass
class Summary:
    """One question's figures: n answered, no answer, a table and statistics."""

    question: QuestionInfo
    respondents: int
    n: int
    table: pd.DataFrame = field(default_factory=pd.DataFrame)
    stats: dict[str, float | str | None] = field(default_factory=dict)
    dont_know: int = 0

    @property
    def no_answer(self) -> int:
        return max(self.respondents - self.n, 0)

    @property
    def code(self) -> str:
        return self.question.code


def _counts(values: pd.Series, order: list[str]) -> pd.Series:
    counts = values.astype("object").value_counts()
    extra = [code for code in counts.index if code not in order]
    return counts.reindex(order + extra, fill_value=0).astype("int64")


def _choice(question: QuestionInfo, rows: pd.DataFrame, respondents: int) -> Summary:
    answered = rows.dropna(subset=["option_code"])
    # A respondent counts once per option even if a form sent the same option twice.
    answered = answered.drop_duplicates(["response_id", "option_code"])
    n = int(answered["response_id"].nunique())
    counts = _counts(answered["option_code"], question.option_codes)
    table = pd.DataFrame({COUNT: counts})
    table[SHARE] = table[COUNT] / n if n else float("nan")
    return Summary(question, respondents, n, table, dont_know=int(counts.get(DONT_KNOW, 0)))


def _scale(question: QuestionInfo, rows: pd.DataFrame, respondents: int) -> Summary:
    n = int(rows["response_id"].nunique())
    dont_know = int(rows["option_code"].astype("object").eq(DONT_KNOW).sum())
    values = rows["number"].dropna()
    points = list(range(question.scale_min, question.scale_max + 1))
    counts = values.round().astype("int64").value_counts().reindex(points, fill_value=0)
    valid = int(counts.sum())
    table = pd.DataFrame({COUNT: counts.astype("int64")})
    table.index = [str(p) for p in points]
    table[SHARE] = table[COUNT] / valid if valid else float("nan")
    top_two = int(counts.loc[points[-2:]].sum()) if len(points) >= 2 else valid
    stats: dict[str, float | str | None] = {
        "valid": valid,
        "mean": float(values.mean()) if valid else None,
        "median": float(values.median()) if valid else None,
        "top_two_share": top_two / valid if valid else None,
    }
    return Summary(question, respondents, n, table, stats, dont_know=dont_know)


def _number(question: QuestionInfo, rows: pd.DataFrame, respondents: int) -> Summary:
    values = rows["number"].dropna()
    n = int(values.size)
    stats: dict[str, float | str | None] = {
        "mean": None,
        "median": None,
        "min": None,
        "max": None,
        "q1": None,
        "q3": None,
    }
    if n:
        stats = {
            "mean": float(values.mean()),
            "median": float(values.median()),
            "min": float(values.min()),
            "max": float(values.max()),
            "q1": float(values.quantile(0.25)),
            "q3": float(values.quantile(0.75)),
        }
    return Summary(question, respondents, n, stats=stats)


def _ranking(question: QuestionInfo, rows: pd.DataFrame, respondents: int) -> Summary:
    ranked = rows.dropna(subset=["option_code", "number"])
    n = int(ranked["response_id"].nunique())
    grouped = ranked.groupby(ranked["option_code"].astype("object"))["number"]
    codes = [o.code for o in question.options] or sorted(grouped.groups)
    table = pd.DataFrame(
        {"mean_rank": grouped.mean().reindex(codes), COUNT: grouped.size().reindex(codes)}
    )
    table[COUNT] = table[COUNT].fillna(0).astype("int64")
    table["first"] = (
        ranked[ranked["number"] == 1]["option_code"]
        .astype("object")
        .value_counts()
        .reindex(codes, fill_value=0)
        .astype("int64")
    )
    return Summary(question, respondents, n, table.sort_values("mean_rank", na_position="last"))


def _matrix(question: QuestionInfo, rows: pd.DataFrame, respondents: int) -> Summary:
    """Per item: how many rated it and their mean on the scale (internal, unpublished)."""
    rated = rows.dropna(subset=["option_code", "number"])
    n = int(rated["response_id"].nunique())
    grouped = rated.groupby(rated["option_code"].astype("object"))["number"]
    codes = [o.code for o in question.options] or sorted(grouped.groups)
    table = pd.DataFrame(
        {"mean": grouped.mean().reindex(codes), COUNT: grouped.size().reindex(codes)}
    )
    table[COUNT] = table[COUNT].fillna(0).astype("int64")
    return Summary(question, respondents, n, table)


def _text(question: QuestionInfo, rows: pd.DataFrame, respondents: int) -> Summary:
    texts = rows.dropna(subset=["text"])
    texts = texts[texts["text"].astype(str).str.strip() != ""]
    n = int(texts["response_id"].nunique())
    languages = texts["language"].astype("object").value_counts()
    table = pd.DataFrame({COUNT: languages.astype("int64")})
    lengths = texts["text"].astype(str).str.len()
    stats: dict[str, float | str | None] = {"median_length": float(lengths.median()) if n else None}
    return Summary(question, respondents, n, table, stats)


def _date(question: QuestionInfo, rows: pd.DataFrame, respondents: int) -> Summary:
    dates = pd.to_datetime(rows["text"], errors="coerce", format="%Y-%m-%d").dropna()
    n = int(dates.size)
    months = dates.dt.strftime("%Y-%m").value_counts().sort_index()
    table = pd.DataFrame({COUNT: months.astype("int64")})
    stats: dict[str, float | str | None] = {
        "earliest": dates.min().date().isoformat() if n else None,
        "latest": dates.max().date().isoformat() if n else None,
    }
    return Summary(question, respondents, n, table, stats)


SUMMARISERS = {
    "single_choice": _choice,
    "multiple_choice": _choice,
    "yes_no": _choice,
    "consent": _choice,
    "scale": _scale,
    "number": _number,
    "ranking": _ranking,
    "matrix": _matrix,
    "date": _date,
    **{kind: _text for kind in TEXT_KINDS},
}


def summarise(
    answers: pd.DataFrame,
    questions: list[QuestionInfo],
    respondents: int | None = None,
    bases: Mapping[str, int] | None = None,
) -> dict[str, Summary]:
    """A summary per question, in questionnaire order, from one pass over the answers.

    `bases` gives, per question code, how many respondents were shown the question (a
    condition may have hidden it from others); "no answer" counts only those.
    """
    if respondents is None:
        respondents = int(answers["response_id"].nunique()) if len(answers) else 0
    groups = (
        {str(code): rows for code, rows in answers.groupby("question_code", observed=True)}
        if len(answers)
        else {}
    )
    empty = answers.iloc[0:0]
    bases = bases or {}
    return {
        q.code: SUMMARISERS[q.kind](q, groups.get(q.code, empty), bases.get(q.code, respondents))
        for q in questions
    }
