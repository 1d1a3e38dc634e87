"""XLSX in and out for translation tables (openpyxl); every cell goes through the guard."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence

from openpyxl import Workbook, load_workbook

from surveys.authoring.tables import guard_cell, unguard_cell
from surveys.errors import Invalid
from surveys.uploads import check_xlsx
from surveys.vocabulary import N_

XLSX_MAGIC = b"PK\x03\x04"


def encode_xlsx(rows: Iterable[Sequence[object]], title: str = "texts") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append([guard_cell(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def decode_xlsx(data: bytes) -> list[list[str]]:
    """The first sheet's rows as strings."""
    check_xlsx(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise Invalid(N_("This file is not an XLSX workbook.")) from None
    try:
        sheet = workbook.worksheets[0]
        return [
            [unguard_cell(_text(cell)) for cell in row] for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        workbook.close()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
