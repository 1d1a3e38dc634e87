"""Cross-tabs as a report option: the report prints the results page's published cells."""

from __future__ import annotations

import html
import io
import re

import openpyxl
from sqlalchemy import select

from surveys.models import ReportSettings
from tests.consult.test_disclosure_intruder import _page


def _xlsx_crosstabs(content: bytes) -> dict[str, list[tuple[str, list]]]:
    """Cross-tab tables of the report's summary sheet: caption -> (row label, cells)."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    tables: dict[str, list[tuple[str, list]]] = {}
    caption = None
    for row in book.worksheets[0].iter_rows(values_only=True):
        cells = list(row)
        while cells and cells[-1] is None:
            cells.pop()
        if not cells:
            caption = None
        elif len(cells) == 1 and " · " in str(cells[0]):
            caption = str(cells[0])
            tables[caption] = []
        elif caption and cells[0] != "Antwort":
            tables[caption].append((str(cells[0]), cells[1:]))
    return tables


def test_report_crosstabs_equal_the_results_page_for_the_demo(client, sign_in, db_session):
    from surveys.demo import loader

    demo = loader.load(db_session, password="demo-passwort-2027-x", responses=60)
    db_session.commit()
    consultation = demo.consultation
    sign_in("facilitator", email="crosstabs@example.org")
    base = f"/staff/review/{consultation.id}"
    before = client.get(f"{base}/report/export.xlsx").get_data()
    assert _xlsx_crosstabs(before) == {}  # not chosen: no cross-tab in the report
    saved = client.post(f"{base}/report", data={"crosstab": ["group", "language", "bogus"]})
    assert saved.status_code == 302
    settings = db_session.scalars(
        select(ReportSettings).where(ReportSettings.consultation_id == consultation.id)
    ).one()
    db_session.refresh(settings)
    form = client.get(f"{base}/report").get_data(as_text=True)
    assert re.search(r'id="crosstab-group"[^>]*checked', form)
    assert re.search(r'id="crosstab-language"[^>]*checked', form)

    page = _page(client.get(f"{base}/results").get_data(as_text=True))
    report = _xlsx_crosstabs(client.get(f"{base}/report/export.xlsx").get_data())
    assert report, "the chosen cross-tabs are in the report"
    labels = {
        code: re.sub(r"\s+", " ", label).strip()
        for code, label in re.findall(
            r'<h2 [^>]*id="result-(\w+)"[^>]*>(.*?)</h2>',
            client.get(f"{base}/results").get_data(as_text=True),
            re.S,
        )
    }
    compared = 0
    for code, figures in page["questions"].items():
        for _heads, lines in figures["crosstabs"]:
            # The report's tables for this question (by group, by language), hidden as None.
            tables = [
                {label: [None if v == "–" else v for v in values] for label, values in rows}
                for caption, rows in report.items()
                if caption.startswith(html.unescape(labels[code]) + " · ")
            ]
            assert any(table == lines for table in tables), (code, lines, tables)
            compared += sum(c is not None for counts in lines.values() for c in counts)
    assert compared > 50
