"""The report as HTML: the on-screen preview and, with a print stylesheet, the PDF."""

from __future__ import annotations

import base64
from html import escape

from analysis.report.blocks import Figure, Heading, Paragraph, Quote, Report, Table

PRINT_CSS = """
@page { size: A4; margin: 2cm 1.8cm; @bottom-center { content: counter(page); font-size: 9pt; } }
body { font-family: "DejaVu Sans", "Noto Sans Ethiopic", "Noto Sans Arabic", sans-serif;
  font-size: 10.5pt; line-height: 1.45; color: #111; }
html:lang(ar) body, html:lang(fa) body, html:lang(ps) body, html:lang(ckb) body {
  font-family: "Noto Sans Arabic", "DejaVu Sans", "Noto Sans Ethiopic", sans-serif; }
h1 { font-size: 20pt; margin: 0 0 4pt; } h2 { font-size: 14pt; margin-top: 18pt; }
h3 { font-size: 11.5pt; margin-top: 12pt; page-break-after: avoid; }
caption, h2 { page-break-after: avoid; }
.subtitle { color: #333; margin-bottom: 14pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; page-break-inside: avoid; }
caption { text-align: start; font-weight: bold; padding-bottom: 3pt; }
th, td { border-bottom: 0.5pt solid #777; padding: 3pt 5pt; text-align: start;
  vertical-align: top; }
td.numeric, th.numeric { text-align: end; font-variant-numeric: tabular-nums; }
figure { margin: 6pt 0; page-break-inside: avoid; } figure img { max-width: 100%; }
blockquote { margin: 8pt 0; padding-inline-start: 10pt; border-inline-start: 3pt solid #555;
  page-break-inside: avoid; unicode-bidi: plaintext; white-space: pre-line; }
.translation { color: #333; font-style: italic; margin-top: 3pt; }
.source { color: #444; font-size: 9pt; }
"""


def body(report: Report) -> str:
    """The report's content as an HTML fragment; every text is escaped."""
    parts = [
        f"<h1>{escape(report.title)}</h1>",
        f'<p class="subtitle" dir="auto">{escape(report.subtitle)}</p>' if report.subtitle else "",
    ]
    for block in report.blocks:
        parts.append(_block(block))
    return "\n".join(p for p in parts if p)


def document(report: Report, css: str = PRINT_CSS) -> str:
    """A standalone HTML document (used for the PDF)."""
    return (
        f'<!doctype html><html lang="{escape(report.language)}" dir="{report.direction}">'
        f'<head><meta charset="utf-8"><title>{escape(report.title)}</title>'
        f"<style>{css}</style></head><body>{body(report)}</body></html>"
    )


def _block(block: object) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 2), 4)
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        lang = f' lang="{escape(block.language)}"' if block.language else ""
        return f'<p dir="auto"{lang} class="preserve-lines">{escape(block.text)}</p>'
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
        return (
            f'<table class="report-table"><caption dir="auto">{escape(block.caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        )
    if isinstance(block, Figure):
        data = base64.b64encode(block.png).decode("ascii")
        return (
            f'<figure><img src="data:image/png;base64,{data}" alt="{escape(block.alt)}"></figure>'
        )
    if isinstance(block, Quote):
        translation = (
            f'<p class="translation" dir="auto">{escape(block.translation)}</p>'
            if block.translation
            else ""
        )
        source = f'<p class="source">{escape(block.source)}</p>' if block.source else ""
        return (
            f'<blockquote lang="{escape(block.language)}" dir="{block.direction}">'
            f"{escape(block.text)}</blockquote>{translation}{source}"
        )
    raise TypeError(f"unknown block {block!r}")


def _numeric(index: int, table: Table) -> str:
    return ' class="numeric"' if index in table.numeric else ""
