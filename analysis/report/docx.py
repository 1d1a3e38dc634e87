"""The report as a Word document; right-to-left paragraphs set as such for Arabic and Farsi."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from analysis.report.blocks import Figure, Heading, Paragraph, Quote, Report, Table
from analysis.report.build import direction


def _right_to_left(paragraph, language: str) -> None:
    """Mark a paragraph and its runs right-to-left, as Word expects for Arabic script."""
    properties = paragraph._p.get_or_add_pPr()
    bidi = OxmlElement("w:bidi")
    bidi.set(qn("w:val"), "1")
    properties.append(bidi)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in paragraph.runs:
        run_properties = run._r.get_or_add_rPr()
        rtl = OxmlElement("w:rtl")
        rtl.set(qn("w:val"), "1")
        run_properties.append(rtl)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:bidi"), language)
        run_properties.append(lang)


def _paragraph(document, text: str, language: str | None, style: str | None = None):
    paragraph = document.add_paragraph(text, style=style)
    if language and direction(language) == "rtl":
        _right_to_left(paragraph, language)
    return paragraph


def render(report: Report) -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10.5)
    heading = document.add_heading(report.title, level=0)
    if report.direction == "rtl":
        _right_to_left(heading, report.language)
    if report.subtitle:
        _paragraph(document, report.subtitle, report.language)
    for block in report.blocks:
        if isinstance(block, Heading):
            item = document.add_heading(block.text, level=min(block.level, 4) - 1 or 1)
            if report.direction == "rtl":
                _right_to_left(item, report.language)
        elif isinstance(block, Paragraph):
            _paragraph(document, block.text, block.language or report.language)
        elif isinstance(block, Table):
            _table(document, block, report)
        elif isinstance(block, Figure):
            document.add_picture(io.BytesIO(block.png), width=Cm(15))
            _paragraph(document, block.alt, report.language, style="Caption")
        elif isinstance(block, Quote):
            _paragraph(document, block.text, block.language, style="Quote")
            if block.translation:
                _paragraph(document, block.translation, report.language, style="Quote")
            if block.source:
                _paragraph(document, block.source, report.language)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document, block: Table, report: Report) -> None:
    _paragraph(document, block.caption, report.language, style="Caption")
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, block.columns, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in block.rows:
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, row, strict=True)):
            cell.text = str(value)
            if index in block.numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif report.direction == "rtl":
                _right_to_left(cell.paragraphs[0], report.language)
