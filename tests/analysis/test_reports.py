from __future__ import annotations

import csv
import io
import shutil
import subprocess

import openpyxl
import pytest
from docx import Document

from analysis.frames import answers_frame, respondents_frame
from analysis.report import build, docx, html, pdf, spreadsheets
from analysis.report.build import ReportInput
from analysis.safe import FORMULA_START
from analysis.themes import ThemeInfo
from tests.analysis.conftest import QUESTIONS, row

FORMULAS = ["=1+1", "+49 30 1234567", "-rm -rf", "@SUM(A1)", "\t=tab", " =space first"]


def _coded(answers):
    answers = answers.assign(themes=[()] * len(answers), quote=False, translation=None)
    for index in answers[answers["question_code"] == "wishes"].index:
        answers.at[index, "themes"] = ("housing",)
    arabic = answers[answers["text"] == "نحتاج إلى سكن"].index[0]
    answers.at[arabic, "quote"] = True
    answers.at[arabic, "translation"] = "Wir brauchen Wohnraum"
    return answers


def _input(answers, language="de", **kw):
    return ReportInput(
        title="Integrationsgipfel",
        meeting="Ausschuss für Jugend, Soziales und Integration, 23. März 2027",
        language=language,
        period=("01.02.2027", "28.02.2027"),
        respondents=respondents_frame(None, answers),
        answers=answers,
        questions=QUESTIONS,
        threshold=kw.pop("threshold", 1),
        fields={"housing": "Wohnen", "safety": "Sicherheit und Ordnung"},
        field_summaries={"housing": "Wohnraum fehlt überall."},
        themes=[ThemeInfo("housing", "Wohnraum")],
        open_points="Mehr Daten zu Kitaplätzen.",
        **kw,
    )


@pytest.fixture()
def report(answers):
    return build.build(_input(_coded(answers)))


def test_docx_has_headings_figures_tables_and_an_rtl_quote(report):
    document = Document(io.BytesIO(docx.render(report)))
    texts = [p.text for p in document.paragraphs]
    assert "Input for the integration concept" in texts
    assert {"Method", "Wohnen", "Themes", "Open points"} <= set(texts)
    assert "Wohnraum fehlt überall." in texts
    in_cells = [p for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    quote = next(p for p in document.paragraphs + in_cells if p.text == "نحتاج إلى سكن")
    assert (
        quote._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi")
        is not None
    )
    assert "Wir brauchen Wohnraum" in [p.text for p in in_cells]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Gemeinschaftsunterkunft" in cells and "60 %" in cells
    assert len(document.inline_shapes) >= 2  # charts


def test_pdf_contains_headings_figures_and_the_arabic_quote(report, tmp_path):
    path = tmp_path / "report.pdf"
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path.write_bytes(pdf.render(report))
    assert path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Input for the integration concept" in text and "Wohnen" in text
    assert "Gemeinschaftsunterkunft" in text
    assert "Wir brauchen Wohnraum" in text


def test_html_escapes_every_text(answers):
    answers = answers.copy()
    answers["text"] = answers["text"].where(answers["text"].isna(), "<script>alert(1)</script>")
    answers = answers.assign(quote=True, translation=None, themes=[()] * len(answers))
    page = html.document(build.build(_input(answers)))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_xlsx_has_summary_and_anonymised_answers(report, answers):
    rows = spreadsheets.anonymised_answers(_coded(answers), QUESTIONS)
    book = openpyxl.load_workbook(io.BytesIO(spreadsheets.xlsx_bytes(report, rows)))
    assert book.sheetnames == ["Summary", "Answers"]
    summary = [c.value for r in book["Summary"].iter_rows() for c in r if c.value]
    assert "Wo wohnen die Menschen?" in summary
    answer_rows = list(book["Answers"].iter_rows(values_only=True))
    assert answer_rows[0][:5] == ("respondent", "language", "group", "channel", "date")
    assert {r[0] for r in answer_rows[1:]} == {1, 2, 3, 4, 5, 6}  # numbered, no ids
    assert answer_rows[1][4] == "2027-02-03"  # the day only


def _formula_frame():
    return answers_frame([row(n, "wishes", text=text) for n, text in enumerate(FORMULAS, 1)])


def test_no_csv_or_xlsx_cell_starts_a_formula():
    answers = _formula_frame()
    rows = spreadsheets.anonymised_answers(answers, QUESTIONS)
    text = spreadsheets.csv_bytes(rows).decode("utf-8-sig")
    cells = [c for r in csv.reader(io.StringIO(text)) for c in r]
    assert "'=1+1" in cells and "'+49 30 1234567" in cells
    assert not [c for c in cells if FORMULA_START.match(c)]
    report = build.build(_input(answers))
    book = openpyxl.load_workbook(io.BytesIO(spreadsheets.xlsx_bytes(report, rows)))
    cells = [c for ws in book for r in ws.iter_rows() for c in r if isinstance(c.value, str)]
    formulas = [c for c in cells if FORMULA_START.match(c.value)]
    # Text that looks like a formula is a text cell marked to stay text when edited (Excel's
    # quote prefix); the reader sees the answer as written, without an apostrophe.
    assert {c.value for c in formulas} >= {"=1+1", "+49 30 1234567", "@SUM(A1)"}
    assert all(c.data_type == "s" and c.quotePrefix for c in formulas)
    assert not [c for c in cells if c.value.startswith("'")]


def test_csv_is_utf8_with_a_byte_order_mark():
    data = spreadsheets.csv_bytes(spreadsheets.anonymised_answers(_formula_frame(), QUESTIONS))
    assert data.startswith("\ufeff".encode())


def test_a_report_of_an_empty_consultation_is_readable():
    empty = answers_frame([])
    report = build.build(_input(empty))
    assert any(getattr(b, "text", "") == "No responses yet." for b in report.blocks)
    assert Document(io.BytesIO(docx.render(report))).paragraphs
    assert pdf.render(report).startswith(b"%PDF")


def test_small_numbers_are_suppressed_in_the_report(answers):
    report = build.build(_input(_coded(answers), threshold=5))
    cells = [c for b in report.blocks if hasattr(b, "rows") for r in b.rows for c in r]
    assert "–" in cells
    assert any("counts below 5 are not shown" in getattr(b, "text", "") for b in report.blocks)
