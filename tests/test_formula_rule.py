"""One formula rule for every spreadsheet Consult writes. `surveys` (translation tables)
and `analysis` (exports and reports) may not import each other, so each holds the rule;
this test holds them to the same cases."""

from __future__ import annotations

import pytest

from analysis.safe import safe_cell
from surveys.authoring.tables import guard_cell, unguard_cell

FORMULAS = [
    "=1+1",
    "+49 170 1234567",
    "-5",
    "@SUM(A1)",
    "\t=cmd",
    "\r=cmd",
    "\n=cmd",
    '  =HYPERLINK("http://x")',
    " \n-1",
    "=",
]
PLAIN = ["", "Wohnen", "1 + 1 = 2", "'quoted", "السكن = مشكلة", " text", "5-6 Kurse", "a@b.de"]


@pytest.mark.parametrize("text", FORMULAS)
def test_both_guards_neutralise_the_same_formulas(text):
    assert guard_cell(text) == safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", PLAIN)
def test_both_guards_leave_the_same_plain_text_alone(text):
    assert guard_cell(text) == safe_cell(text) == text


@pytest.mark.parametrize("text", FORMULAS + PLAIN)
def test_a_guarded_cell_reads_back_unchanged(text):
    assert unguard_cell(guard_cell(text)) == text
