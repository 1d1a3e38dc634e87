"""Filters that narrow a consultation's answers to some respondents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd


@dataclass(frozen=True)
class Filters:
    """Respondents to keep; an empty field keeps everyone."""

    groups: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    # question code -> option codes; a respondent must have chosen one of them for each.
    answers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    since: date | None = None
    until: date | None = None

    @property
    def active(self) -> bool:
        return bool(
            self.groups
            or self.languages
            or self.channels
            or self.answers
            or self.since
            or self.until
        )


def keep(respondents: pd.DataFrame, answers: pd.DataFrame, filters: Filters) -> pd.Index:
    """The response ids that pass the filters."""
    selected = respondents
    for column, wanted in (
        ("group", filters.groups),
        ("language", filters.languages),
        ("channel", filters.channels),
    ):
        if wanted:
            selected = selected[selected[column].astype("object").isin(wanted)]
    if filters.since or filters.until:
        days = pd.to_datetime(selected["submitted_at"], utc=True).dt.date
        if filters.since:
            selected = selected[days >= filters.since]
            days = days[days >= filters.since]
        if filters.until:
            selected = selected[days <= filters.until]
    ids = pd.Index(selected["response_id"])
    for code, options in filters.answers.items():
        chosen = answers[
            (answers["question_code"].astype("object") == code)
            & answers["option_code"].astype("object").isin(options)
        ]["response_id"]
        ids = ids.intersection(pd.Index(chosen.unique()))
    return ids


def apply(
    respondents: pd.DataFrame, answers: pd.DataFrame, filters: Filters
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Respondents and answers of the respondents that pass the filters."""
    if not filters.active:
        return respondents, answers
    ids = keep(respondents, answers, filters)
    return (
        respondents[respondents["response_id"].isin(ids)],
        answers[answers["response_id"].isin(ids)],
    )
