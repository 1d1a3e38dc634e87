"""A small streaming XLSX writer: inline strings and numbers, one worksheet per table.

openpyxl and similar writers build every cell as a Python object, which takes minutes for a
consultation of 100,000 respondents (millions of answer rows). This writer turns whole
columns into SpreadsheetML at once with vectorised string operations and streams them into
the ZIP package, a chunk of rows at a time. Cells are inline strings or numbers, never
formulas, and every text still passes through the formula guard of `analysis.safe`.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd

from analysis.report.blocks import Percent
from analysis.safe import safe_cell

MAX_ROWS = 1_048_576  # Excel's limit per sheet, header included
CHUNK = 100_000
# Characters XML 1.0 does not allow (they would make the file unreadable).
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{sheets}</Types>"
)
SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
    # 0 normal, 1 bold, 2 text kept as text when edited (quote prefix, no visible apostrophe),
    # 3 a share shown as a percentage.
    '<cellXfs count="4"><xf fontId="0"/><xf fontId="1" applyFont="1"/>'
    '<xf fontId="0" quotePrefix="1"/><xf fontId="0" numFmtId="9" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RELS_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _text(value: object, bold: bool = False) -> str:
    """One text cell's XML: an inline string is never a formula; text that would read as one
    gets the quote-prefix style, so it stays text when edited without showing an apostrophe."""
    text = ILLEGAL.sub("", str(value))
    guarded = safe_cell(text) != text
    style = ' s="2"' if guarded else (' s="1"' if bold else "")
    return f'<c{style} t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def _cell(value: object, bold: bool = False) -> str:
    if value is None or value == "":
        return "<c/>"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _text(value, bold)
    if isinstance(value, Percent):
        return f'<c s="3"><v>{float(value)!r}</v></c>'
    return f"<c><v>{value!r}</v></c>"


def _column(values: pd.Series) -> np.ndarray:
    """Cell XML for a whole column. Each distinct value is written once and then repeated:
    answer tables repeat the same codes, labels and dates millions of times."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    cells = [_cell(_plain(value)) for value in uniques]
    cells.append("<c/>")  # code -1: missing
    return np.asarray(cells, dtype=object)[codes]


def _plain(value: object) -> object:
    """Numbers as int or float (numpy scalars would print oddly), the rest unchanged."""
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        number = float(value)
        return int(number) if number.is_integer() else number
    return value


def _frame_rows(frame: pd.DataFrame) -> str:
    if frame.empty:
        return ""
    cells = None
    for column in frame.columns:
        part = _column(frame[column])
        cells = part if cells is None else cells + part
    if cells is None:
        return ""
    return "<row>" + "</row><row>".join(cells.tolist()) + "</row>"


class Workbook:
    """Sheets are added in order; `save` returns the XLSX file as bytes."""

    def __init__(self) -> None:
        self._buffer = io.BytesIO()
        self._zip = zipfile.ZipFile(self._buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self._sheets: list[tuple[str, bool]] = []

    def _open_sheet(self, title: str, right_to_left: bool):
        number = len(self._sheets) + 1
        self._sheets.append((title, right_to_left))
        handle = self._zip.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True)
        view = '<sheetViews><sheetView workbookViewId="0"{}/></sheetViews>'.format(
            ' rightToLeft="1"' if right_to_left else ""
        )
        handle.write(
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<worksheet {MAIN}>{view}<sheetData>".encode()
        )
        return handle

    def add_rows(
        self,
        title: str,
        rows: Iterable[Sequence[object]],
        *,
        right_to_left: bool = False,
        bold_rows: set[int] | None = None,
    ) -> None:
        """A small sheet from Python rows (summaries): strings, numbers or None."""
        handle = self._open_sheet(title, right_to_left)
        bold_rows = bold_rows or set()
        for index, row in enumerate(rows):
            bold = index in bold_rows
            cells = "".join(_cell(value, bold) for value in row)
            handle.write(f"<row>{cells}</row>".encode())
        handle.write(b"</sheetData></worksheet>")
        handle.close()

    def add_frame(self, title: str, frame: pd.DataFrame, *, header: Sequence[str]) -> None:
        """A large table, split over as many sheets as Excel's row limit needs."""
        per_sheet = MAX_ROWS - 1
        parts = max(1, -(-len(frame) // per_sheet))
        for part in range(parts):
            name = title if parts == 1 else f"{title} {part + 1}"
            handle = self._open_sheet(name, False)
            head = "".join(_text(h, bold=True) for h in header)
            handle.write(f"<row>{head}</row>".encode())
            start, stop = part * per_sheet, min((part + 1) * per_sheet, len(frame))
            for offset in range(start, stop, CHUNK):
                chunk = frame.iloc[offset : min(offset + CHUNK, stop)]
                handle.write(_frame_rows(chunk).encode())
            handle.write(b"</sheetData></worksheet>")
            handle.close()

    def save(self) -> bytes:
        sheets = "".join(
            f'<sheet name="{escape(_sheet_name(title))}" sheetId="{n}" r:id="rId{n}"/>'
            for n, (title, _rtl) in enumerate(self._sheets, start=1)
        )
        self._zip.writestr(
            "[Content_Types].xml",
            CONTENT_TYPES.format(
                sheets="".join(SHEET_TYPE.format(n=n) for n in range(1, len(self._sheets) + 1))
            ),
        )
        self._zip.writestr("_rels/.rels", ROOT_RELS)
        self._zip.writestr("xl/styles.xml", STYLES)
        self._zip.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {MAIN} {RELS_NS}>'
            f"<sheets>{sheets}</sheets></workbook>",
        )
        relations = "".join(
            f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, len(self._sheets) + 1)
        )
        styles = len(self._sheets) + 1
        relations += (
            f'<Relationship Id="rId{styles}" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        )
        self._zip.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{relations}</Relationships>",
        )
        self._zip.close()
        return self._buffer.getvalue()


def _sheet_name(title: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Sheet"
