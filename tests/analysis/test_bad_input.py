from __future__ import annotations

import io

import pytest
from docx import Document

from analysis.frames import answers_frame
from analysis.report import build, docx, spreadsheets
from analysis.summaries import summarise
from analysis.text.terms import frequencies, keywords
from analysis.wordclouds import render
from tests.analysis.conftest import QUESTIONS, TEXT, row
from tests.analysis.test_reports import _input

ODD_TEXTS = [
    "🙂🙂🙂",
    "<b>fett</b> <script>x()</script>",
    "x" * 100_000,
    '=HYPERLINK("http://evil.example")',
    "@mention -minus +plus",
    "",
]


@pytest.fixture()
def odd():
    return answers_frame([row(n, "wishes", text=t) for n, t in enumerate(ODD_TEXTS, 1)])


def test_odd_free_text_summarises(odd):
    summary = summarise(odd, [TEXT])["wishes"]
    assert summary.n == 5  # the empty answer does not count
    assert summary.stats["median_length"] > 0


def test_odd_free_text_gives_terms_keywords_and_clouds_without_errors(odd):
    texts = odd["text"].tolist()
    counts = frequencies(texts, "de")
    assert "fett" in counts and "🙂" not in counts
    keywords(texts, "de")
    assert render(counts).png


def test_a_single_response_reports_and_exports(odd):
    one = odd[odd["response_id"] == 1]
    report = build.build(_input(one))
    assert Document(io.BytesIO(docx.render(report))).paragraphs
    rows = spreadsheets.anonymised_answers(one, QUESTIONS)
    assert spreadsheets.xlsx_bytes(report, rows)


def test_everything_in_one_language_pools_without_translations(odd):
    from analysis.text.terms import pooled, text_rows

    assert pooled(text_rows(odd), "de")["fett"] == 1
