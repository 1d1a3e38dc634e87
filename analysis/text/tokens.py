"""Tokenisation that respects each script: Farsi keeps its zero-width non-joiner in words."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

import stop_words
import stopwordsiso

ZWNJ = "\u200c"
# Zero-width and direction controls that carry no meaning for analysis (ZWNJ is kept apart).
INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"),
    None,
)
LONE_JOINER = re.compile(r"\u200d(?![\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF])")
# A word: letters and marks, joined inside by ZWNJ, apostrophes or hyphens.
WORD = re.compile(r"[^\W\d_](?:[\w\u0300-\u036f\u064b-\u065f\u0670']|\u200c(?=\w)|-(?=\w))*")
# Farsi is often typed with Arabic letter forms; fold them so stop words match.
FARSI_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه"})
STOP_WORDS_NAMES = {
    "ar": "arabic",
    "de": "german",
    "en": "english",
    "fa": "persian",
    "ru": "russian",
    "tr": "turkish",
    "uk": "ukrainian",
}
MIN_LENGTH = 2
# Longer "words" are noise (or attacks) that would stall keyword and cloud layout.
MAX_LENGTH = 50


def base_language(language: str) -> str:
    return language.replace("-", "_").split("_")[0].lower()


def normalise(text: str, language: str) -> str:
    """NFC, invisible controls removed, lower case; Farsi letter forms unified.

    Lower case, not casefold: casefold turns German "größte" into "grösste", a word nobody
    wrote, and the word cloud shows the words people wrote.
    """
    text = unicodedata.normalize("NFC", text).translate(INVISIBLE)
    # A zero-width joiner means nothing between letters but holds emoji sequences together.
    text = LONE_JOINER.sub("", text)
    if base_language(language) == "fa":
        text = text.translate(FARSI_FOLD)
        # A ZWNJ next to a space or at a word's edge is a typing slip, not a joiner.
        text = re.sub(r"\s*\u200c+\s*(?=\s|$)|(?<=\s)\u200c+|^\u200c+", " ", text)
    return text.lower()


@cache
def stopwords(language: str) -> frozenset[str]:
    """Stop words of a language: stopwordsiso ∪ stop-words ∪ our own list."""
    lang = base_language(language)
    words: set[str] = set()
    if stopwordsiso.has_lang(lang):
        words |= set(stopwordsiso.stopwords(lang))
    if lang in STOP_WORDS_NAMES:
        words |= set(stop_words.get_stop_words(STOP_WORDS_NAMES[lang]))
    own = resources.files("analysis").joinpath("data", "stopwords", f"{lang}.txt")
    if own.is_file():
        words |= {
            line.strip()
            for line in own.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        }
    return frozenset(normalise(word, lang) for word in words)


def tokens(text: str, language: str, *, keep_stopwords: bool = False) -> list[str]:
    """The words of a text, normalised, without stop words unless asked."""
    words = WORD.findall(normalise(text or "", language))
    words = [w for w in words if MIN_LENGTH <= len(w) <= MAX_LENGTH]
    if keep_stopwords:
        return words
    stop = stopwords(language)
    return [w for w in words if w not in stop]


def lemmatise(words: list[str], language: str) -> list[str]:
    """Lemmas where simplemma knows the language, the words themselves otherwise."""
    import simplemma

    lang = base_language(language)
    try:
        return [simplemma.lemmatize(word, lang=lang).lower() for word in words]
    except ValueError:
        return words
