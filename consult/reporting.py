"""The bridge from the database to `analysis`: frames, localised labels, translated phrases.

Views, the CLI and the API all go through here so that every figure is computed the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from flask_babel import format_decimal, format_number, format_percent
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from analysis.filters import Filters
from analysis.filters import apply as apply_filters
from analysis.frames import VALUE_COLUMNS, answers_frame, respondents_frame
from analysis.questions import OptionInfo, QuestionInfo
from analysis.report.build import ReportInput, ReportTexts
from analysis.themes import ThemeInfo
from consult.i18n import language_name
from consult.system import require_pdf
from surveys.answering.visibility import visible_questions
from surveys.export import answer_rows, coding_rows, respondent_rows
from surveys.models import Consultation, Invitation, ReportSettings, Theme
from surveys.texts import pick
from surveys.vocabulary import CHANNEL_LABELS, FIELD_OF_ACTION_LABELS, FieldOfAction


@dataclass
class Data:
    """A consultation's answers as frames, with its questions and themes, in one language."""

    consultation: Consultation
    language: str
    answers: pd.DataFrame
    respondents: pd.DataFrame
    questions: list[QuestionInfo]
    themes: list[ThemeInfo]
    # Per question, the respondents shown it; None when no condition hides anything.
    shown: dict[str, list[Any]] | None = None


def _text(consultation: Consultation, texts: dict | None, language: str) -> str:
    return pick(texts, language, consultation.languages)


def question_infos(consultation: Consultation, language: str) -> list[QuestionInfo]:
    """Questions with their labels in `language` (falling back to the source language)."""
    extra = {"other": _("Other"), "dont_know": _("Don't know"), "yes": _("Yes"), "no": _("No")}
    infos = []
    for q in consultation.questions:
        settings = q.settings
        infos.append(
            QuestionInfo(
                code=q.code,
                kind=q.kind,
                label=_text(consultation, q.prompt, language) or q.code,
                field_of_action=q.field_of_action,
                options=tuple(
                    OptionInfo(o.code, _text(consultation, o.label, language) or o.code)
                    for o in q.options
                ),
                scale_min=int(settings.get("min", 1)),
                scale_max=int(settings.get("max", 5)),
                scale_min_label=_text(consultation, settings.get("min_label"), language),
                scale_max_label=_text(consultation, settings.get("max_label"), language),
                allows_dont_know=bool(settings.get("dont_know")),
                allows_other=bool(settings.get("other")),
                extra_labels={**extra, "yes": _("Agreed")} if q.kind == "consent" else extra,
            )
        )
    return infos


def themes(session: Session, consultation: Consultation, language: str) -> list[ThemeInfo]:
    rows = session.scalars(
        select(Theme).where(Theme.consultation_id == consultation.id).order_by(Theme.position)
    )
    return [
        ThemeInfo(
            t.code,
            _text(consultation, t.label, language) or t.code,
            t.description,
            t.field_of_action,
            t.colour,
        )
        for t in rows
    ]


def load(
    session: Session, consultation: Consultation, language: str, filters: Filters | None = None
) -> Data:
    """Frames of the submitted, visible answers with the facilitators' coding joined."""
    respondents = respondents_frame(list(respondent_rows(session, consultation)))
    rows = answer_rows(session, consultation, with_answer_id=True)
    answers = answers_frame(rows, ("answer_id", *VALUE_COLUMNS), respondents)
    coding = coding_rows(session, consultation, language)
    empty = (None, (), False, False)
    looked_up = [coding.get(answer_id, empty) for answer_id in answers["answer_id"]]
    answers["translation"] = [c[0] for c in looked_up]
    answers["themes"] = [c[1] for c in looked_up]
    answers["quote"] = [c[2] for c in looked_up]
    answers["publish_quote"] = [c[3] for c in looked_up]
    if filters is not None:
        respondents, answers = apply_filters(respondents, answers, filters)
    return Data(
        consultation,
        language,
        answers,
        respondents,
        question_infos(consultation, language),
        themes(session, consultation, language),
        shown_to(consultation, respondents, answers),
    )


def shown_to(
    consultation: Consultation, respondents: pd.DataFrame, answers: pd.DataFrame
) -> dict[str, list[Any]] | None:
    """Per question code, the respondents it was shown to, by evaluating the conditions on
    each response's answers; None when the questionnaire has no condition."""
    questions = consultation.questions
    if not any(q.show_if or q.section.show_if for q in questions):
        return None
    rows: dict[Any, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    columns = answers[["response_id", "question_code", "option_code", "number"]]
    for response_id, code, option, number in columns.itertuples(index=False):
        row: dict[str, Any] = {}
        if isinstance(option, str) and option:
            row["option_code"] = option
        elif number is not None and not pd.isna(number):
            row["number"] = float(number)
        rows[response_id][str(code)].append(row)
    shown: dict[str, list[Any]] = {q.code: [] for q in questions}
    for response_id in respondents["response_id"].unique() if len(respondents) else []:
        for question in visible_questions(questions, rows.get(response_id, {})):
            shown[question.code].append(response_id)
    return shown


def report_texts() -> ReportTexts:
    """The report's fixed phrases in the current locale."""
    return ReportTexts(
        title=_("Input for the integration concept"),
        method=_("Method"),
        period=_("Period: {first} to {last}"),
        responses=_("Responses: {n}"),
        by_language=_("Responses by language"),
        by_group=_("Responses by stakeholder group"),
        by_channel=_("Responses by channel"),
        category=_("Category"),
        respondents=_("Respondents"),
        answer=_("Answer"),
        share=_("Share"),
        answered=_("{n} answered, {no_answer} gave no answer."),
        mean=_("Mean"),
        median=_("Median"),
        minimum=_("Minimum"),
        maximum=_("Maximum"),
        top_two=_("Top two"),
        dont_know=_("Don't know"),
        mean_rank=_("Mean rank"),
        ranked_first=_("Ranked first"),
        free_text=_("{n} free-text answers; languages: {languages}."),
        figure=_("Figure"),
        statistic=_("Statistic"),
        value=_("Value"),
        themes=_("Themes"),
        theme=_("Theme"),
        open_points=_("Open points"),
        suppression=_(
            "Figures are protected against re-identification: every count is changed at random "
            "by at most {noise} (the same people always get the same change), counts below "
            "{threshold} are not shown (marked “{mark}”), and percentages, means and medians are "
            "computed from the published counts. Percentages are shares of everyone who "
            "answered the question, including “don't know”; means and medians leave “don't "
            "know” out."
        ),
        too_few=_("Too few answers to show."),
        no_responses=_("No responses yet."),
        other_questions=_("Other questions"),
        committee=_("Committee"),
        meeting=_("Meeting"),
        agenda_item=_("Agenda item"),
        paper_number=_("Paper number"),
        report_date=_("Date of the report"),
        summary=_("Summary"),
        summary_line=_("{n} respondents answered between {first} and {last}."),
        top_themes=_("Most frequent themes: {themes}."),
        invitations=_("{sent} personal invitations were sent; {answered} were used to answer."),
        self_selection=_(
            "Everyone who answered chose to take part. The answers show the views of those "
            "who took part; they are not representative of the population."
        ),
        themes_by_group=_("Themes by stakeholder group"),
        themes_by_language=_("Themes by language"),
        annex=_("Annex: the questions"),
        number=_("No."),
        question=_("Question"),
        field_of_action=_("Field of action"),
        page=_("Page {page} of {pages}"),
        translation=_("Translation"),
        by_group_crosstab=_("Stakeholder group"),
        by_language_crosstab=_("Language"),
    )


def settings_of(session: Session, consultation: Consultation) -> ReportSettings:
    """The consultation's report settings; empty, unsaved ones while nobody has saved any
    (reading a report writes nothing)."""
    settings = session.scalar(
        select(ReportSettings).where(ReportSettings.consultation_id == consultation.id)
    )
    if settings is None:
        settings = ReportSettings(
            consultation_id=consultation.id,
            fields=[],
            questions=[],
            summaries={},
            open_points={},
            public_results=False,
        )
    return settings


# Report settings keep the chosen cross-tabs under this key of `summaries` (no field of
# action code starts with "_"): {"group": "1", "language": "1"}.
CROSSTABS_KEY = "_crosstabs"
CROSSTAB_BY = ("group", "language")


def crosstabs_of(settings: ReportSettings | None) -> tuple[str, ...]:
    """The cross-tabs (answers by "group", "language") chosen for the report."""
    chosen = (settings.summaries or {}).get(CROSSTABS_KEY, {}) if settings else {}
    return tuple(by for by in CROSSTAB_BY if chosen.get(by))


def field_labels(
    consultation: Consultation,
    chosen: list[str] | None = None,
    themes: Sequence[ThemeInfo] = (),
) -> dict[str, str]:
    """Fields of action of the questionnaire and of its coded themes, in the order of the
    integration concept."""
    used = {q.field_of_action for q in consultation.questions if q.field_of_action}
    used |= {t.field_of_action for t in themes if t.field_of_action}
    return {
        f.value: _(FIELD_OF_ACTION_LABELS[f])
        for f in FieldOfAction
        if f.value in used and (not chosen or f.value in chosen)
    }


def report_input(
    session: Session, data: Data, settings: ReportSettings | None = None
) -> ReportInput:
    """Everything the report needs, localised in the current locale and `data.language`."""
    from flask_babel import format_date

    consultation, language = data.consultation, data.language
    chosen_fields = list(settings.fields) if settings else []
    chosen_questions = list(settings.questions) if settings and settings.questions else None
    submitted = data.respondents["submitted_at"]
    period = (
        (format_date(submitted.min().to_pydatetime()), format_date(submitted.max().to_pydatetime()))
        if len(submitted)
        else ("—", "—")
    )
    meeting = consultation.meeting
    # Committee names in the report's language where staff translated them, else German.
    committee = _text(consultation, meeting.committee_names(), language) if meeting else ""
    meeting_line = (
        f"{committee}, {format_date(meeting.starts_at, 'long')}"
        + (f", {meeting.agenda_item}" if meeting.agenda_item else "")
        if meeting
        else ""
    )
    invited = session.execute(
        select(func.count(Invitation.id), func.count(Invitation.used_at)).where(
            Invitation.consultation_id == consultation.id, Invitation.sent_at.is_not(None)
        )
    ).one()
    summaries = {
        code: pick(texts, language, consultation.languages)
        for code, texts in (settings.summaries.items() if settings else [])
        if code != CROSSTABS_KEY
    }
    return ReportInput(
        title=_text(consultation, consultation.title, language),
        meeting=meeting_line,
        language=language,
        period=period,
        respondents=data.respondents,
        answers=data.answers,
        questions=data.questions,
        threshold=consultation.small_cell_threshold,
        disclosure_key=consultation.disclosure_key or "",
        texts=report_texts(),
        fields=field_labels(consultation, chosen_fields, data.themes),
        field_summaries=summaries,
        question_codes=chosen_questions,
        shown=data.shown,
        themes=data.themes,
        open_points=pick(settings.open_points, language, consultation.languages)
        if settings
        else "",
        language_names={code: language_name(code) for code in consultation.languages},
        group_labels={g.code: _text(consultation, g.label, language) for g in consultation.groups},
        channel_labels={k: _(v) for k, v in CHANNEL_LABELS.items()},
        format_number=lambda n: format_number(int(round(n))),
        format_decimal=lambda n: format_decimal(n, format="#,##0.0"),
        format_percent=lambda share: format_percent(share, format="#,##0 %"),
        committee=committee,
        meeting_date=format_date(meeting.starts_at, "long") if meeting else "",
        agenda_item=meeting.agenda_item if meeting else "",
        paper_number=meeting.paper_number if meeting else "",
        report_date=format_date(date.today(), "long"),
        invitations_sent=int(invited[0]),
        invitations_answered=int(invited[1]),
        crosstabs=crosstabs_of(settings),
    )


FORMATS = {
    "html": ("text/html; charset=utf-8", "html"),
    "pdf": ("application/pdf", "pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "csv": ("text/csv; charset=utf-8", "csv"),
}


def render(
    session: Session,
    consultation: Consultation,
    fmt: str,
    language: str,
    filters: Filters | None = None,
) -> tuple[bytes, str, str]:
    """The report (or the answers, for csv) as bytes with its MIME type and a file name."""
    from analysis.report import build, docx, html, pdf, spreadsheets

    if fmt == "pdf":
        require_pdf()  # before any work: a missing library is a clear page, not a 500
    data = load(session, consultation, language, filters)
    mimetype, extension = FORMATS[fmt]
    filtered = filters is not None and filters.active
    suffix = "-filtered" if filtered else ""
    filename = f"{consultation.slug}-{language}{suffix}.{extension}"
    rows = None
    if fmt in ("csv", "xlsx"):
        groups = {g.code: _text(consultation, g.label, language) for g in consultation.groups}
        rows = spreadsheets.anonymised_answers(data.answers, data.questions, group_labels=groups)
        if fmt == "csv":
            return spreadsheets.csv_bytes(rows), mimetype, filename
    source = report_input(session, data, settings_of(session, consultation))
    if filtered:
        source.title = _("%(title)s (filtered)", title=source.title)
    report = build.build(source)
    if fmt == "html":
        return html.document(report).encode("utf-8"), mimetype, filename
    if fmt == "pdf":
        return pdf.render(report), mimetype, filename
    if fmt == "docx":
        return docx.render(report), mimetype, filename
    return (
        spreadsheets.xlsx_bytes(
            report, rows, summary_title=_("Summary"), answers_title=_("Answers")
        ),
        mimetype,
        filename,
    )
