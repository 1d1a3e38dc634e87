"""The report as HTML: the on-screen preview and, with a print stylesheet, the PDF."""

from __future__ import annotations

import base64
from html import escape

from analysis.report.blocks import Figure, Heading, PageBreak, Paragraph, Quote, Report, Table
from analysis.report.build import text_direction

# Colours of the design system (consult/static/consult.css). Fonts as docs/fonts.md says
# (Noto Sans Arabic first for Arabic-script reports: Pashto and Sorani letters). Emoji in
# answers are set in Noto Color Emoji (Debian fonts-noto-color-emoji), limited to the emoji
# blocks: the font also holds digits (for keycaps), and Pango would otherwise set numbers
# in it.
PRINT_CSS = """
@page { size: A4; margin: 2cm 2cm 2.2cm 2.5cm;
  @bottom-center { content: counter(page); font-family: "DejaVu Sans", sans-serif;
    font-size: 9pt; color: #404565; } }
@page :first { @bottom-center { content: none; } }
@font-face { font-family: "Report Emoji"; src: local("Noto Color Emoji");
  unicode-range: U+200D, U+20E3, U+2300-23FF, U+2600-27BF, U+2B00-2BFF, U+FE0F,
    U+1F000-1FAFF; }
body { margin: 0; font-family: "DejaVu Sans", "Noto Sans Ethiopic", "Noto Sans Arabic",
  "Report Emoji", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #131525; }
html:lang(ar) body, html:lang(fa) body, html:lang(ps) body, html:lang(ckb) body {
  font-family: "Noto Sans Arabic", "DejaVu Sans", "Noto Sans Ethiopic", "Report Emoji",
    sans-serif; }
.title-page { break-after: page; padding-top: 5cm; }
.title-page .kicker { font-size: 12pt; color: #404565; margin: 0 0 6pt; }
.title-page h1 { font-size: 22pt; margin: 0 0 24pt; }
.title-page dl { display: grid; grid-template-columns: max-content auto; gap: 4pt 14pt; }
.title-page dt { font-weight: bold; } .title-page dd { margin: 0; }
h2 { font-size: 15pt; margin: 20pt 0 6pt; } h3 { font-size: 12pt; margin: 14pt 0 4pt; }
h4 { font-size: 10.5pt; margin: 10pt 0 4pt; }
h2, h3, h4, caption, .quote-label { break-after: avoid; page-break-after: avoid; }
.page-break { break-after: page; }
.keep { break-inside: avoid; }
p { margin: 0 0 6pt; white-space: pre-line; unicode-bidi: plaintext; }
table { border-collapse: collapse; margin: 4pt 0 10pt; break-inside: avoid; min-width: 55%;
  max-width: 100%; }
caption { text-align: start; font-weight: bold; padding-bottom: 3pt; white-space: nowrap; }
th, td { border-bottom: 0.5pt solid #6e7597; padding: 3pt 6pt; text-align: start;
  vertical-align: top; overflow-wrap: break-word; }
table.wide { font-size: 8.5pt; } table.wide th { hyphens: auto; }
thead { display: table-header-group; } tr { break-inside: avoid; }
td.numeric, th.numeric { text-align: end; font-variant-numeric: tabular-nums; }
figure { margin: 4pt 0; break-inside: avoid; break-after: avoid; }
figure img { max-width: 100%; }
.quote-label { font-size: 9pt; font-weight: bold; color: #404565; margin: 8pt 0 2pt; }
.quote { display: grid; grid-template-columns: 1fr 1fr; gap: 12pt; break-inside: avoid;
  margin: 0 0 8pt; }
.quote.single { grid-template-columns: 1fr; }
blockquote { margin: 0; padding-inline-start: 8pt; border-inline-start: 2.5pt solid #1a3da5;
  unicode-bidi: plaintext; white-space: pre-line; font-style: normal; }
.translation { margin: 0; color: #131525; white-space: pre-line; }
.translation .note { display: block; font-size: 8.5pt; color: #404565; }
"""


def _title_page(report: Report) -> str:
    lines = "".join(
        f'<dt>{escape(label)}</dt><dd dir="auto">{escape(value)}</dd>'
        for label, value in report.title_lines
    )
    return (
        '<section class="title-page">'
        + (f'<p class="kicker">{escape(report.subtitle)}</p>' if report.subtitle else "")
        + f'<h1 dir="auto">{escape(report.title)}</h1>'
        + (f"<dl>{lines}</dl>" if lines else "")
        + "</section>"
    )


def body(report: Report) -> str:
    """The report's content as an HTML fragment; every text is escaped.

    A heading and what follows it up to its first chart or table are kept on one page."""
    parts = [_title_page(report)]
    keeping = False
    for block in report.blocks:
        if keeping and isinstance(block, Heading | PageBreak):
            parts.append("</div>")
            keeping = False
        if isinstance(block, Heading):
            parts.append('<div class="keep">')
            keeping = True
        parts.append(_block(block, report))
        if keeping and isinstance(block, Figure | Table):
            parts.append("</div>")
            keeping = False
    if keeping:
        parts.append("</div>")
    return "\n".join(p for p in parts if p)


def _page_css(report: Report) -> str:
    label = report.page_label.replace("\\", "").replace('"', "")
    before, _, rest = label.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    content = f'"{before}" counter(page) "{middle}" counter(pages) "{after}"'
    return (
        f"@page {{ @bottom-center {{ content: {content}; }} }}\n"
        "@page :first { @bottom-center { content: none; } }"
    )


def document(report: Report, css: str = PRINT_CSS) -> str:
    """A standalone HTML document (used for the PDF)."""
    return (
        f'<!doctype html><html lang="{escape(report.language)}" dir="{report.direction}">'
        f'<head><meta charset="utf-8"><title>{escape(report.title)}</title>'
        f'<meta name="description" content="{escape(report.subtitle)}">'
        f'<meta name="dcterms.date" content="{escape(report.date)}">'
        f"<style>{css}\n{_page_css(report)}</style></head><body>{body(report)}</body></html>"
    )


def _block(block: object, report: Report) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 2), 4)
        return f'<h{level} dir="auto">{escape(block.text)}</h{level}>'
    if isinstance(block, Paragraph):
        lang = f' lang="{escape(block.language)}"' if block.language else ""
        # The direction from the text itself: WeasyPrint does not resolve dir="auto".
        way = text_direction(block.text, report.direction)
        return f'<p dir="{way}"{lang} class="preserve-lines">{escape(block.text)}</p>'
    if isinstance(block, Table):
        head = "".join(
            f'<th scope="col"{_numeric(i, block)}>{escape(c)}</th>'
            for i, c in enumerate(block.columns)
        )
        rows = "".join(
            "<tr>"
            + "".join(
                f'<td{_numeric(i, block)} dir="auto">{escape(str(v))}</td>'
                for i, v in enumerate(row)
            )
            + "</tr>"
            for row in block.rows
        )
        caption = f'<caption dir="auto">{escape(block.caption)}</caption>' if block.caption else ""
        return (
            f'<table class="{_table_class(block)}">{caption}'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        )
    if isinstance(block, Figure):
        data = base64.b64encode(block.png).decode("ascii")
        return (
            f'<figure><img src="data:image/png;base64,{data}" alt="{escape(block.alt)}"></figure>'
        )
    if isinstance(block, Quote):
        label = f'<p class="quote-label">{escape(block.source)}</p>' if block.source else ""
        original = (
            f'<blockquote lang="{escape(block.language)}" dir="{block.direction}">'
            f"{escape(block.text)}</blockquote>"
        )
        if not block.translation:
            return f'{label}<div class="quote single">{original}</div>'
        translation = (
            f'<p class="translation" lang="{escape(report.language)}" dir="auto">'
            f'<span class="note">{escape(report.translation_label)}</span>'
            f"{escape(block.translation)}</p>"
        )
        return f'{label}<div class="quote">{original}{translation}</div>'
    if isinstance(block, PageBreak):
        return '<div class="page-break"></div>'
    raise TypeError(f"unknown block {block!r}")


def _table_class(table: Table) -> str:
    return "report-table wide" if len(table.columns) > 4 else "report-table"


def _numeric(index: int, table: Table) -> str:
    return ' class="numeric"' if index in table.numeric else ""
