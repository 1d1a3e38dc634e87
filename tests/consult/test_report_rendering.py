"""The demo report as a committee member opens it: the PDF, and the DOCX as LibreOffice lays
it out, in German and in Arabic. LibreOffice (libreoffice-writer-nogui) and poppler-utils are
installed by `make test`; without them these tests fail rather than skip."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from xml.etree import ElementTree

import pytest
from docx import Document
from pypdf import PdfReader

from tests.consult.report_demo_support import SLUG, arrange, quotes

A4 = (595.3, 841.9)  # points
LEFT_EDGE, RIGHT_EDGE = 2.5 / 2.54 * 72, A4[0] - 2.0 / 2.54 * 72  # the text area's margins
_RENDERED: dict[str, dict] = {}  # rendered once per database and language for this module


def _libreoffice_pdf(docx: Path, out: Path) -> Path:
    program = shutil.which("soffice") or shutil.which("libreoffice")
    assert program, "LibreOffice is missing: apt-get install libreoffice-writer-nogui"
    profile = out / "profile"
    out = out / "libreoffice"
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out / (docx.stem + ".pdf")


@pytest.fixture(params=["de", "ar"])
def rendered(request, runner, db_session, database_url, tmp_path_factory):
    """The demo report in one language: WeasyPrint's PDF, the DOCX and LibreOffice's PDF."""
    language = request.param
    key = f"{database_url} {language}"
    if key not in _RENDERED:
        consultation = arrange(runner, db_session)
        out = tmp_path_factory.mktemp(f"report-{language}")
        paths = {}
        for fmt in ("pdf", "docx"):
            paths[fmt] = out / f"report.{fmt}"
            result = runner.invoke(
                args=["report", SLUG, "--format", fmt, "--lang", language, "--out", paths[fmt]]
            )
            assert result.exit_code == 0, result.output
        _RENDERED[key] = {
            "language": language,
            "docx": paths["docx"],
            "pdfs": {
                "weasyprint": paths["pdf"],
                "libreoffice": _libreoffice_pdf(paths["docx"], out),
            },
            "quotes": quotes(db_session, consultation),
        }
    return _RENDERED[key]


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _words(pdf: Path) -> list[tuple[str, float, float, float]]:
    """Every word with its line's left and right edge and its own right edge (points)."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    xhtml = re.sub(r"<!DOCTYPE[^>]*>", "", xhtml)
    words = []
    for line in ElementTree.fromstring(xhtml).iter("{http://www.w3.org/1999/xhtml}line"):
        for word in line:
            words.append(
                (
                    word.text or "",
                    float(line.get("xMin")),
                    float(line.get("xMax")),
                    float(word.get("xMax")),
                )
            )
    return words


def _find(words, wanted: str):
    """Words equal to `wanted` (Arabic words may be extracted in visual order, reversed)."""

    def bare(text: str) -> str:
        return "".join(c for c in text if unicodedata.category(c)[0] == "L")

    return [w for w in words if bare(w[0]) in (bare(wanted), bare(wanted)[::-1])]


def test_every_page_is_a4_and_the_report_has_a_committee_papers_length(rendered):
    for maker, pdf in rendered["pdfs"].items():
        pages = PdfReader(pdf).pages
        assert 5 <= len(pages) <= 30, (maker, len(pages))
        for page in pages:
            size = (float(page.mediabox.width), float(page.mediabox.height))
            assert size == pytest.approx(A4, abs=1), (maker, size)


def test_no_glyph_is_missing_and_emoji_have_a_font(rendered):
    for maker, pdf in rendered["pdfs"].items():
        text = _text(pdf)
        assert "□" not in text and "\ufffd" not in text, maker
        assert "🤝" in text, maker  # the open points carry an emoji
        fonts = subprocess.run(
            ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
        ).stdout
        assert "Emoji" in fonts, (maker, fonts)


def test_each_marked_quote_appears_once(rendered):
    document = Document(rendered["docx"])
    paragraphs = [p.text for p in document.paragraphs] + [
        p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs
    ]
    assert rendered["quotes"]
    for quote in rendered["quotes"]:
        assert paragraphs.count(quote) == 1, quote
    for maker, pdf in rendered["pdfs"].items():
        text = " ".join(_text(pdf).split())
        for quote in rendered["quotes"]:
            if unicodedata.bidirectional(quote.strip()[0]) == "L":  # Latin and Cyrillic
                start = " ".join(quote.split()[:4])
                assert text.count(start) == 1, (maker, start)


def test_paragraphs_and_tables_start_on_the_side_of_the_reports_script(rendered):
    for maker, pdf in rendered["pdfs"].items():
        words = _words(pdf)
        if rendered["language"] == "ar":
            # The self-selection caveat ends "… ليست ممثِّلة للسكان." and is set right-aligned.
            (word,) = _find(words, "للسكان")[:1]
            _text_, line_start, line_end, _ = word
            assert line_end == pytest.approx(RIGHT_EDGE, abs=4), (maker, word)
            assert line_start > LEFT_EDGE + 30, (maker, word)
            # Tables in visual right-to-left order: the first column ("الفئة") at the right.
            category = _find(words, "الفئة")
            assert category and category[0][3] > RIGHT_EDGE - 15, (maker, category)
        else:
            (word,) = _find(words, "Bevölkerung")[:1]
            assert word[1] == pytest.approx(LEFT_EDGE, abs=4), (maker, word)
            category = _find(words, "Kategorie")
            assert category and category[0][1] < LEFT_EDGE + 15, (maker, category)
