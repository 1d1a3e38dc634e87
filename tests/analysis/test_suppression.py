from __future__ import annotations

import pandas as pd

from analysis.breakdowns import breakdown
from analysis.suppression import method_statement, suppress
from tests.analysis.conftest import CHOICE


def test_small_cells_are_suppressed_but_zero_and_large_cells_are_not():
    result = suppress(pd.Series({"a": 12, "b": 0, "c": 3, "d": 7}, name="n"), threshold=5)
    assert result.mask["n"].to_dict() == {"a": False, "b": False, "c": True, "d": True}
    # c (3) alone could be worked out from the total 22: the next smallest non-zero, d, goes too.


def test_complementary_suppression_protects_rows_and_columns():
    table = pd.DataFrame(
        {"volunteers": [20, 2, 9], "police": [11, 8, 6]}, index=["yes", "no", "dont_know"]
    )
    result = suppress(table, threshold=5)
    mask = result.mask
    assert mask.loc["no", "volunteers"]
    # Column volunteers: 2 suppressed → 9 (smallest other) suppressed too.
    assert mask.loc["dont_know", "volunteers"]
    # Row "no" had one suppressed cell → its other cell (8) is suppressed as well;
    # row dont_know likewise → 6; then column police has two suppressed cells.
    assert mask.loc["no", "police"] and mask.loc["dont_know", "police"]
    assert not mask.loc["yes", "volunteers"] and not mask.loc["yes", "police"]
    # No line is left with exactly one suppressed cell.
    assert all(mask[c].sum() != 1 for c in mask) and all(mask.loc[r].sum() != 1 for r in mask.index)


def test_a_total_below_the_threshold_suppresses_the_whole_column():
    result = suppress(pd.Series({"a": 2, "b": 1}, name="few"), threshold=5)
    assert result.column_total_mask.to_dict() == {"few": True}
    assert result.mask["few"].all()
    assert result.published()["few"].isna().all()


def test_a_suppressed_column_protects_its_rows_in_the_other_columns():
    # Row totals (32, 41) are published: 30 and 40 would give away the 2 and the 1.
    result = suppress(pd.DataFrame({"few": [2, 1], "many": [30, 40]}), threshold=5)
    assert result.mask.to_numpy().all()


def test_shares_of_suppressed_counts_are_not_published():
    result = suppress(pd.Series({"a": 20, "b": 3, "c": 4}, name="n"), threshold=5)
    shares = result.shares()["n"]
    assert shares["a"] == 20 / 27
    assert shares[["b", "c"]].isna().all()


def test_breakdown_by_group_suppresses_small_cells(answers):
    result = breakdown(answers, CHOICE, "language", threshold=2)
    assert result.counts["de"].to_dict() == {"shared": 3, "flat": 1, "other": 1}
    assert result.mask["de"].to_dict() == {"shared": False, "flat": True, "other": True}


def test_the_method_is_stated_with_the_threshold():
    assert method_statement(5).startswith("Figures resting on fewer than 5 respondents")
