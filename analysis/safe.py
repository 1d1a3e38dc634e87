"""Spreadsheet safety: no cell of any export may start a formula."""

from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Leading whitespace does not stop a spreadsheet from reading a formula.
FORMULA_START = re.compile(r"^\s*[" + re.escape("".join(FORMULA_STARTS)) + "]")


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and FORMULA_START.match(value):
        return "'" + value
    return value
