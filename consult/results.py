"""Figures of a consultation as pages, the API and exports show them.

Every figure comes from `analysis.published` (disclosure control included); this module only
adds the consultation's secret, charts and display formatting.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from flask_babel import format_decimal, format_number, format_percent
from flask_babel import gettext as _

from analysis.charts import bar_chart, text_alternative
from analysis.filters import Filters
from analysis.published import CHART_KINDS, NOISE, Published, Result, Row, publish
from analysis.suppression import MARK
from consult.reporting import Data

__all__ = [
    "Published",
    "Result",
    "Row",
    "disclosure_note",
    "filters_from_args",
    "formatted",
    "published",
    "results",
]


def published(data: Data, *, with_charts: bool = False, crosstabs: bool = False) -> Published:
    """Every published figure of `data` (a view, filtered or not), from the one path."""
    consultation = data.consultation
    figures = publish(
        data.answers,
        data.respondents,
        data.questions,
        consultation.small_cell_threshold,
        consultation.disclosure_key or "",
        crosstabs=crosstabs,
        shown=data.shown,
    )
    if with_charts:
        for result in figures.results:
            if result.question.kind in CHART_KINDS and result.rows:
                labels = tuple(r.label for r in result.rows)
                shares = tuple(r.share for r in result.rows)
                result.chart = chart(labels, shares)
                result.chart_alt = text_alternative(
                    list(labels), list(shares), suppressed_label=MARK
                )
    return figures


def results(data: Data, *, with_charts: bool = False) -> list[Result]:
    """Published figures per question (none when the view has too few respondents)."""
    return published(data, with_charts=with_charts).results


@lru_cache(maxsize=512)
def chart(labels: tuple[str, ...], shares: tuple[float | None, ...]) -> bytes:
    """A chart depends only on its labels and published shares: cache it on exactly those."""
    return bar_chart(list(labels), list(shares), suppressed_label=MARK)


def disclosure_note(threshold: int) -> str:
    """The rule beside every table: how figures are protected and what percentages are of."""
    return _(
        "To protect respondents, every count is changed at random by at most %(noise)s and "
        "counts below %(n)s are shown as “–”. Percentages are shares of everyone who answered "
        "the question, including “don't know”; means leave “don't know” out.",
        noise=NOISE,
        n=threshold,
    )


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
        if q.kind in ("single_choice", "multiple_choice", "yes_no", "consent")
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
