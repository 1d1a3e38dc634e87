"""The report's tables and the anonymised answers as XLSX and CSV, safe for spreadsheets."""

from __future__ import annotations

import random

import pandas as pd

from analysis.questions import QuestionInfo
from analysis.report.blocks import Heading, Report, Table
from analysis.report.xlsx import Workbook
from analysis.safe import FORMULA_START

ANSWER_HEADER = (
    "respondent",
    "language",
    "group",
    "channel",
    "date",
    "question",
    "field_of_action",
    "option",
    "option_label",
    "text",
    "number",
    "translation",
)


def anonymised_answers(
    answers: pd.DataFrame,
    questions: list[QuestionInfo],
    *,
    group_labels: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Answers in long format: respondents numbered 1…n in random order (submission order
    could be joined with access logs), rows ordered by that number, submission day only."""
    if answers.empty:
        return pd.DataFrame(columns=list(ANSWER_HEADER))
    first_seen = pd.factorize(answers["response_id"])[0]
    numbers = list(range(1, first_seen.max() + 2))
    random.SystemRandom().shuffle(numbers)
    code = answers["question_code"].astype("object")
    option = answers["option_code"].astype("object")
    fields = {q.code: q.field_of_action or "" for q in questions}
    labels = {
        (q.code, c): q.option_label(c)
        for q in questions
        for c in [o.code for o in q.options] + ["other", "dont_know", "yes", "no"]
    }
    group = answers["group"].astype("object")
    translation = answers["translation"] if "translation" in answers else None
    frame = pd.DataFrame(
        {
            "respondent": [numbers[index] for index in first_seen],
            "language": answers["language"].astype("object"),
            "group": group.map(lambda g: (group_labels or {}).get(g, g)),
            "channel": answers["channel"].astype("object"),
            "date": pd.to_datetime(answers["submitted_at"], utc=True).dt.strftime("%Y-%m-%d"),
            "question": code,
            "field_of_action": code.map(fields),
            "option": option,
            "option_label": [labels.get(pair, "") for pair in zip(code, option, strict=True)],
            "text": answers["text"].astype("object"),
            "number": answers["number"].astype("float64"),
            "translation": translation.astype("object") if translation is not None else None,
        }
    )
    return frame.sort_values("respondent", kind="stable").reset_index(drop=True)


def _guarded(frame: pd.DataFrame) -> pd.DataFrame:
    """Text that a spreadsheet would read as a formula gets a leading apostrophe."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            values = frame[column].where(frame[column].notna(), "").astype(str)
            frame[column] = values.where(~values.str.match(FORMULA_START), "'" + values)
    return frame


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV, comma-separated, UTF-8 with a byte-order mark so spreadsheet programs detect it."""
    text = _guarded(frame).to_csv(index=False, lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def xlsx_bytes(
    report: Report,
    answers: pd.DataFrame,
    *,
    summary_title: str = "Summary",
    answers_title: str = "Answers",
) -> bytes:
    """A workbook: the report's tables on a summary sheet, the anonymised answers after it."""
    rows: list[list] = [[report.title], [report.subtitle]]
    bold = {0}
    heading = ""
    for block in report.blocks:
        if isinstance(block, Heading):
            heading = block.text
        elif isinstance(block, Table):
            # A question's table has no caption of its own (its heading names it).
            rows.append([])
            rows.append([block.caption or heading])
            bold.add(len(rows))
            rows.append(list(block.columns))
            for index, row in enumerate(block.rows):
                values = block.values[index] if block.values else []
                rows.append(
                    [
                        values[column]
                        if column < len(values) and values[column] is not None
                        else text
                        for column, text in enumerate(row)
                    ]
                )
    workbook = Workbook()
    workbook.add_rows(summary_title, rows, right_to_left=report.direction == "rtl", bold_rows=bold)
    workbook.add_frame(answers_title, answers, header=list(answers.columns))
    return workbook.save()
