"""The report's tables and the anonymised answers as XLSX and CSV, safe for spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pandas as pd

from analysis.questions import QuestionInfo
from analysis.report.blocks import Report, Table
from analysis.safe import safe_cell

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
) -> list[list]:
    """Answers in long format: respondents numbered 1…n, submission date only, no ids."""
    by_code = {q.code: q for q in questions}
    numbers = {rid: n for n, rid in enumerate(pd.unique(answers["response_id"]), start=1)}
    group_labels = group_labels or {}
    translations = answers["translation"] if "translation" in answers else [None] * len(answers)
    rows = []
    for record, translation in zip(answers.itertuples(index=False), translations, strict=True):
        question = by_code.get(str(record.question_code))
        option = record.option_code if isinstance(record.option_code, str) else ""
        submitted = record.submitted_at
        rows.append(
            [
                numbers[record.response_id],
                str(record.language),
                group_labels.get(
                    str(record.group), "" if pd.isna(record.group) else str(record.group)
                ),
                str(record.channel),
                submitted.date().isoformat() if not pd.isna(submitted) else "",
                str(record.question_code),
                (question.field_of_action or "") if question else "",
                option,
                question.option_label(option) if question and option else "",
                record.text if isinstance(record.text, str) else "",
                None if pd.isna(record.number) else float(record.number),
                translation if isinstance(translation, str) else "",
            ]
        )
    return rows


def csv_bytes(rows: list[list], header: tuple[str, ...] = ANSWER_HEADER) -> bytes:
    """CSV, comma-separated, UTF-8 with a byte-order mark so spreadsheet programs detect it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else safe_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(
    report: Report,
    rows: list[list],
    *,
    summary_title: str = "Summary",
    answers_title: str = "Answers",
    header: tuple[str, ...] = ANSWER_HEADER,
    progress: Callable[[int], None] | None = None,
) -> bytes:
    """A workbook: the report's tables on a summary sheet, the anonymised answers on another."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    summary = workbook.create_sheet(summary_title[:31])
    if report.direction == "rtl":
        summary.sheet_view.rightToLeft = True
    summary.append([safe_cell(report.title)])
    summary.append([safe_cell(report.subtitle)])
    for block in report.blocks:
        if not isinstance(block, Table):
            continue
        summary.append([])
        summary.append([safe_cell(block.caption)])
        summary.append([safe_cell(c) for c in block.columns])
        for row in block.rows:
            summary.append([safe_cell(v) for v in row])
    sheet = workbook.create_sheet(answers_title[:31])
    bold = Font(bold=True)
    from openpyxl.cell import WriteOnlyCell

    header_cells = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for index, row in enumerate(rows):
        sheet.append([safe_cell(v) for v in row])
        if progress and index % 100_000 == 0:
            progress(index)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
