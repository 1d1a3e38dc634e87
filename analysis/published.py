"""Published figures: the one path from answers to every number a person gets to see.

Disclosure control is the cell key method (consistent, bounded perturbation): every respondent
gets a secret record key derived from the consultation's disclosure key; a cell's key is the
sum of its respondents' record keys, and its noise (−3 … +3) is read off the cell key. The same
set of respondents therefore always gets the same noise, in every view, format and filter, so
subtracting views yields noise, not people. Counts of 1 … threshold − 1 are not shown at all
(primary suppression). Shares, means, medians and top-two shares are computed only from the
published (perturbed) counts and rounded. Extremes (min / max, earliest / latest) are never
published: they are single people's values. A view resting on fewer than threshold
respondents shows nothing. A threshold of 1 switches all of this off.

Pure pandas: must not import flask, sqlalchemy, surveys or consult.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analysis.questions import DONT_KNOW, TEXT_KINDS, QuestionInfo

NOISE = 3  # published counts differ from the true ones by at most this much
_SPAN = 2 * NOISE + 1
_MODULUS = 1 << 32
CHART_KINDS = ("single_choice", "multiple_choice", "yes_no", "consent", "scale")
DISCLOSURE_METHOD = (
    "Figures are protected against re-identification: every count is changed at random by at "
    "most {noise} (the same people always get the same change), counts below {threshold} are "
    "not shown (marked “{mark}”), and percentages, means and medians are computed from the "
    "published counts. Percentages are shares of everyone who answered the question, "
    "including “don't know”; means and medians leave “don't know” out."
)


@dataclass
class Row:
    """One published line of a question: an answer (or language, or month) and its figures."""

    code: str
    label: str
    count: int | None
    share: float | None = None
    mean_rank: float | None = None
    # A matrix item's mean on the scale, from its published counts per point.
    mean: float | None = None


@dataclass
class CrossTab:
    """Answers (rows) by group or language (columns), every cell published like any count."""

    by: str
    columns: list[str]
    totals: list[int | None]
    rows: list[tuple[str, str, list[int | None]]]


@dataclass
class Result:
    """One question's published figures: None stands for a value that is not shown."""

    question: QuestionInfo
    n: int | None
    no_answer: int | None
    rows: list[Row] = field(default_factory=list)
    stats: dict[str, float | str | None] = field(default_factory=dict)
    suppressed: bool = False
    # Free text: whether the view holds enough answers for quotes, lists and word clouds.
    texts_shown: bool = False
    chart: bytes | None = None
    chart_alt: str = ""  # what the chart shows, in words, for screen readers
    crosstabs: list[CrossTab] = field(default_factory=list)


@dataclass
class Published:
    """A view's published figures: respondents, breakdowns and a result per question."""

    respondents: int | None
    too_few: bool
    results: list[Result]
    threshold: int


def record_keys(response_ids: pd.Series | pd.Index, secret: str) -> pd.Series:
    """A secret 32-bit key per respondent, indexed by response id (stable for a secret)."""
    key = hashlib.blake2b(secret.encode("utf-8"), digest_size=32).digest()
    ids = pd.Index(pd.unique(pd.Series(response_ids, dtype="object")))
    values = [
        int.from_bytes(
            hashlib.blake2b(str(i).encode("utf-8"), key=key, digest_size=4).digest(), "big"
        )
        for i in ids
    ]
    return pd.Series(np.asarray(values, dtype="int64"), index=ids)


def noise(cell_key: int) -> int:
    """The perturbation of a cell, read off its key: uniform over −NOISE … +NOISE."""
    return ((int(cell_key) % _MODULUS) * _SPAN >> 32) - NOISE


def published_count(n: int, cell_key: int, threshold: int) -> int | None:
    """A count as it may be published: 0 stays 0, small counts are hidden, others perturbed."""
    if n <= 0:
        return 0
    if threshold <= 1:
        return n  # a threshold of 1 is the consultation's explicit choice of no protection
    if n < threshold:
        return None
    return max(n + noise(cell_key), threshold)


def _share(count: int | None, base: int | None) -> float | None:
    if count is None or not base:
        return None
    return round(count / base, 2)


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), digits)


class _Cells:
    """Counts and cell keys of sets of respondents in one view."""

    def __init__(self, keys: pd.Series, threshold: int):
        self.keys = keys
        self.threshold = threshold

    def of(self, ids: pd.Series | pd.Index) -> tuple[int, int]:
        unique = pd.unique(pd.Series(ids, dtype="object"))
        return len(unique), int(self.keys.reindex(unique).fillna(0).sum())

    def count(self, ids: pd.Series | pd.Index) -> int | None:
        n, key = self.of(ids)
        return published_count(n, key, self.threshold)

    def by(self, frame: pd.DataFrame, column: str) -> dict[str, tuple[int, int]]:
        """Per value of `column`: distinct respondents and their cell key."""
        if frame.empty:
            return {}
        pairs = frame[["response_id", column]].astype({column: "object"}).drop_duplicates()
        pairs = pairs.assign(key=pairs["response_id"].map(self.keys).fillna(0).astype("int64"))
        grouped = pairs.groupby(column, observed=True)["key"].agg(["size", "sum"])
        return {str(k): (int(v["size"]), int(v["sum"])) for k, v in grouped.iterrows()}

    def counts(self, frame: pd.DataFrame, column: str, order: list[str]) -> dict[str, int | None]:
        cells = self.by(frame, column)
        extra = [code for code in cells if code not in order]
        return {
            code: published_count(*cells.get(code, (0, 0)), self.threshold)
            for code in [*order, *extra]
        }


def _median_from_counts(points: list[int], counts: list[int]) -> float | None:
    total = sum(counts)
    if not total:
        return None
    expanded = np.repeat(points, counts)
    return float(np.median(expanded))


def _choice(result: Result, rows: pd.DataFrame, cells: _Cells) -> None:
    question = result.question
    answered = rows.dropna(subset=["option_code"])
    counts = cells.counts(answered, "option_code", question.option_codes)
    for code, count in counts.items():
        result.rows.append(Row(code, question.answer_label(code), count, _share(count, result.n)))


def _consent(result: Result, rows: pd.DataFrame, cells: _Cells) -> None:
    """Who agreed, as a share of everyone shown the question (not ticking is not agreeing)."""
    agreed = rows[rows["option_code"].astype("object").eq("yes")]
    count = cells.count(agreed["response_id"])
    base = None
    if result.n is not None and result.no_answer is not None:
        base = result.n + result.no_answer
    result.rows.append(Row("yes", result.question.option_label("yes"), count, _share(count, base)))


def _scale(result: Result, rows: pd.DataFrame, cells: _Cells) -> None:
    question = result.question
    points = list(range(question.scale_min, question.scale_max + 1))
    values = rows.dropna(subset=["number"])
    values = values.assign(point=values["number"].round().astype("int64").astype(str))
    counts = cells.counts(values, "point", [str(p) for p in points])
    dont_know = rows[rows["option_code"].astype("object").eq(DONT_KNOW)]
    for code, count in counts.items():
        result.rows.append(Row(code, question.answer_label(code), count, _share(count, result.n)))
    if question.allows_dont_know or len(dont_know):
        count = cells.count(dont_know["response_id"])
        result.rows.append(
            Row(DONT_KNOW, question.option_label(DONT_KNOW), count, _share(count, result.n))
        )
    published = [counts[str(p)] for p in points]
    if any(c is None for c in published):
        result.stats = {"mean": None, "median": None, "top_two_share": None}
        return
    known = [int(c or 0) for c in published]
    valid = sum(known)
    mean = sum(p * c for p, c in zip(points, known, strict=True)) / valid if valid else None
    top_two = sum(known[-2:]) / valid if valid else None
    result.stats = {
        "mean": _round(mean),
        "median": _round(_median_from_counts(points, known)),
        "top_two_share": _round(top_two, 2),
    }


def _number(result: Result, rows: pd.DataFrame, cells: _Cells) -> None:
    values = rows["number"].dropna()
    if values.empty:
        return

    # Rounded to two significant digits: a mean of many people cannot be solved for one.
    def rough(value: float) -> float:
        return float(f"{value:.2g}")

    result.stats = {"mean": rough(values.mean()), "median": rough(values.median())}


def _ranking(result: Result, rows: pd.DataFrame, cells: _Cells) -> None:
    question = result.question
    ranked = rows.dropna(subset=["option_code", "number"])
    ranked = ranked.assign(position=ranked["number"].round().astype("int64"))
    codes = [o.code for o in question.options] or sorted(
        str(c) for c in ranked["option_code"].astype("object").unique()
    )
    for code in codes:
        mine = ranked[ranked["option_code"].astype("object") == code]
        by_position = cells.by(mine, "position")
        published = {
            int(p): published_count(n, key, cells.threshold) for p, (n, key) in by_position.items()
        }
        first = published.get(1, 0)
        mean_rank = None
        if published and all(c is not None for c in published.values()):
            total = sum(int(c or 0) for c in published.values())
            if total:
                mean_rank = _round(sum(p * int(c or 0) for p, c in published.items()) / total)
        result.rows.append(Row(code, question.option_label(code), first, None, mean_rank))
    result.rows.sort(key=lambda r: (r.mean_rank is None, r.mean_rank or 0))


def _matrix(result: Result, rows: pd.DataFrame, cells: _Cells) -> None:
    """Per item (an option): who rated it, and the mean of the published counts per point."""
    question = result.question
    rated = rows.dropna(subset=["option_code", "number"])
    rated = rated.assign(point=rated["number"].round().astype("int64"))
    points = list(range(question.scale_min, question.scale_max + 1))
    for option in question.options:
        mine = rated[rated["option_code"].astype("object") == option.code]
        count = cells.count(mine["response_id"])
        by_point = cells.by(mine, "point")
        published = [
            published_count(*by_point.get(str(p), (0, 0)), cells.threshold) for p in points
        ]
        mean = None
        if count and all(c is not None for c in published):
            total = sum(int(c or 0) for c in published)
            if total:
                mean = _round(
                    sum(p * int(c or 0) for p, c in zip(points, published, strict=True)) / total
                )
        result.rows.append(Row(option.code, option.label, count, mean=mean))


def _text(result: Result, rows: pd.DataFrame, cells: _Cells) -> None:
    texts = rows.dropna(subset=["text"])
    texts = texts[texts["text"].astype(str).str.strip() != ""]
    for code, count in cells.counts(texts, "language", []).items():
        result.rows.append(Row(code, code, count))
    result.texts_shown = True


def _date(result: Result, rows: pd.DataFrame, cells: _Cells) -> None:
    # By year: months split a consultation's answers into cells so small that nearly all
    # are suppressed ("since when are you active?" over ten years showed nothing at all).
    dates = pd.to_datetime(rows["text"], errors="coerce", format="%Y-%m-%d")
    frame = rows.assign(year=dates.dt.strftime("%Y")).dropna(subset=["year"])
    counts = cells.counts(frame, "year", sorted(frame["year"].unique()))
    for code, count in counts.items():
        result.rows.append(Row(code, code, count))


_PUBLISHERS = {
    "single_choice": _choice,
    "multiple_choice": _choice,
    "yes_no": _choice,
    "consent": _consent,
    "scale": _scale,
    "number": _number,
    "ranking": _ranking,
    "matrix": _matrix,
    "date": _date,
    **{kind: _text for kind in TEXT_KINDS},
}


def _answered(question: QuestionInfo, rows: pd.DataFrame) -> pd.Series:
    if question.kind in TEXT_KINDS:
        texts = rows.dropna(subset=["text"])
        return texts[texts["text"].astype(str).str.strip() != ""]["response_id"]
    if question.kind == "date":
        dates = pd.to_datetime(rows["text"], errors="coerce", format="%Y-%m-%d")
        return rows[dates.notna()]["response_id"]
    if question.kind in ("number",):
        return rows.dropna(subset=["number"])["response_id"]
    if question.kind in ("ranking", "matrix"):
        return rows.dropna(subset=["option_code", "number"])["response_id"]
    if question.kind == "scale":
        return rows[rows["number"].notna() | rows["option_code"].notna()]["response_id"]
    return rows.dropna(subset=["option_code"])["response_id"]


CROSSTAB_BY = ("group", "language")


def _crosstab(result: Result, rows: pd.DataFrame, cells: _Cells, by: str) -> CrossTab:
    """Respondents per answer and category; a category answered by too few shows nothing."""
    question = result.question
    if question.kind == "scale":
        rows = rows.dropna(subset=["number"])
        answer = rows["number"].round().astype("int64").astype(str)
        order = [str(p) for p in range(question.scale_min, question.scale_max + 1)]
    else:
        rows = rows.dropna(subset=["option_code"])
        answer = rows["option_code"].astype("object").astype(str)
        order = question.option_codes
    category = rows[by].astype("object").fillna("—").astype(str)
    frame = pd.DataFrame(
        {"response_id": rows["response_id"], "cell": answer + "\x1f" + category, "by": category}
    )
    columns = sorted(category.unique())
    totals = cells.counts(frame, "by", columns)
    counts = cells.by(frame, "cell")
    table_rows = []
    for code in order:
        line: list[int | None] = []
        for column in columns:
            if totals[column] is None:
                line.append(None)
                continue
            n, key = counts.get(f"{code}\x1f{column}", (0, 0))
            line.append(published_count(n, key, cells.threshold))
        table_rows.append((code, question.answer_label(code), line))
    return CrossTab(by, columns, [totals[c] for c in columns], table_rows)


def publish(
    answers: pd.DataFrame,
    respondents: pd.DataFrame,
    questions: list[QuestionInfo],
    threshold: int,
    secret: str,
    *,
    crosstabs: bool = False,
    shown: Mapping[str, Sequence[Any]] | None = None,
) -> Published:
    """Every figure of one view (all respondents, or a filtered set) as it may be published.

    `shown` lists, per question code, the respondents a condition showed the question to;
    its "no answer" then counts only those (the others never saw it).
    """
    ids = respondents["response_id"] if len(respondents) else pd.Series([], dtype="object")
    keys = record_keys(ids, secret)
    cells = _Cells(keys, threshold)
    total, total_key = cells.of(ids)
    if 0 < total < threshold:
        return Published(None, True, [], threshold)
    groups = (
        {str(code): rows for code, rows in answers.groupby("question_code", observed=True)}
        if len(answers)
        else {}
    )
    empty = answers.iloc[0:0]
    results = []
    for question in questions:
        rows = groups.get(question.code, empty)
        answered = _answered(question, rows)
        n, key = cells.of(answered)
        base, base_key = total, total_key
        if shown is not None and question.code in shown:
            base, base_key = cells.of(pd.Series(list(shown[question.code]), dtype="object"))
        result = Result(
            question,
            n=published_count(n, key, threshold),
            no_answer=published_count(max(base - n, 0), (base_key - key) % _MODULUS, threshold),
        )
        if 0 < n < threshold:
            result.suppressed = True
        elif n:
            _PUBLISHERS[question.kind](result, rows, cells)
            result.suppressed = any(r.count is None for r in result.rows) or any(
                v is None for v in result.stats.values()
            )
            if crosstabs and question.kind in CHART_KINDS:
                result.crosstabs = [_crosstab(result, rows, cells, by) for by in CROSSTAB_BY]
        results.append(result)
    return Published(published_count(total, total_key, threshold), False, results, threshold)


def enough_to_quote(respondents: int, threshold: int) -> bool:
    """Free-text lists, quotes and word clouds need at least threshold answers in the view."""
    return threshold <= 1 or respondents >= threshold


def category_counts(
    respondents: pd.DataFrame, column: str, threshold: int, secret: str
) -> dict[str, int | None]:
    """Respondents per group, language or channel, as they may be published."""
    if respondents.empty:
        return {}
    frame = respondents.assign(**{column: respondents[column].astype("object").fillna("—")})
    cells = _Cells(record_keys(frame["response_id"], secret), threshold)
    return cells.counts(frame, column, [])


def theme_counts(
    answers: pd.DataFrame, theme_codes: list[str], threshold: int, secret: str
) -> dict[str, int | None]:
    """Respondents whose answers carry each theme, as they may be published."""
    if "themes" not in answers or answers.empty:
        return dict.fromkeys(theme_codes, 0)
    coded = answers[["response_id", "themes"]].explode("themes").dropna(subset=["themes"])
    cells = _Cells(record_keys(answers["response_id"], secret), threshold)
    counts = cells.counts(coded.rename(columns={"themes": "theme"}), "theme", list(theme_codes))
    return {code: counts[code] for code in theme_codes}


def method_statement(threshold: int, mark: str, template: str = DISCLOSURE_METHOD) -> str:
    """The sentence every report prints once about disclosure control."""
    return template.format(threshold=threshold, mark=mark, noise=NOISE)
