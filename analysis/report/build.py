"""Assemble the report "Input for the integration concept" from answers and facilitators' texts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from analysis import themes as theme_analysis
from analysis.charts import bar_chart
from analysis.frames import respondent_count
from analysis.published import (
    DISCLOSURE_METHOD,
    Result,
    category_counts,
    method_statement,
    publish,
    theme_counts,
)
from analysis.questions import TEXT_KINDS, QuestionInfo
from analysis.report.blocks import Figure, Heading, Paragraph, Percent, Quote, Report, Table
from analysis.suppression import MARK
from analysis.text.tokens import base_language

RTL_LANGUAGES = {"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv"}


def direction(language: str) -> str:
    return "rtl" if base_language(language) in RTL_LANGUAGES else "ltr"


@dataclass
class ReportTexts:
    """Every fixed phrase of the report, in the report's language (English by default)."""

    title: str = "Input for the integration concept"
    method: str = "Method"
    period: str = "Period: {first} to {last}"
    responses: str = "Responses: {n}"
    by_language: str = "Responses by language"
    by_group: str = "Responses by stakeholder group"
    by_channel: str = "Responses by channel"
    category: str = "Category"
    respondents: str = "Respondents"
    answer: str = "Answer"
    share: str = "Share"
    answered: str = "{n} answered, {no_answer} gave no answer."
    mean: str = "Mean"
    median: str = "Median"
    minimum: str = "Minimum"
    maximum: str = "Maximum"
    top_two: str = "Top two"
    dont_know: str = "Don't know"
    mean_rank: str = "Mean rank"
    ranked_first: str = "Ranked first"
    free_text: str = "{n} free-text answers; languages: {languages}."
    figure: str = "Figure"
    statistic: str = "Statistic"
    value: str = "Value"
    themes: str = "Themes"
    theme: str = "Theme"
    open_points: str = "Open points"
    suppression: str = DISCLOSURE_METHOD
    too_few: str = "Too few answers to show."
    suppressed: str = MARK
    no_responses: str = "No responses yet."
    other_questions: str = "Other questions"


@dataclass
class ReportInput:
    """What the report is made of; labels and phrases already in the report's language."""

    title: str
    meeting: str
    language: str
    period: tuple[str, str]
    respondents: pd.DataFrame
    answers: pd.DataFrame
    questions: list[QuestionInfo]
    threshold: int = 5
    disclosure_key: str = ""
    texts: ReportTexts = field(default_factory=ReportTexts)
    fields: dict[str, str] = field(default_factory=dict)
    field_summaries: dict[str, str] = field(default_factory=dict)
    question_codes: list[str] | None = None
    themes: list[theme_analysis.ThemeInfo] = field(default_factory=list)
    open_points: str = ""
    language_names: dict[str, str] = field(default_factory=dict)
    group_labels: dict[str, str] = field(default_factory=dict)
    channel_labels: dict[str, str] = field(default_factory=dict)
    format_number: Callable[[float], str] = lambda n: f"{n:,.0f}"
    format_decimal: Callable[[float], str] = lambda n: f"{n:.1f}"
    format_percent: Callable[[float], str] = lambda share: f"{share * 100:.0f} %"


def build(data: ReportInput) -> Report:
    """The report's blocks: method, figures per field of action, themes, quotes, open points."""
    texts = data.texts
    report = Report(
        title=texts.title,
        language=data.language,
        direction=direction(data.language),
        subtitle=f"{data.title} — {data.meeting}" if data.meeting else data.title,
    )
    wanted = set(data.question_codes) if data.question_codes is not None else None
    questions = [q for q in data.questions if wanted is None or q.code in wanted]
    view = publish(data.answers, data.respondents, questions, data.threshold, data.disclosure_key)
    _method(report, data, view.respondents)
    if view.too_few:
        report.add(Paragraph(texts.too_few))
        return report
    if respondent_count(data.respondents) == 0:
        report.add(Paragraph(texts.no_responses))
        return report
    results = {r.question.code: r for r in view.results}
    by_field: dict[str | None, list[QuestionInfo]] = {}
    for question in questions:
        key = question.field_of_action if question.field_of_action in data.fields else None
        by_field.setdefault(key, []).append(question)
    for field_code, label in [*data.fields.items(), (None, texts.other_questions)]:
        if field_code not in by_field and not data.field_summaries.get(field_code or ""):
            continue
        report.add(Heading(label, 2))
        summary_text = data.field_summaries.get(field_code or "", "").strip()
        if summary_text:
            report.add(Paragraph(summary_text, data.language))
        for question in by_field.get(field_code, []):
            _question(report, data, results[question.code])
    _themes(report, data)
    if data.open_points.strip():
        report.add(
            Heading(texts.open_points, 2), Paragraph(data.open_points.strip(), data.language)
        )
    return report


def _value(data: ReportInput, value: float | None, formatter) -> str:
    return data.texts.suppressed if value is None else formatter(value)


def _method(report: Report, data: ReportInput, respondents: int | None) -> None:
    texts = data.texts
    report.add(
        Heading(texts.method, 2),
        Paragraph(texts.period.format(first=data.period[0], last=data.period[1])),
        Paragraph(texts.responses.format(n=_value(data, respondents, data.format_number))),
    )
    if respondents:
        for caption, column, labels in (
            (texts.by_language, "language", data.language_names),
            (texts.by_group, "group", data.group_labels),
            (texts.by_channel, "channel", data.channel_labels),
        ):
            counts = category_counts(data.respondents, column, data.threshold, data.disclosure_key)
            rows = [
                [labels.get(key, key), _value(data, count, data.format_number)]
                for key, count in counts.items()
            ]
            values: list[list[object]] = [[None, count] for count in counts.values()]
            report.add(
                Table(
                    caption, [texts.category, texts.respondents], rows, numeric=(1,), values=values
                )
            )
    report.add(Paragraph(method_statement(data.threshold, texts.suppressed, texts.suppression)))


def _question(report: Report, data: ReportInput, result: Result) -> None:
    texts, question = data.texts, result.question
    report.add(Heading(question.label, 3))
    report.add(
        Paragraph(
            texts.answered.format(
                n=_value(data, result.n, data.format_number),
                no_answer=_value(data, result.no_answer, data.format_number),
            )
        )
    )
    kind = question.kind
    if result.n is None:
        report.add(Paragraph(texts.too_few))
        return
    if kind in ("single_choice", "multiple_choice", "yes_no", "scale"):
        _distribution(report, data, result)
    elif kind == "number":
        _statistics(report, data, result, ("mean", "median"))
    elif kind == "ranking":
        _ranking(report, data, result)
    elif kind in TEXT_KINDS and result.texts_shown:
        languages = ", ".join(data.language_names.get(r.code, r.code) for r in result.rows)
        count = _value(data, result.n, data.format_number)
        report.add(Paragraph(texts.free_text.format(n=count, languages=languages)))
        _quotes(
            report,
            data,
            data.answers[data.answers["question_code"].astype("object") == question.code],
        )


def _distribution(report: Report, data: ReportInput, result: Result) -> None:
    texts, question = data.texts, result.question
    report.add(
        Figure(
            bar_chart(
                [r.label for r in result.rows],
                [r.share for r in result.rows],
                suppressed_label=texts.suppressed,
            ),
            alt=f"{texts.figure}: {question.label}",
        )
    )
    rows = [
        [
            r.label,
            _value(data, r.count, data.format_number),
            _value(data, r.share, data.format_percent),
        ]
        for r in result.rows
    ]
    values: list[list[object]] = [
        [None, r.count, None if r.share is None else Percent(r.share)] for r in result.rows
    ]
    if question.kind == "scale":
        for name, key, fmt in (
            (texts.mean, "mean", data.format_decimal),
            (texts.median, "median", data.format_decimal),
            (texts.top_two, "top_two_share", data.format_percent),
        ):
            value = result.stats.get(key)
            number = value if isinstance(value, float) else None
            rows.append([name, "", _value(data, number, fmt)])
            shown = Percent(number) if number is not None and key == "top_two_share" else number
            values.append([None, None, shown])
    report.add(
        Table(
            question.label,
            [texts.answer, texts.respondents, texts.share],
            rows,
            numeric=(1, 2),
            values=values,
        )
    )


def _statistics(report: Report, data: ReportInput, result: Result, keys: tuple[str, ...]) -> None:
    texts = data.texts
    names = {"mean": texts.mean, "median": texts.median}
    shown = [(k, v) for k in keys if isinstance(v := result.stats.get(k), int | float)]
    rows = [[names[k], data.format_decimal(v)] for k, v in shown]
    values: list[list[object]] = [[None, v] for _k, v in shown]
    report.add(
        Table(
            result.question.label,
            [texts.statistic, texts.value],
            rows,
            numeric=(1,),
            values=values,
        )
    )


def _ranking(report: Report, data: ReportInput, result: Result) -> None:
    texts, question = data.texts, result.question
    rows = [
        [
            r.label,
            _value(data, r.mean_rank, data.format_decimal),
            _value(data, r.count, data.format_number),
        ]
        for r in result.rows
    ]
    values: list[list[object]] = [[None, r.mean_rank, r.count] for r in result.rows]
    report.add(
        Table(
            question.label,
            [texts.answer, texts.mean_rank, texts.ranked_first],
            rows,
            numeric=(1, 2),
            values=values,
        )
    )


def _quotes(report: Report, data: ReportInput, rows: pd.DataFrame) -> None:
    """Only answers facilitators marked as quotes go into a report."""
    if "quote" not in rows:
        return
    marked = rows[rows["quote"].fillna(False).astype(bool)].dropna(subset=["text"])
    for _, row in marked.iterrows():
        language = str(row["language"])
        translation = row.get("translation")
        report.add(
            Quote(
                text=str(row["text"]),
                language=language,
                direction=direction(language),
                translation=translation if isinstance(translation, str) and translation else None,
                source=data.language_names.get(language, language),
            )
        )


def _themes(report: Report, data: ReportInput) -> None:
    if not data.themes:
        return
    texts = data.texts
    report.add(Heading(texts.themes, 2))
    counts = theme_counts(
        data.answers, [t.code for t in data.themes], data.threshold, data.disclosure_key
    )
    rows = [
        [theme.label, _value(data, counts[theme.code], data.format_number)] for theme in data.themes
    ]
    values: list[list[object]] = [[None, counts[theme.code]] for theme in data.themes]
    report.add(
        Table(texts.themes, [texts.theme, texts.respondents], rows, numeric=(1,), values=values)
    )
    if "themes" not in data.answers:
        return
    for theme in data.themes:
        coded = data.answers[
            data.answers["themes"].map(
                lambda t, code=theme.code: isinstance(t, list | tuple) and code in t
            )
        ]
        if "quote" in coded and coded["quote"].fillna(False).astype(bool).any():
            report.add(Heading(theme.label, 3))
            _quotes(report, data, coded)
