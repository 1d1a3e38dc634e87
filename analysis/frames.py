"""Plain rows in, DataFrames out: the long answer frame and the respondents frame."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

ANSWER_COLUMNS = (
    "response_id",
    "question_code",
    "option_code",
    "text",
    "number",
    "language",
    "group",
    "channel",
    "submitted_at",
)
RESPONDENT_COLUMNS = ("response_id", "language", "group", "channel", "submitted_at")
# The answer's own values; the respondent's attributes can be joined from the respondents.
VALUE_COLUMNS = ("response_id", "question_code", "option_code", "text", "number")
CATEGORIES = ("question_code", "option_code", "language", "group", "channel")


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    # Categoricals keep millions of repeated codes small and make groupby fast.
    for column in CATEGORIES:
        if column in frame:
            frame[column] = frame[column].astype("category")
    if "number" in frame:
        frame["number"] = pd.to_numeric(frame["number"], errors="coerce").astype("float64")
    if "submitted_at" in frame:
        frame["submitted_at"] = pd.to_datetime(frame["submitted_at"], utc=True)
    return frame


def _tuples(rows: Iterable[Sequence[Any]]) -> list[tuple]:
    """Rows as plain tuples. Database rows (SQLAlchemy `Row`) answer numpy's per-element
    probes (`__array__`, `__array_interface__` …) through a slow Python fallback: building
    a frame from 145,000 of them spent more time there than in reading them."""
    return [tuple(row) for row in rows]


def answers_frame(
    rows: Iterable[Sequence[Any]] | pd.DataFrame,
    columns: Sequence[str] = ANSWER_COLUMNS,
    respondents: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The long answer frame (one row per answer value) from rows in `columns` order.

    Rows holding only VALUE_COLUMNS get language, group, channel and submission time from
    `respondents`, joined on response_id.
    """
    frame = (
        rows.copy()
        if isinstance(rows, pd.DataFrame)
        else pd.DataFrame.from_records(_tuples(rows), columns=list(columns))
    )
    if respondents is not None and "language" not in frame:
        frame = frame.merge(respondents[list(RESPONDENT_COLUMNS)], on="response_id", how="left")
    for column in ANSWER_COLUMNS:
        if column not in frame:
            frame[column] = None
    if "text" in frame:
        frame["text"] = frame["text"].astype("object")
    return _typed(frame)


def respondent_count(respondents: pd.DataFrame) -> int:
    """How many people answered: the distinct responses of a respondents frame."""
    return int(respondents["response_id"].nunique()) if len(respondents) else 0


def respondents_frame(
    rows: Iterable[Sequence[Any]] | pd.DataFrame | None, answers: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per respondent; derived from the answers when no rows are given."""
    if rows is None:
        if answers is None or answers.empty:
            return _typed(pd.DataFrame(columns=list(RESPONDENT_COLUMNS)))
        frame = answers.drop_duplicates("response_id")[list(RESPONDENT_COLUMNS)]
        return frame.reset_index(drop=True)
    frame = (
        rows.copy()
        if isinstance(rows, pd.DataFrame)
        else pd.DataFrame.from_records(_tuples(rows), columns=list(RESPONDENT_COLUMNS))
    )
    return _typed(frame)
