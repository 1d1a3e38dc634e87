"""Comparing a consultation with its earlier round, question by question, by code."""

from __future__ import annotations

import pandas as pd

from analysis.summaries import COUNT, SHARE, Summary
from analysis.suppression import suppress


def compare(current: Summary, earlier: Summary, threshold: int) -> pd.DataFrame:
    """Shares per option (or mean for scales and numbers) in both rounds, with both n.

    Columns: share_earlier, share_current, difference_points; suppressed cells are NaN.
    """
    if current.question.kind in ("scale", "number"):
        return pd.DataFrame(
            {
                "n_earlier": [earlier.n],
                "n_current": [current.n],
                "mean_earlier": [earlier.stats.get("mean") if earlier.n >= threshold else None],
                "mean_current": [current.stats.get("mean") if current.n >= threshold else None],
            },
            index=["mean"],
        )
    both = pd.DataFrame(
        {
            "earlier": earlier.table.get(COUNT, pd.Series(dtype="int64")),
            "current": current.table.get(COUNT, pd.Series(dtype="int64")),
        }
    ).fillna(0)
    checked = suppress(
        both,
        threshold,
        column_totals=pd.Series({"earlier": earlier.n, "current": current.n}),
    )
    shares = checked.shares()
    result = pd.DataFrame(
        {
            "share_earlier": shares["earlier"],
            "share_current": shares["current"],
        }
    )
    result["difference_points"] = (result["share_current"] - result["share_earlier"]) * 100
    result.attrs["n"] = {"earlier": earlier.n, "current": current.n}
    return result


__all__ = ["compare", "SHARE"]
