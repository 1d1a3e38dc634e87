"""Small-cell suppression: the one function every published figure passes through.

A count resting on fewer respondents than the threshold (but more than none) is suppressed.
Then complementary suppression: wherever a row or column total is published and exactly one
of its cells is suppressed, the smallest other non-zero cell of that row or column is
suppressed too, so that no suppressed value can be worked out by subtraction. This repeats
until nothing changes. A total resting on fewer respondents than the threshold is itself
suppressed, and with it every cell it contains.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

DEFAULT_THRESHOLD = 5
SUPPRESSION_METHOD = (
    "Figures resting on fewer than {threshold} respondents are not shown (marked “{mark}”); "
    "where a suppressed figure could be worked out from a total, a further figure is "
    "suppressed as well. Percentages are shares of those who answered the question."
)
MARK = "–"


@dataclass(frozen=True)
class Suppressed:
    """Counts with a mask of what may not be published; totals per row and column."""

    counts: pd.DataFrame
    mask: pd.DataFrame
    row_totals: pd.Series
    row_total_mask: pd.Series
    column_totals: pd.Series
    column_total_mask: pd.Series

    def published(self) -> pd.DataFrame:
        """Counts as floats with NaN where suppressed."""
        return self.counts.astype("float64").mask(self.mask)

    def shares(self, base: pd.Series | float | None = None) -> pd.DataFrame:
        """Shares of the column totals (or of `base`), NaN where the count is suppressed."""
        denominators = self.column_totals if base is None else base
        with np.errstate(divide="ignore", invalid="ignore"):
            shares = self.counts.astype("float64").div(denominators, axis="columns")
        return shares.mask(self.mask | self.column_total_mask.values[np.newaxis, :])

    @property
    def any_suppressed(self) -> bool:
        return bool(self.mask.to_numpy().any() or self.column_total_mask.any())


def _complement(values: np.ndarray, mask: np.ndarray, axis: int) -> bool:
    """Suppress a second cell in every line (row or column) with exactly one; True if changed."""
    changed = False
    lines = values.shape[1 - axis] if values.ndim == 2 else 1
    for index in range(lines):
        line_values = values[:, index] if axis == 0 else values[index, :]
        line_mask = mask[:, index] if axis == 0 else mask[index, :]
        if line_mask.sum() != 1:
            continue
        candidates = np.where(~line_mask & (line_values > 0))[0]
        if len(candidates) == 0:
            continue
        smallest = candidates[np.argmin(line_values[candidates])]
        if axis == 0:
            mask[smallest, index] = True
        else:
            mask[index, smallest] = True
        changed = True
    return changed


def suppress(
    counts: pd.DataFrame | pd.Series,
    threshold: int = DEFAULT_THRESHOLD,
    *,
    column_totals: pd.Series | None = None,
    row_totals: pd.Series | None = None,
) -> Suppressed:
    """Mark every count of the table that may not be published.

    `counts` holds respondents per cell; totals default to the sums and may be given when
    they differ (multiple choice: a respondent counts in several cells but once in the total).
    """
    frame = counts.to_frame() if isinstance(counts, pd.Series) else counts
    frame = frame.fillna(0).astype("int64")
    values = frame.to_numpy()
    columns = frame.sum(axis=0) if column_totals is None else column_totals.reindex(frame.columns)
    rows = frame.sum(axis=1) if row_totals is None else row_totals.reindex(frame.index)
    columns = columns.fillna(0).astype("int64")
    rows = rows.fillna(0).astype("int64")
    column_mask = (columns > 0) & (columns < threshold)
    row_mask = (rows > 0) & (rows < threshold)
    mask = (values > 0) & (values < threshold)
    mask |= column_mask.to_numpy()[np.newaxis, :]
    # Each column has a published total; rows only when there is more than one column.
    changed = True
    while changed:
        changed = _complement(values, mask, axis=0)
        if values.shape[1] > 1:
            changed = _complement(values, mask, axis=1) or changed
    return Suppressed(
        counts=frame,
        mask=pd.DataFrame(mask, index=frame.index, columns=frame.columns),
        row_totals=rows,
        row_total_mask=row_mask,
        column_totals=columns,
        column_total_mask=column_mask,
    )


def published_count(n: int, threshold: int) -> int | None:
    """A single respondent count as it may be published: None when 0 < n < threshold."""
    return None if 0 < n < threshold else n


def method_statement(threshold: int, template: str = SUPPRESSION_METHOD, mark: str = MARK) -> str:
    """The sentence every report states about suppression."""
    return template.format(threshold=threshold, mark=mark)
