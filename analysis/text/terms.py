"""Term frequencies and keywords per question and language, and pooled through translations."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import pandas as pd

from analysis.text.tokens import base_language, lemmatise, stopwords, tokens

YAKE_LANGUAGES = {"ar", "de", "en", "fa", "ru", "tr", "uk", "es", "fr", "it", "pl", "pt", "nl"}
# Keyword extraction slows down badly on huge or pathological input: bound what it reads.
MAX_TEXT = 2_000
MAX_CORPUS = 300_000
LONG_WORD = re.compile(r"\S{41,}")


def frequencies(texts: Iterable[str], language: str, *, lemmas: bool = False) -> Counter[str]:
    """How often each word occurs in the texts (stop words left out)."""
    counter: Counter[str] = Counter()
    for text in texts:
        words = tokens(text, language)
        counter.update(lemmatise(words, language) if lemmas else words)
    return counter


def keywords(texts: Iterable[str], language: str, top: int = 20) -> list[tuple[str, float]]:
    """Key words and phrases (YAKE), most relevant first, as (phrase, relevance 0..1)."""
    corpus = "\n".join(LONG_WORD.sub(" ", t[:MAX_TEXT]).strip() for t in texts if t and t.strip())[
        :MAX_CORPUS
    ]
    if not corpus.strip():
        return []
    lang = base_language(language)
    import yake

    extractor = yake.KeywordExtractor(
        lan=lang if lang in YAKE_LANGUAGES else "en", n=2, top=top, stopwords=set(stopwords(lang))
    )
    try:
        found = extractor.extract_keywords(corpus)
    except (ValueError, ZeroDivisionError, KeyError):
        return []
    # YAKE scores are "lower is better"; turn them into a relevance where higher is better.
    return [(phrase, float(1 / (1 + score))) for phrase, score in found]


def text_rows(answers: pd.DataFrame, question_code: str | None = None) -> pd.DataFrame:
    """The non-empty free-text rows of the frame (optionally of one question)."""
    rows = answers.dropna(subset=["text"])
    if question_code is not None:
        rows = rows[rows["question_code"].astype("object") == question_code]
    return rows[rows["text"].astype(str).str.strip() != ""]


def pooled(rows: pd.DataFrame, report_language: str) -> Counter[str]:
    """Word counts across languages: the report-language original or its translation."""
    texts = []
    for language, text, translation in zip(
        rows["language"].astype("object"),
        rows["text"].astype(str),
        rows["translation"] if "translation" in rows else [None] * len(rows),
        strict=True,
    ):
        if base_language(str(language)) == base_language(report_language):
            texts.append(text)
        elif isinstance(translation, str) and translation.strip():
            texts.append(translation)
    return frequencies(texts, report_language)
