"""Assemble the report "Input for the integration concept" from answers and facilitators' texts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from analysis import themes as theme_analysis
from analysis.charts import bar_chart
from analysis.frames import respondent_count
from analysis.questions import TEXT_KINDS, QuestionInfo
from analysis.report.blocks import Figure, Heading, Paragraph, Quote, Report, Table
from analysis.summaries import COUNT, Summary, summarise
from analysis.suppression import (
    MARK,
    SUPPRESSION_METHOD,
    method_statement,
    published_count,
    suppress,
)
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
    suppression: str = SUPPRESSION_METHOD
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
    respondents = respondent_count(data.respondents)
    _method(report, data, respondents)
    if respondents == 0:
        report.add(Paragraph(texts.no_responses))
        return report
    wanted = set(data.question_codes) if data.question_codes is not None else None
    questions = [q for q in data.questions if wanted is None or q.code in wanted]
    summaries = summarise(data.answers, questions, respondents)
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
            _question(report, data, summaries[question.code])
    _themes(report, data)
    if data.open_points.strip():
        report.add(
            Heading(texts.open_points, 2), Paragraph(data.open_points.strip(), data.language)
        )
    return report


def _published(data: ReportInput, value: float | None, mask: bool, formatter) -> str:
    if mask or value is None or pd.isna(value):
        return data.texts.suppressed
    return formatter(value)


def _counts_table(data: ReportInput, caption: str, counts: pd.Series, labels: dict) -> Table:
    checked = suppress(counts.to_frame(COUNT), data.threshold)
    rows = [
        [
            labels.get(str(key), str(key)),
            _published(
                data,
                checked.counts.loc[key, COUNT],
                checked.mask.loc[key, COUNT],
                data.format_number,
            ),
        ]
        for key in checked.counts.index
    ]
    return Table(caption, [data.texts.category, data.texts.respondents], rows, numeric=(1,))


def _method(report: Report, data: ReportInput, respondents: int) -> None:
    texts = data.texts
    report.add(
        Heading(texts.method, 2),
        Paragraph(texts.period.format(first=data.period[0], last=data.period[1])),
        Paragraph(texts.responses.format(n=data.format_number(respondents))),
    )
    if respondents:
        frame = data.respondents
        for caption, column, labels in (
            (texts.by_language, "language", data.language_names),
            (texts.by_group, "group", data.group_labels),
            (texts.by_channel, "channel", data.channel_labels),
        ):
            counts = frame[column].astype("object").fillna("—").value_counts()
            report.add(_counts_table(data, caption, counts, labels))
    report.add(Paragraph(method_statement(data.threshold, texts.suppression, texts.suppressed)))


def _question(report: Report, data: ReportInput, summary: Summary) -> None:
    texts, question = data.texts, summary.question
    report.add(Heading(question.label, 3))
    report.add(
        Paragraph(
            texts.answered.format(
                n=_count(data, summary.n), no_answer=_count(data, summary.no_answer)
            )
        )
    )
    kind = question.kind
    if summary.n and summary.n < data.threshold and kind not in TEXT_KINDS:
        # Too few answers for any figure; marked quotes of free text may still be shown.
        report.add(Paragraph(method_statement(data.threshold, texts.suppression, texts.suppressed)))
        return
    if kind in ("single_choice", "multiple_choice", "yes_no", "scale"):
        _distribution(report, data, summary)
    elif kind == "number":
        _statistics(report, data, summary, ("mean", "median", "min", "max"))
    elif kind == "ranking":
        _ranking(report, data, summary)
    elif kind in TEXT_KINDS:
        if summary.n >= data.threshold:
            languages = ", ".join(
                data.language_names.get(str(code), str(code)) for code in summary.table.index
            )
            count = data.format_number(summary.n)
        else:
            languages = count = texts.suppressed
        report.add(Paragraph(texts.free_text.format(n=count, languages=languages)))
        _quotes(
            report,
            data,
            data.answers[data.answers["question_code"].astype("object") == question.code],
        )


def _count(data: ReportInput, n: int) -> str:
    """A respondent count as published: the suppression mark when 0 < n < threshold."""
    published = published_count(n, data.threshold)
    return data.texts.suppressed if published is None else data.format_number(published)


def _distribution(report: Report, data: ReportInput, summary: Summary) -> None:
    texts, question = data.texts, summary.question
    counts = summary.table[COUNT]
    base = summary.stats.get("valid", summary.n) if question.kind == "scale" else summary.n
    checked = suppress(
        counts.to_frame(COUNT), data.threshold, column_totals=pd.Series({COUNT: base})
    )
    shares = checked.shares()[COUNT]
    labels = [question.answer_label(code) for code in counts.index]
    report.add(
        Figure(
            bar_chart(
                labels,
                [None if pd.isna(s) else float(s) for s in shares],
                suppressed_label=texts.suppressed,
            ),
            alt=f"{texts.figure}: {question.label}",
        )
    )
    rows = [
        [
            label,
            _published(
                data,
                checked.counts.loc[code, COUNT],
                checked.mask.loc[code, COUNT],
                data.format_number,
            ),
            _published(data, shares.loc[code], False, data.format_percent),
        ]
        for code, label in zip(counts.index, labels, strict=True)
    ]
    if question.kind == "scale":
        if summary.dont_know:
            rows.append(
                [
                    texts.dont_know,
                    _count(data, summary.dont_know),
                    "",
                ]
            )
        stats = summary.stats
        for name, key, fmt in (
            (texts.mean, "mean", data.format_decimal),
            (texts.median, "median", data.format_decimal),
            (texts.top_two, "top_two_share", data.format_percent),
        ):
            value = stats.get(key)
            if isinstance(value, int | float):
                rows.append([name, "", fmt(value)])
    report.add(
        Table(question.label, [texts.answer, texts.respondents, texts.share], rows, numeric=(1, 2))
    )


def _statistics(report: Report, data: ReportInput, summary: Summary, keys: tuple[str, ...]) -> None:
    texts = data.texts
    names = {"mean": texts.mean, "median": texts.median, "min": texts.minimum, "max": texts.maximum}
    rows = [
        [names[k], data.format_decimal(value)]
        for k in keys
        if isinstance(value := summary.stats.get(k), int | float)
    ]
    report.add(Table(summary.question.label, [texts.statistic, texts.value], rows, numeric=(1,)))


def _ranking(report: Report, data: ReportInput, summary: Summary) -> None:
    texts, question = data.texts, summary.question
    rows = [
        [
            question.option_label(str(code)),
            data.format_decimal(row["mean_rank"])
            if pd.notna(row["mean_rank"])
            else texts.suppressed,
            _count(data, int(row["first"])),
        ]
        for code, row in summary.table.iterrows()
    ]
    report.add(
        Table(
            question.label,
            [texts.answer, texts.mean_rank, texts.ranked_first],
            rows,
            numeric=(1, 2),
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
    checked = theme_analysis.counts(data.answers, data.themes, None, data.threshold)
    rows = [
        [
            theme.label,
            _published(
                data,
                checked.counts.loc[theme.code, "respondents"],
                checked.mask.loc[theme.code, "respondents"],
                data.format_number,
            ),
        ]
        for theme in data.themes
    ]
    report.add(Table(texts.themes, [texts.theme, texts.respondents], rows, numeric=(1,)))
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
