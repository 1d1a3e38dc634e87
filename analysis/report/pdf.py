"""The report as PDF, rendered by WeasyPrint from the same HTML as the preview."""

from __future__ import annotations

from analysis.report.blocks import Report
from analysis.report.html import document


def render(report: Report) -> bytes:
    """PDF bytes. Everything the report needs is inline (CSS, data: images): nothing is
    fetched from a network or the file system."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=document(report), url_fetcher=fetcher).write_pdf()
