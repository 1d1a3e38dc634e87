"""CSV in and out, and the guard that keeps spreadsheet programs from running cell formulas.

Must not import flask, wtforms, consult, analysis or pandas.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from surveys.errors import Invalid
from surveys.uploads import read_text
from surveys.vocabulary import N_

# A cell starting with one of these, after any whitespace, is run as a formula by Excel or
# LibreOffice. The same rule as `analysis.safe` (which surveys may not import); both are
# checked on the same cases by tests/test_formula_rule.py.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
FORMULA_START = re.compile(r"^\s*[" + re.escape("".join(FORMULA_STARTS)) + "]")


def guard_cell(value: object) -> str:
    """The text of a cell, prefixed with ' when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if FORMULA_START.match(text) else text


def unguard_cell(value: object) -> str:
    """Undo `guard_cell`, so an exported text imports back unchanged."""
    text = "" if value is None else str(value)
    if text.startswith("'") and FORMULA_START.match(text[1:]):
        return text[1:]
    return text


def encode_csv(rows: Iterable[Sequence[object]]) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads it as such), every cell guarded."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([guard_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def decode_csv(data: bytes) -> list[list[str]]:
    """Rows of a CSV file, separated by commas, semicolons (German Excel) or tabs."""
    text = read_text(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise Invalid(N_("The CSV file cannot be read: %(error)s"), error=str(error)) from None
    return [[unguard_cell(cell) for cell in row] for row in rows]
