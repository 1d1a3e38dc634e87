"""Figures of a consultation as pages, the API and exports show them: summaries, suppressed.

One place turns analysis summaries into published rows so that a number suppressed on a
page is suppressed in the API and in every export too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import pandas as pd
from flask_babel import format_decimal, format_number, format_percent

from analysis.charts import bar_chart
from analysis.filters import Filters
from analysis.frames import respondent_count
from analysis.questions import QuestionInfo
from analysis.summaries import COUNT, Summary, summarise
from analysis.suppression import MARK, published_count, suppress
from consult.reporting import Data

CHART_KINDS = ("single_choice", "multiple_choice", "yes_no", "scale")


@dataclass
class Row:
    label: str
    count: int | None
    share: float | None


@dataclass
class Result:
    """One question's published figures: None stands for a suppressed value."""

    question: QuestionInfo
    n: int | None
    no_answer: int | None
    rows: list[Row] = field(default_factory=list)
    stats: dict[str, float | str | None] = field(default_factory=dict)
    suppressed: bool = False
    chart: bytes | None = None


def result_of(summary: Summary, threshold: int, *, with_chart: bool = False) -> Result:
    question = summary.question
    result = Result(
        question,
        n=published_count(summary.n, threshold),
        no_answer=published_count(summary.no_answer, threshold),
    )
    if summary.n and summary.n < threshold:
        result.suppressed = True
        return result
    kind = question.kind
    if kind in CHART_KINDS:
        counts = summary.table[COUNT]
        base = summary.stats.get("valid", summary.n) if kind == "scale" else summary.n
        checked = suppress(
            counts.to_frame(COUNT), threshold, column_totals=pd.Series({COUNT: base})
        )
        shares = checked.shares()[COUNT]
        for code in counts.index:
            hidden = bool(checked.mask.loc[code, COUNT])
            label = question.answer_label(code)
            share = None if hidden or pd.isna(shares.loc[code]) else float(shares.loc[code])
            result.rows.append(Row(label, None if hidden else int(counts.loc[code]), share))
        result.suppressed = checked.any_suppressed
        if kind == "scale":
            result.stats = {k: summary.stats.get(k) for k in ("mean", "median", "top_two_share")}
            result.stats["dont_know"] = published_count(summary.dont_know, threshold)
        if with_chart and summary.n:
            result.chart = chart(
                tuple(r.label for r in result.rows), tuple(r.share for r in result.rows)
            )
    elif kind == "number":
        result.stats = {k: summary.stats.get(k) for k in ("mean", "median", "min", "max")}
    elif kind == "ranking":
        for code, row in summary.table.iterrows():
            result.rows.append(
                Row(
                    question.option_label(str(code)),
                    published_count(int(row["first"]), threshold),
                    None if pd.isna(row["mean_rank"]) else float(row["mean_rank"]),
                )
            )
    elif kind in ("short_text", "long_text"):
        for code, count in summary.table[COUNT].items():
            result.rows.append(Row(str(code), published_count(int(count), threshold), None))
    elif kind == "date":
        result.stats = {k: summary.stats.get(k) for k in ("earliest", "latest")}
    return result


@lru_cache(maxsize=512)
def chart(labels: tuple[str, ...], shares: tuple[float | None, ...]) -> bytes:
    """A chart depends only on its labels and published shares: cache it on exactly those."""
    return bar_chart(list(labels), list(shares), suppressed_label=MARK)


def summaries_of(data: Data) -> dict[str, Summary]:
    """Every question's summary, from one pass over the answers."""
    respondents = respondent_count(data.respondents)
    return summarise(data.answers, data.questions, respondents)


def results(
    data: Data, *, with_charts: bool = False, summaries: dict[str, Summary] | None = None
) -> list[Result]:
    """Published figures per question; pass `summaries` when the caller already has them."""
    threshold = data.consultation.small_cell_threshold
    summaries = summaries if summaries is not None else summaries_of(data)
    return [result_of(summaries[q.code], threshold, with_chart=with_charts) for q in data.questions]


def formatted(value: float | None, kind: str) -> str:
    """A published figure for display; the suppression mark where it is None."""
    if value is None:
        return MARK
    if kind == "count":
        return format_number(value)
    if kind == "share":
        return format_percent(value, format="#,##0 %")
    return format_decimal(value, format="#,##0.0")


def filters_from_args(args, consultation) -> Filters:
    """Filters from a query string; an unknown value raises LookupError (shown as 404)."""

    def values(name: str) -> tuple[str, ...]:
        # A form sends "" for "all"; that is no filter, not an unknown value.
        return tuple(v for v in args.getlist(name) if v)

    groups = values("group")
    if set(groups) - {g.code for g in consultation.groups}:
        raise LookupError("group")
    languages = values("lang_filter")
    if set(languages) - set(consultation.languages):
        raise LookupError("language")
    channels = values("channel")
    if set(channels) - {"online", "paper"}:
        raise LookupError("channel")
    chosen: dict[str, tuple[str, ...]] = {}
    options = {
        q.code: {o.code for o in q.options} | {"other", "dont_know", "yes", "no"}
        for q in consultation.questions
        if q.kind in ("single_choice", "multiple_choice", "yes_no")
    }
    for value in values("answer"):
        code, _sep, option = value.partition(":")
        if code not in options or option not in options[code]:
            raise LookupError("answer")
        chosen[code] = (*chosen.get(code, ()), option)
    since = _day(args.get("since"))
    until = _day(args.get("until"))
    return Filters(groups, languages, channels, chosen, since, until)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise LookupError("date") from error
