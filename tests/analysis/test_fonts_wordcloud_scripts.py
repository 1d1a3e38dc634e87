"""Word clouds in Pashto, Sorani and Tigrinya are drawn with a font that has every letter."""

from __future__ import annotations

from collections import Counter

import pytest
from fontTools.ttLib import TTFont

from analysis.wordclouds import FontMissing, font_for, render, script_of

PNG = b"\x89PNG\r\n\x1a\n"
WORDS = {
    # Pashto: ۍ ټ ډ ړ ږ ښ ګ ڼ ې, which DejaVu Sans partly lacks (ۍ).
    "ps": {"لومړۍ": 6, "ټولنه": 5, "ډېر": 4, "ړومبی": 3, "ږغ": 3, "ښځې": 2, "ګران": 2, "ځوان": 2},
    # Sorani: ڕ ڵ ۆ ێ ە.
    "ckb": {"ڕاپرسی": 6, "وەڵام": 5, "خۆبەخش": 4, "نیشتەجێبوون": 3, "ڤیزا": 2},
    "ti": {"ገዛ": 6, "ቋንቋ": 5, "ስራሕ": 4, "ወለንተኛታት": 3},
}


def _missing(path: str, words: dict[str, int]) -> set[str]:
    with TTFont(path, lazy=True) as font:
        cmap = font.getBestCmap()
    return {char for word in words for char in word if ord(char) not in cmap}


@pytest.mark.parametrize("lang", list(WORDS))
def test_the_chosen_font_has_every_letter_of_the_words(lang):
    words = WORDS[lang]
    try:
        path = font_for(script_of(list(words)), "".join(words))
    except FontMissing:
        pytest.skip("no font for this script installed (Debian: fonts-noto-core)")
    assert _missing(path, words) == set()
    assert render(Counter(words)).png.startswith(PNG)


def test_latin_words_among_arabic_ones_pick_the_font_with_most_of_their_letters():
    words = {"Integrationskurs": 9, "Sprachkurs": 8, "ټولنه": 1}
    try:
        path = font_for("arabic", "".join(words))
    except FontMissing:
        pytest.skip("no font for Arabic script installed")
    # Noto Sans Arabic has no Latin letters; DejaVu Sans has them and ټ as well.
    assert _missing(path, {"Integrationskurs": 1, "Sprachkurs": 1}) == set()
