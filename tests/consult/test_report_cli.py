from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import openpyxl
import pytest
from docx import Document

from surveys.models import Answer, Committee, Meeting
from tests.consult.review_support import arrange


@pytest.fixture()
def arranged(db_session):
    consultation, answers = arrange(db_session, slug="reported")
    answers[1].quote = True
    answers[0].hidden = True
    consultation.small_cell_threshold = 1  # four respondents: show everything
    db_session.commit()
    return consultation


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx", "xlsx", "csv"])
def test_consult_report_writes_every_format(runner, arranged, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(args=["report", "reported", "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 500


def test_the_docx_report_is_german_and_carries_the_marked_quote(runner, arranged, tmp_path):
    out = tmp_path / "report.docx"
    result = runner.invoke(args=["report", "reported", "--format", "docx", "--out", str(out)])
    assert result.exit_code == 0, result.output
    texts = [p.text for p in Document(out).paragraphs]
    assert "Input für das Integrationskonzept" in texts
    assert "نحتاج إلى مزيد من دورات اللغة" in texts


def test_hidden_answers_leak_into_no_export(runner, arranged, tmp_path, db_session):
    hidden = db_session.query(Answer).filter(Answer.hidden.is_(True)).one().text
    for fmt in ("csv", "xlsx", "html"):
        out = tmp_path / f"report.{fmt}"
        result = runner.invoke(args=["report", "reported", "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        if fmt == "xlsx":
            book = openpyxl.load_workbook(out)
            content = " ".join(str(c.value) for ws in book for r in ws.iter_rows() for c in r)
        else:
            content = out.read_text(encoding="utf-8-sig")
        assert hidden not in content, fmt


def test_the_csv_is_anonymised_with_day_precision(runner, arranged, tmp_path):
    out = tmp_path / "answers.csv"
    result = runner.invoke(args=["report", "reported", "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0][:5] == ["respondent", "language", "group", "channel", "date"]
    assert {r[4] for r in rows[1:]} == {"2027-02-03"}
    assert {r[0] for r in rows[1:]} <= {"1", "2", "3", "4"}


def test_a_report_in_arabic_is_right_to_left(runner, arranged, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(
        args=["report", "reported", "--format", "html", "--lang", "ar", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert '<html lang="ar" dir="rtl">' in out.read_text(encoding="utf-8")


def test_an_unknown_slug_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(args=["report", "nope", "--format", "pdf", "--out", str(tmp_path / "x")])
    assert result.exit_code != 0 and "No consultation" in result.output


def test_the_arabic_report_names_the_committee_as_staff_translated_it(
    runner, arranged, tmp_path, db_session
):
    committee = Committee(name="Ausschuss für Integration", names={"ar": "لجنة الاندماج"})
    arranged.meeting = Meeting(
        committee=committee, title="Sitzung", starts_at=datetime(2027, 1, 10, 15, tzinfo=UTC)
    )
    db_session.commit()
    pages = {}
    for language in ("ar", "de"):
        out = tmp_path / f"report-{language}.html"
        args = ["report", "reported", "--format", "html", "--out", str(out), "--lang", language]
        assert runner.invoke(args=args).exit_code == 0
        pages[language] = out.read_text(encoding="utf-8")
    assert "لجنة الاندماج" in pages["ar"] and "Ausschuss für Integration" not in pages["ar"]
    assert "Ausschuss für Integration" in pages["de"]
