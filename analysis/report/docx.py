"""The report as a Word document the way a German administration sets one.

A4 with DIN 5008-like margins, "Page X of Y" in the footer, document properties, a
restrained black style set (no theme colours, no italics), table columns sized to their
content, headings kept with what follows and header rows repeated on every page.
Right-to-left reports (Arabic, Farsi) mark the section, every paragraph and run and every
table as right-to-left, which Word and LibreOffice both render; no paragraph gets an explicit
alignment there, so "start" is the right edge in both.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from analysis.report.blocks import Figure, Heading, PageBreak, Paragraph, Quote, Report, Table
from analysis.report.build import direction, text_direction

FONT = "DejaVu Sans"
ARABIC_FONT = "Noto Sans Arabic"  # Debian fonts-noto-core
EMOJI_FONT = "Noto Color Emoji"  # Debian fonts-noto-color-emoji
EMOJI = re.compile(
    "([\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
    "[\ufe0f\u200d\u20e3\U0001f3fb-\U0001f3ff\u2300-\u23ff\u2600-\u27bf"
    "\u2b00-\u2bff\U0001f000-\U0001faff]*)"
)
TEXT = RGBColor(0x13, 0x15, 0x25)
PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)
LEFT, RIGHT, TOP, BOTTOM = Cm(2.5), Cm(2.0), Cm(2.0), Cm(2.0)
TEXT_WIDTH_CM = 21.0 - 2.5 - 2.0
# Average width of a DejaVu Sans character at 10.5 pt (bold headers are wider), and a cell's
# left and right margins: enough that the longest word of a column never breaks.
CHAR_CM = 0.27
PADDING_CM = 0.55
HEADING_SIZES = {0: 20, 1: 15, 2: 12.5, 3: 11, 4: 10.5}


def _element(tag: str, **attributes: str):
    element = OxmlElement(tag)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _set_fonts(rpr, size: float | None = None, bold: bool | None = None) -> None:
    """DejaVu Sans for Latin and Cyrillic, Noto Sans Arabic for complex script (Arabic, Farsi,
    Pashto, Sorani: docs/fonts.md); theme fonts and colours removed so nothing falls back to
    Word's defaults."""
    for tag in ("w:rFonts", "w:color", "w:i", "w:iCs"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    fonts = _element("w:rFonts", ascii=FONT, hAnsi=FONT, cs=ARABIC_FONT, eastAsia=FONT)
    rpr.insert(0, fonts)
    rpr.append(_element("w:color", val="131525"))
    rpr.append(_element("w:i", val="0"))
    rpr.append(_element("w:iCs", val="0"))
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
            rpr.append(_element(tag, val=str(int(size * 2))))
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
            rpr.append(_element(tag, val="1" if bold else "0"))


def _styles(document) -> None:
    styles = document.styles
    for style in list(styles.element.findall(qn("w:style"))):
        # The template's coloured table styles ("Light Shading Accent 1", …) are never used.
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) not in (
            "TableNormal",
            "TableGrid",
        ):
            styles.element.remove(style)
    for element in styles.element.iter():  # no theme blue in any style, text or border
        for name in ("themeColor", "themeShade", "themeTint"):
            element.attrib.pop(qn(f"w:{name}"), None)
        if element.tag == qn("w:color"):
            element.set(qn("w:val"), "131525")
        elif element.get(qn("w:color")) not in (None, "auto"):
            element.set(qn("w:color"), "131525")
    normal = styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), size=10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, level in (("Title", 0), *((f"Heading {n}", n) for n in range(1, 5))):
        style = styles[name]
        rpr = style.element.get_or_add_rPr()
        for child in list(rpr):  # the template's spacing, kerning, theme colours and effects
            rpr.remove(child)
        _set_fonts(style.element.get_or_add_rPr(), size=HEADING_SIZES[level], bold=True)
        fmt = style.paragraph_format
        fmt.keep_with_next = True
        fmt.space_before = Pt(0 if level == 0 else 14 if level == 1 else 10)
        fmt.space_after = Pt(4 if level else 10)
        ppr = style.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):  # the Title style's blue rule
            ppr.remove(border)
    caption = styles["Caption"]
    _set_fonts(caption.element.get_or_add_rPr(), size=9.5, bold=True)
    caption.paragraph_format.keep_with_next = True


def _page(document, report: Report) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin, section.right_margin = LEFT, RIGHT
    section.top_margin, section.bottom_margin = TOP, BOTTOM
    section.footer_distance = Cm(1.0)
    section.different_first_page_header_footer = True  # no page number on the title page
    if report.direction == "rtl":
        section._sectPr.append(_element("w:bidi"))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    label = report.page_label
    before, _, rest = label.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    for text, field in ((before, "PAGE"), (middle, "NUMPAGES"), (after, None)):
        if text:
            _set_fonts(footer.add_run(text)._r.get_or_add_rPr(), size=9)
        if field:
            _field(footer, field)
    if report.direction == "rtl":
        _right_to_left(footer, report.language, align=False)


def _field(paragraph, instruction: str) -> None:
    """A field Word and LibreOffice compute when the page is laid out (PAGE, NUMPAGES)."""
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None)):
        run = paragraph.add_run()
        _set_fonts(run._r.get_or_add_rPr(), size=9)
        if kind:
            run._r.append(_element("w:fldChar", fldCharType=kind))
        else:
            instr = _element("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
    run = paragraph.add_run("1")
    _set_fonts(run._r.get_or_add_rPr(), size=9)
    end = paragraph.add_run()
    end._r.append(_element("w:fldChar", fldCharType="end"))


def _properties(document, report: Report) -> None:
    properties = document.core_properties
    properties.title = report.title
    properties.subject = report.subject or report.subtitle
    properties.comments = report.subtitle
    properties.author = ""
    properties.last_modified_by = ""
    properties.language = report.language
    properties.keywords = report.date
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now
    properties.revision = 1


def _right_to_left(paragraph, language: str, align: bool = True) -> None:
    """Paragraph and runs right-to-left, as Word and LibreOffice expect for Arabic script.
    No explicit alignment: in a right-to-left paragraph the default start is the right."""
    properties = paragraph._p.get_or_add_pPr()
    for old in properties.findall(qn("w:jc")):
        properties.remove(old)
    properties.insert(0, _element("w:bidi", val="1"))
    for run in paragraph.runs:
        run_properties = run._r.get_or_add_rPr()
        run_properties.append(_element("w:rtl", val="1"))
        run_properties.append(_element("w:lang", bidi=language))


def _text(paragraph, text: str, size: float | None = None, bold: bool = False) -> None:
    """Text as runs with line breaks kept (facilitators' paragraphs, open points); emoji in
    runs of their own, set in the emoji font (LibreOffice does not fall back to it for
    right-to-left text)."""
    for index, line in enumerate(text.split("\n")):
        pieces = [piece for piece in EMOJI.split(line) if piece] or [""]
        for number, piece in enumerate(pieces):
            run = paragraph.add_run(piece)
            if index and not number:
                run._r.insert(0, _element("w:br"))
            if bold:
                run.bold = True
            if size:
                run.font.size = Pt(size)
            if EMOJI.fullmatch(piece):
                properties = run._r.get_or_add_rPr()
                properties.insert(
                    0, _element("w:rFonts", ascii=EMOJI_FONT, hAnsi=EMOJI_FONT, cs=EMOJI_FONT)
                )


def _paragraph(document_or_cell, text: str, language: str, style: str | None = None, **kw):
    paragraph = document_or_cell.add_paragraph(style=style)
    _text(paragraph, text, **kw)
    if direction(language) == "rtl":
        _right_to_left(paragraph, language)
    return paragraph


def render(report: Report) -> bytes:
    document = Document()
    _styles(document)
    _page(document, report)
    _properties(document, report)
    _title_page(document, report)
    keeping = False  # a heading is kept on one page with what follows up to its chart or table
    for block in report.blocks:
        if isinstance(block, Figure | Table | PageBreak):
            keeping = False
        if isinstance(block, Heading):
            keeping = True
            item = document.add_heading(level=min(max(block.level - 1, 1), 4))
            _text(item, block.text)
            if report.direction == "rtl":
                _right_to_left(item, report.language)
        elif isinstance(block, Paragraph):
            language = block.language or report.language
            paragraph = document.add_paragraph()
            _text(paragraph, block.text)
            if text_direction(block.text, direction(language)) == "rtl":
                _right_to_left(paragraph, language)
            if keeping:
                paragraph.paragraph_format.keep_with_next = True
        elif isinstance(block, Table):
            _table(document, block, report)
        elif isinstance(block, Figure):
            _figure(document, block, report)
        elif isinstance(block, Quote):
            _quote(document, block, report)
        elif isinstance(block, PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _title_page(document, report: Report) -> None:
    kicker = _paragraph(document, report.subtitle, report.language, size=12)
    kicker.paragraph_format.space_before = Pt(120)
    title = document.add_paragraph(style="Title")
    _text(title, report.title)
    if report.direction == "rtl":
        _right_to_left(title, report.language)
    if report.title_lines:
        rows = [[label, value] for label, value in report.title_lines]
        _table(document, Table("", ["", ""], rows), report, header=False, borders=False)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _figure(document, block: Figure, report: Report) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(block.png), width=Cm(15))
    properties = run._r.xpath(".//wp:docPr")
    for item in properties:
        item.set("descr", block.alt)  # the chart's text alternative
    if report.direction == "rtl":
        _right_to_left(paragraph, report.language)


def _quote(document, block: Quote, report: Report) -> None:
    label = _paragraph(document, block.source, report.language, size=9, bold=True)
    label.paragraph_format.keep_with_next = True
    label.paragraph_format.space_before = Pt(6)
    label.paragraph_format.space_after = Pt(2)
    if not block.translation:
        quote = _paragraph(document, block.text, block.language)
        quote.paragraph_format.left_indent = Cm(0.6)
        quote.paragraph_format.right_indent = Cm(0.6)
        return
    table = document.add_table(rows=1, cols=2)
    _table_direction(table, report.direction == "rtl")
    half = Cm(TEXT_WIDTH_CM / 2)
    for index, (text, language) in enumerate(
        ((block.text, block.language), (block.translation, report.language))
    ):
        cell = table.rows[0].cells[index]
        cell.width = half
        table.columns[index].width = half
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        if index == 1:
            note = _paragraph(cell, report.translation_label, report.language, size=8.5)
            note.paragraph_format.space_after = Pt(0)
        _paragraph(cell, text, language)
    _no_row_split(table.rows[0])


def _table_direction(table, rtl: bool) -> None:
    """Right-to-left tables in visual order, at the right margin; left-to-right ones said so
    explicitly (LibreOffice otherwise guesses from the first cell's paragraph)."""
    properties = table._tbl.tblPr
    properties.append(_element("w:bidiVisual", val="1" if rtl else "0"))
    if rtl:
        properties.append(_element("w:jc", val="right"))


def _no_row_split(row) -> None:
    row._tr.get_or_add_trPr().append(_element("w:cantSplit"))


def _widths(block: Table, scale: float = 1.0) -> list[float]:
    """Column widths in cm, in proportion to their longest word and text (capped), so that
    no word breaks inside ("Gemeinschaftsunterkunf|t") and numbers get narrow columns."""
    columns = range(len(block.columns))
    texts = [[str(row[i]) for row in block.rows] for i in columns]
    # Header words are bold, about 15 % wider than regular text.
    header_words = [
        max((len(w) for w in block.columns[i].split()), default=0) * 1.15 for i in columns
    ]
    longest_word = [
        max(header_words[i], max((len(w) for t in texts[i] for w in t.split()), default=1))
        for i in columns
    ]
    longest = [
        min(max([len(block.columns[i]) * 1.15] + [len(t) for t in texts[i]]), 60) for i in columns
    ]
    char = CHAR_CM * scale
    need = [max(word, 3) * char + PADDING_CM for word in longest_word]
    want = [max(n, length * char + PADDING_CM) for n, length in zip(need, longest, strict=True)]
    if sum(want) <= TEXT_WIDTH_CM:
        return want
    spare = TEXT_WIDTH_CM - sum(need)
    if spare <= 0:
        return [TEXT_WIDTH_CM * n / sum(need) for n in need]
    extra = [w - n for w, n in zip(want, need, strict=True)]
    return [n + spare * e / (sum(extra) or 1) for n, e in zip(need, extra, strict=True)]


def _table(document, block: Table, report: Report, header: bool = True, borders: bool = True):
    rtl = report.direction == "rtl"
    if block.caption:
        _paragraph(document, block.caption, report.language, style="Caption")
    table = document.add_table(rows=0, cols=len(block.columns))
    if borders:
        table.style = "Table Grid"
    table.autofit = False
    _table_direction(table, rtl)
    wide = len(block.columns) > 4  # set smaller, as in the PDF
    widths = [Cm(w) for w in _widths(block, 0.82 if wide else 1.0)]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    lines = ([list(block.columns)] if header else []) + [list(r) for r in block.rows]
    for number, values in enumerate(lines):
        row = table.add_row()
        _no_row_split(row)
        is_header = header and number == 0
        if is_header:
            row._tr.get_or_add_trPr().append(_element("w:tblHeader"))
        for index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = widths[index]
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            _text(
                paragraph,
                str(value),
                bold=is_header or (not header and index == 0),
                size=8.5 if wide else None,
            )
            if rtl:
                _right_to_left(paragraph, report.language)
            elif index in block.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if is_header or number < len(lines) - 1:
                paragraph.paragraph_format.keep_with_next = True if number < 3 else None
    spacer = document.add_paragraph()
    spacer.paragraph_format.space_after = Pt(2)
    return table
