"""The report's structure as a committee reads it: title page, method, results by field of
action with their coded themes, each question and each quote once; the DOCX as a German
administration sets it (A4, page numbers, properties, right-to-left for Arabic)."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from analysis.charts import bar_chart, text_alternative, wrap_label
from analysis.frames import answers_frame, respondents_frame
from analysis.report import build, docx, html
from analysis.report.blocks import Heading, Quote, Table
from analysis.report.build import ReportInput
from analysis.themes import ThemeInfo
from tests.analysis.conftest import QUESTIONS, row

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _coded(answers):
    answers = answers.assign(themes=[()] * len(answers), quote=False, translation=None)
    for index in answers[answers["question_code"] == "wishes"].index:
        answers.at[index, "themes"] = ("housing",)
    arabic = answers[answers["text"] == "نحتاج إلى سكن"].index[0]
    answers.at[arabic, "quote"] = True
    answers.at[arabic, "translation"] = "Wir brauchen Wohnraum"
    return answers


def _input(answers, language="de", **kw):
    defaults = dict(
        title="Integrationsgipfel 2027",
        meeting="",
        language=language,
        period=("01.02.2027", "28.02.2027"),
        respondents=respondents_frame(None, answers),
        answers=answers,
        questions=QUESTIONS,
        threshold=1,
        fields={"housing": "Wohnen", "safety": "Sicherheit und Ordnung"},
        themes=[ThemeInfo("housing", "Wohnraum", field_of_action="housing")],
        open_points="Kitaplätze: Zahlen fehlen.\nDolmetschpool: offen.",
        committee="Ausschuss für Jugend, Soziales und Integration",
        meeting_date="23. März 2027",
        agenda_item="TOP 5",
        paper_number="BV/2027/041",
        report_date="1. März 2027",
        invitations_sent=40,
        invitations_answered=12,
    )
    defaults.update(kw)
    return ReportInput(**defaults)


@pytest.fixture()
def coded(answers):
    return _coded(answers)


def _texts(report) -> list[str]:
    return [getattr(b, "text", "") for b in report.blocks]


def _annex_start(report) -> int:
    return next(
        i for i, b in enumerate(report.blocks) if isinstance(b, Heading) and "Annex" in b.text
    )


def test_the_title_page_names_consultation_committee_meeting_item_paper_and_date(coded):
    report = build.build(_input(coded))
    assert report.title == "Integrationsgipfel 2027"
    assert dict(report.title_lines) == {
        "Committee": "Ausschuss für Jugend, Soziales und Integration",
        "Meeting": "23. März 2027",
        "Agenda item": "TOP 5",
        "Paper number": "BV/2027/041",
        "Date of the report": "1. März 2027",
    }
    page = html.body(report).split("</section>")[0]
    assert "BV/2027/041" in page and "TOP 5" in page


def test_each_questions_wording_appears_once_in_the_results_and_once_in_the_annex(coded):
    report = build.build(_input(coded))
    annex = _annex_start(report)
    texts = []
    for block in report.blocks[:annex]:
        texts += [getattr(block, "text", ""), getattr(block, "caption", "")]
        texts += [cell for line in getattr(block, "rows", []) for cell in line]
    for question in QUESTIONS:
        if question.kind == "date":
            continue  # no figure of its own
        places = [t for t in texts if t.endswith(question.label)]
        assert places == [f"{QUESTIONS.index(question) + 1}. {question.label}"], places
    (annex_table,) = [b for b in report.blocks[annex:] if isinstance(b, Table)]
    assert [r[1] for r in annex_table.rows] == [q.label for q in QUESTIONS]


def test_a_marked_quote_coded_with_a_theme_is_printed_once_with_its_label_before_it(coded):
    report = build.build(_input(coded))
    quotes = [b for b in report.blocks if isinstance(b, Quote)]
    assert [q.text for q in quotes] == ["نحتاج إلى سكن"]
    assert quotes[0].source == "ar" and quotes[0].translation == "Wir brauchen Wohnraum"
    page = html.body(report)
    assert page.index('class="quote-label"') < page.index("نحتاج إلى سكن")
    assert page.count("نحتاج إلى سكن") == 1


def test_themes_stand_under_the_heading_of_their_field_of_action(coded):
    report = build.build(_input(coded))
    headings = [(i, b.text) for i, b in enumerate(report.blocks) if isinstance(b, Heading)]
    housing = next(i for i, text in headings if text == "Wohnen")
    following = [
        (i, b)
        for i, b in enumerate(report.blocks)
        if i > housing and isinstance(b, Heading) and b.level == 2
    ]
    end = following[0][0] if following else len(report.blocks)
    section = report.blocks[housing:end]
    tables = [b for b in section if isinstance(b, Table)]
    assert any(["Wohnraum", "3"] in t.rows for t in tables)


def test_the_suppression_rule_is_stated_once_however_many_figures_it_hides(coded):
    report = build.build(_input(coded, threshold=5))
    statements = [t for t in _texts(report) if "counts below 5 are not shown" in t]
    assert len(statements) == 1
    assert "Too few answers to show." in _texts(report)


def test_the_method_states_channels_invitations_and_the_self_selection_caveat(coded):
    report = build.build(_input(coded))
    texts = _texts(report)
    assert "40 personal invitations were sent; 12 were used to answer." in texts
    assert any("not representative" in t for t in texts)
    captions = [b.caption for b in report.blocks if isinstance(b, Table)]
    assert "Responses by channel" in captions and "Responses by language" in captions


def test_no_group_table_when_nobody_answered_for_a_group():
    answers = answers_frame([row(n, "housing", "shared", group=None) for n in range(1, 7)])
    report = build.build(_input(answers, themes=[]))
    captions = [b.caption for b in report.blocks if isinstance(b, Table)]
    assert "Responses by stakeholder group" not in captions


def test_mixed_script_lists_isolate_every_item(coded):
    report = build.build(_input(coded, language_names={"de": "Deutsch", "ar": "العربية"}))
    line = next(t for t in _texts(report) if t.startswith("3 free-text answers"))
    assert "\u2068العربية\u2069, \u2068Deutsch\u2069" in line


def test_open_points_keep_their_line_breaks_in_docx_and_pdf_html(coded):
    report = build.build(_input(coded))
    document = Document(io.BytesIO(docx.render(report)))
    (points,) = [p for p in document.paragraphs if p.text.startswith("Kitaplätze")]
    assert points._p.findall(f".//{W}br")
    assert "Kitaplätze: Zahlen fehlen.\nDolmetschpool: offen." in html.document(report)
    assert "white-space: pre-line" in html.PRINT_CSS


def test_the_docx_is_a4_with_page_x_of_y_properties_and_no_word_blue(coded):
    report = build.build(_input(coded))
    document = Document(io.BytesIO(docx.render(report)))
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert round(section.left_margin.cm, 1) == 2.5
    footer = section.footer._element.xml
    assert "Page " in footer and " PAGE " in footer and " NUMPAGES " in footer
    assert document.core_properties.title == "Integrationsgipfel 2027"
    assert document.core_properties.language == "de"
    styles = document.styles.element.xml
    assert "4F81BD" not in styles and "365F91" not in styles  # Word's default heading blues
    heading = document.styles["Heading 2"]
    assert heading.paragraph_format.keep_with_next
    header_rows = document.element.body.findall(f".//{W}tblHeader")
    assert header_rows


def test_columns_are_sized_to_their_longest_word(coded):
    report = build.build(_input(coded))
    document = Document(io.BytesIO(docx.render(report)))
    table = next(
        t
        for t in document.tables
        if any("Gemeinschaftsunterkunft" in c.text for c in t.columns[0].cells)
    )
    widths = [c.width.cm for c in table.columns]
    assert widths[0] > widths[1] and widths[0] >= len("Gemeinschaftsunterkunft") * 0.25


def test_an_arabic_docx_runs_right_to_left_without_italics(coded):
    report = build.build(_input(coded, language="ar"))
    document = Document(io.BytesIO(docx.render(report)))
    body = document.element.body
    assert body.findall(f".//{W}tblPr/{W}bidiVisual[@{W}val='1']")
    assert document.sections[0]._sectPr.find(qn("w:bidi")) is not None
    heading = next(p for p in document.paragraphs if p.style.name.startswith("Heading"))
    assert heading._p.pPr.find(qn("w:bidi")) is not None
    assert heading._p.pPr.find(qn("w:jc")) is None  # the start of a right-to-left line
    italic = [
        i for i in document.element.xpath("//w:i") if i.get(qn("w:val")) not in ("0", "false")
    ]
    assert not italic
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        rpr = document.styles[name].element.rPr
        assert rpr.find(qn("w:i")).get(qn("w:val")) == "0"


def test_charts_wrap_long_labels_and_say_what_they_show():
    label = "In einer vom Landkreis angemieteten Wohnung mit mehreren Familien"
    assert wrap_label(label).replace("\n", " ") == label
    assert max(len(line) for line in wrap_label(label).split("\n")) <= 34
    assert text_alternative(["Ja", "Nein"], [0.6, None]) == "Ja: 60 %; Nein: –"


def _bar_centre(png: bytes) -> float:
    """Horizontal centre of the accent-coloured (bar) pixels, as a share of the width."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    xs = [
        x
        for x in range(0, width, 2)
        for y in range(0, height, 2)
        if image.getpixel((x, y)) == (0x1A, 0x3D, 0xA5)
    ]
    return sum(xs) / len(xs) / width


def test_bars_grow_from_the_start_of_the_reading_direction():
    assert _bar_centre(bar_chart(["Ja"], [0.5])) < 0.5
    assert _bar_centre(bar_chart(["نعم"], [0.5], right_to_left=True)) > 0.5


def test_the_xlsx_summary_names_each_questions_table_by_its_heading(coded):
    import openpyxl

    from analysis.report import spreadsheets

    report = build.build(_input(coded))
    rows = spreadsheets.anonymised_answers(coded, QUESTIONS)
    book = openpyxl.load_workbook(io.BytesIO(spreadsheets.xlsx_bytes(report, rows)))
    cells = [c.value for r in book["Summary"].iter_rows() for c in r if c.value]
    assert "1. Wo wohnen die Menschen?" in cells
    assert cells[cells.index("1. Wo wohnen die Menschen?") + 1] == "Answer"
