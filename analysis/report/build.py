"""Assemble the report "Input for the integration concept" from answers and facilitators' texts."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis import themes as theme_analysis
from analysis.charts import bar_chart, text_alternative
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
from analysis.report.blocks import (
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Percent,
    Quote,
    Report,
    Table,
)
from analysis.suppression import MARK
from analysis.text.tokens import base_language

RTL_LANGUAGES = {"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv"}


def direction(language: str) -> str:
    return "rtl" if base_language(language) in RTL_LANGUAGES else "ltr"


def text_direction(text: str, default: str = "ltr") -> str:
    """The direction of a text by its first strong character (as dir="auto" would): a
    German sentence left untranslated in an Arabic report stays left-to-right."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return default


def isolate(text: str) -> str:
    """Text wrapped in Unicode first-strong isolates (FSI … PDI): an item of a mixed-script
    list keeps its own direction and cannot pull the commas or full stops around it over."""
    return f"\u2068{text}\u2069"


def isolated_list(items: list[str]) -> str:
    return ", ".join(isolate(item) for item in items)


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
    suppressed: str = MARK
    no_responses: str = "No responses yet."
    other_questions: str = "Other questions"
    committee: str = "Committee"
    meeting: str = "Meeting"
    agenda_item: str = "Agenda item"
    paper_number: str = "Paper number"
    report_date: str = "Date of the report"
    summary: str = "Summary"
    summary_line: str = "{n} respondents answered between {first} and {last}."
    top_themes: str = "Most frequent themes: {themes}."
    invitations: str = "{sent} personal invitations were sent; {answered} were used to answer."
    languages_line: str = "Languages of the answers: {languages}."
    self_selection: str = (
        "Everyone who answered chose to take part. The answers show the views of those who "
        "took part; they are not representative of the population."
    )
    too_few: str = "Too few answers to show."
    themes_by_group: str = "Themes by stakeholder group"
    themes_by_language: str = "Themes by language"
    annex: str = "Annex: the questions"
    number: str = "No."
    question: str = "Question"
    field_of_action: str = "Field of action"
    page: str = "Page {page} of {pages}"
    translation: str = "Translation"
    by_group_crosstab: str = "Stakeholder group"
    by_language_crosstab: str = "Language"


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
    # Per question code, the respondents shown it where a condition hid it from others.
    shown: dict[str, list[Any]] | None = None
    themes: list[theme_analysis.ThemeInfo] = field(default_factory=list)
    open_points: str = ""
    language_names: dict[str, str] = field(default_factory=dict)
    group_labels: dict[str, str] = field(default_factory=dict)
    channel_labels: dict[str, str] = field(default_factory=dict)
    format_number: Callable[[float], str] = lambda n: f"{n:,.0f}"
    format_decimal: Callable[[float], str] = lambda n: f"{n:.1f}"
    format_percent: Callable[[float], str] = lambda share: f"{share * 100:.0f} %"
    committee: str = ""
    meeting_date: str = ""
    agenda_item: str = ""
    paper_number: str = ""
    report_date: str = ""
    invitations_sent: int | None = None
    invitations_answered: int | None = None
    # Cross-tabs to print below closed questions: any of "group", "language".
    crosstabs: tuple[str, ...] = ()


def build(data: ReportInput) -> Report:
    """The report's blocks: title page, summary, method, results by field of action (questions
    and coded themes), open points and an annex with every question."""
    texts = data.texts
    report = Report(
        title=data.title or texts.title,
        language=data.language,
        direction=direction(data.language),
        subtitle=texts.title,
        subject=data.title,
        date=data.report_date,
        page_label=texts.page,
        translation_label=texts.translation,
    )
    for label, value in (
        (texts.committee, data.committee),
        (texts.meeting, data.meeting_date or ("" if data.committee else data.meeting)),
        (texts.agenda_item, data.agenda_item),
        (texts.paper_number, data.paper_number),
        (texts.report_date, data.report_date),
    ):
        if value:
            report.title_lines.append((label, value))
    state = _State()
    wanted = set(data.question_codes) if data.question_codes is not None else None
    questions = [q for q in data.questions if wanted is None or q.code in wanted]
    numbers = {q.code: index for index, q in enumerate(data.questions, start=1)}
    view = publish(
        data.answers,
        data.respondents,
        questions,
        data.threshold,
        data.disclosure_key,
        shown=data.shown,
        crosstabs=bool(data.crosstabs),
    )
    _summary(report, data, view.respondents)
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
    themes_by_field: dict[str | None, list[theme_analysis.ThemeInfo]] = {}
    for theme in data.themes:
        key = theme.field_of_action if theme.field_of_action in data.fields else None
        themes_by_field.setdefault(key, []).append(theme)
    for field_code, label in [*data.fields.items(), (None, texts.other_questions)]:
        summary_text = data.field_summaries.get(field_code or "", "").strip()
        if field_code not in by_field and field_code not in themes_by_field and not summary_text:
            continue
        report.add(Heading(label, 2))
        if summary_text:
            report.add(Paragraph(summary_text, data.language))
        for question in by_field.get(field_code, []):
            _question(report, data, results[question.code], numbers[question.code], state)
        _themes(report, data, themes_by_field.get(field_code, []), state)
    if data.open_points.strip():
        report.add(
            Heading(texts.open_points, 2), Paragraph(data.open_points.strip(), data.language)
        )
    _annex(report, data, numbers)
    return report


@dataclass
class _State:
    """What has been printed already: each marked quote appears once in a report."""

    quoted: set = field(default_factory=set)


def _summary(report: Report, data: ReportInput, respondents: int | None) -> None:
    texts = data.texts
    report.add(Heading(texts.summary, 2))
    report.add(
        Paragraph(
            texts.summary_line.format(
                n=_value(data, respondents, data.format_number),
                first=isolate(data.period[0]),
                last=isolate(data.period[1]),
            )
        )
    )
    if respondents and data.themes:
        counts = theme_counts(
            data.answers, [t.code for t in data.themes], data.threshold, data.disclosure_key
        )
        published = [
            (n, t.label) for t in data.themes if (n := counts[t.code]) is not None and n > 0
        ]
        published.sort(key=lambda item: -item[0])
        if published:
            items = [f"{label} ({data.format_number(n)})" for n, label in published[:5]]
            report.add(Paragraph(texts.top_themes.format(themes=isolated_list(items))))


def _value(data: ReportInput, value: float | None, formatter) -> str:
    return data.texts.suppressed if value is None else formatter(value)


def _method(report: Report, data: ReportInput, respondents: int | None) -> None:
    texts = data.texts
    report.add(
        Heading(texts.method, 2),
        Paragraph(texts.period.format(first=isolate(data.period[0]), last=isolate(data.period[1]))),
        Paragraph(texts.responses.format(n=_value(data, respondents, data.format_number))),
    )
    if data.invitations_sent:
        used = data.invitations_answered or 0
        report.add(
            Paragraph(
                texts.invitations.format(
                    sent=data.format_number(data.invitations_sent),
                    answered=_value(
                        data, None if 0 < used < data.threshold else used, data.format_number
                    ),
                )
            )
        )
    if respondents:
        for caption, column, labels in (
            (texts.by_channel, "channel", data.channel_labels),
            (texts.by_language, "language", data.language_names),
            (texts.by_group, "group", data.group_labels),
        ):
            if data.respondents[column].isna().all():
                continue  # no groups (or channels) recorded: no table of dashes
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
    report.add(Paragraph(texts.self_selection))


def _question(
    report: Report, data: ReportInput, result: Result, number: int, state: _State
) -> None:
    texts, question = data.texts, result.question
    report.add(Heading(f"{number}. {question.label}", 3))
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
        # Too few answers for any figure; the method section states the rule once.
        report.add(Paragraph(texts.too_few))
        return
    if kind in ("single_choice", "multiple_choice", "yes_no", "consent", "scale"):
        _distribution(report, data, result)
        _crosstabs(report, data, result)
    elif kind == "number":
        _statistics(report, data, result, ("mean", "median"))
    elif kind == "ranking":
        _ranking(report, data, result)
    elif kind == "matrix":
        _matrix(report, data, result)
    elif kind in TEXT_KINDS and result.texts_shown:
        languages = isolated_list([data.language_names.get(r.code, r.code) for r in result.rows])
        count = _value(data, result.n, data.format_number)
        report.add(Paragraph(texts.free_text.format(n=count, languages=languages)))
        _quotes(
            report,
            data,
            data.answers[data.answers["question_code"].astype("object") == question.code],
            state,
        )


def _distribution(report: Report, data: ReportInput, result: Result) -> None:
    texts, question = data.texts, result.question
    labels = [r.label for r in result.rows]
    shares = [r.share for r in result.rows]
    report.add(
        Figure(
            bar_chart(
                labels,
                shares,
                suppressed_label=texts.suppressed,
                right_to_left=direction(data.language) == "rtl",
            ),
            alt=text_alternative(labels, shares, suppressed_label=texts.suppressed),
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
            "",
            [texts.answer, texts.respondents, texts.share],
            rows,
            numeric=(1, 2),
            values=values,
        )
    )


def _crosstabs(report: Report, data: ReportInput, result: Result) -> None:
    """The chosen cross-tabs (answers by group or language), cells exactly as published."""
    texts = data.texts
    for table in result.crosstabs:
        if table.by not in data.crosstabs or len(table.columns) < 2:
            continue  # one column would repeat the distribution above
        caption, labels = (
            (texts.by_group_crosstab, data.group_labels)
            if table.by == "group"
            else (texts.by_language_crosstab, data.language_names)
        )
        header = [texts.answer, *(labels.get(c, c) for c in table.columns)]
        lines = [*((label, counts) for _code, label, counts in table.rows)]
        lines.append((texts.respondents, table.totals))
        rows = [
            [label, *(_value(data, c, data.format_number) for c in counts)]
            for label, counts in lines
        ]
        values: list[list[object]] = [[None, *counts] for _label, counts in lines]
        report.add(
            Table(
                f"{result.question.label} · {caption}",
                header,
                rows,
                numeric=tuple(range(1, len(header))),
                values=values,
            )
        )


def _statistics(report: Report, data: ReportInput, result: Result, keys: tuple[str, ...]) -> None:
    texts = data.texts
    names = {"mean": texts.mean, "median": texts.median}
    shown = [(k, v) for k in keys if isinstance(v := result.stats.get(k), int | float)]
    rows = [[names[k], data.format_decimal(v)] for k, v in shown]
    values: list[list[object]] = [[None, v] for _k, v in shown]
    report.add(Table("", [texts.statistic, texts.value], rows, numeric=(1,), values=values))


def _ranking(report: Report, data: ReportInput, result: Result) -> None:
    texts = data.texts
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
            "",
            [texts.answer, texts.mean_rank, texts.ranked_first],
            rows,
            numeric=(1, 2),
            values=values,
        )
    )


def _matrix(report: Report, data: ReportInput, result: Result) -> None:
    texts = data.texts
    rows = [
        [
            r.label,
            _value(data, r.count, data.format_number),
            _value(data, r.mean, data.format_decimal),
        ]
        for r in result.rows
    ]
    values: list[list[object]] = [[None, r.count, r.mean] for r in result.rows]
    report.add(
        Table(
            "", [texts.answer, texts.respondents, texts.mean], rows, numeric=(1, 2), values=values
        )
    )


def _quotes(report: Report, data: ReportInput, rows: pd.DataFrame, state: _State) -> None:
    """Only answers facilitators marked as quotes go into a report, each one once."""
    if "quote" not in rows:
        return
    marked = rows[rows["quote"].fillna(False).astype(bool)].dropna(subset=["text"])
    for index, row in marked.iterrows():
        key = row["answer_id"] if "answer_id" in row and pd.notna(row["answer_id"]) else index
        if key in state.quoted:
            continue
        state.quoted.add(key)
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


def _theme_table(data: ReportInput, themes: list, by: str | None, caption: str, labels: dict):
    """Respondents per theme through the published-figures path, overall (one row per theme)
    or by group or language (one row per group or language, one column per theme)."""
    codes = [theme.code for theme in themes]

    def counts(answers: pd.DataFrame) -> dict[str, int | None]:
        return theme_counts(answers, codes, data.threshold, data.disclosure_key)

    if by is None:
        overall = counts(data.answers)
        rows = [
            [theme.label, _value(data, overall[theme.code], data.format_number)] for theme in themes
        ]
        values: list[list[object]] = [[None, overall[theme.code]] for theme in themes]
        return Table(
            caption,
            [data.texts.theme, data.texts.respondents],
            rows,
            numeric=(1,),
            values=values,
        )
    column = data.answers[by].astype("object") if by in data.answers else None
    if column is None or column.isna().all():
        return None
    categories = [c for c in column.dropna().unique().tolist()]
    if len(categories) < 2:
        return None  # one row would repeat the overall count
    order = list(labels) + sorted(str(c) for c in categories if str(c) not in labels)
    categories = [c for c in order if c in set(map(str, categories))]
    per = {c: counts(data.answers[column == c]) for c in categories}
    rows = [
        [labels.get(c, c)] + [_value(data, per[c][code], data.format_number) for code in codes]
        for c in categories
    ]
    values = [[None, *(per[c][code] for code in codes)] for c in categories]
    return Table(
        caption,
        [data.texts.category, *(theme.label for theme in themes)],
        rows,
        numeric=tuple(range(1, len(themes) + 1)),
        values=values,
    )


def _themes(report: Report, data: ReportInput, themes: list, state: _State) -> None:
    """A field's coded themes: counts overall, by group and by language, then their quotes."""
    if not themes:
        return
    texts = data.texts
    report.add(Heading(texts.themes, 3))
    for by, caption, labels in (
        (None, "", {}),
        ("group", texts.themes_by_group, data.group_labels),
        ("language", texts.themes_by_language, data.language_names),
    ):
        table = _theme_table(data, themes, by, caption, labels)
        if table is not None:
            report.add(table)
    if "themes" not in data.answers:
        return
    for theme in themes:
        coded = data.answers[
            data.answers["themes"].map(
                lambda t, code=theme.code: isinstance(t, list | tuple) and code in t
            )
        ]
        if "quote" in coded and coded["quote"].fillna(False).astype(bool).any():
            before = len(report.blocks)
            report.add(Heading(theme.label, 4))
            _quotes(report, data, coded, state)
            if len(report.blocks) == before + 1:
                report.blocks.pop()  # every quote of this theme was printed already


def _annex(report: Report, data: ReportInput, numbers: dict[str, int]) -> None:
    """Every question of the questionnaire in order, with its field of action."""
    texts = data.texts
    rows = [
        [
            data.format_number(numbers[q.code]),
            q.label,
            data.fields.get(q.field_of_action or "", ""),
        ]
        for q in data.questions
    ]
    report.add(
        PageBreak(),
        Heading(texts.annex, 2),
        Table("", [texts.number, texts.question, texts.field_of_action], rows, numeric=(0,)),
    )
