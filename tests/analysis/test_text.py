from __future__ import annotations

import pytest

from analysis.text.terms import frequencies, keywords, pooled, text_rows
from analysis.text.tokens import ZWNJ, stopwords, tokens


def test_farsi_keeps_the_zero_width_non_joiner_inside_words():
    assert tokens("خانه‌های بیشتر برای خانواده‌ها", "fa") == ["خانه‌های", "خانواده‌ها"]
    assert all(ZWNJ in word for word in tokens("خانه‌های خانواده‌ها", "fa"))


def test_farsi_typed_with_arabic_letters_is_folded():
    assert tokens("كلاس زبان", "fa") == tokens("کلاس زبان", "fa") == ["کلاس", "زبان"]


def test_invisible_controls_are_dropped_but_words_stay_whole():
    assert tokens("Woh\u200bnungen \u202efehlen", "de") == ["wohnungen", "fehlen"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "de",
            "Es fehlen die bezahlbaren Wohnungen und auch Kitaplätze",
            ["fehlen", "bezahlbaren", "wohnungen", "kitaplätze"],
        ),
        ("ar", "نحن بحاجة إلى دورات اللغة في المدينة", ["بحاجة", "دورات", "اللغة", "المدينة"]),
        (
            "uk",
            "Нам дуже потрібні курси мови для дорослих",
            ["потрібні", "курси", "мови", "дорослих"],
        ),
        ("fa", "ما به کلاس‌های زبان نیاز داریم", ["کلاس‌های", "زبان", "نیاز"]),
    ],
)
def test_stop_words_are_left_out_per_language(language, text, expected):
    assert tokens(text, language) == expected


def test_stop_word_lists_merge_both_libraries_and_our_additions():
    german = stopwords("de")
    assert {"und", "der", "die"} <= german  # the libraries
    assert {"ggf", "leider"} <= german  # our additions


def test_frequencies_count_words_across_answers():
    counts = frequencies(["Wohnungen fehlen", "Wohnungen und Kurse"], "de")
    assert counts == {"wohnungen": 2, "fehlen": 1, "kurse": 1}


def test_lemmatised_frequencies_merge_inflections():
    counts = frequencies(["Wohnung fehlt", "Wohnungen fehlen"], "de", lemmas=True)
    assert counts["wohnung"] == 2


def test_keywords_find_the_recurring_phrase():
    texts = ["Bezahlbare Wohnungen fehlen im Landkreis."] * 3 + ["Die Kita ist voll."]
    found = [phrase.casefold() for phrase, _ in keywords(texts, "de", top=5)]
    assert "bezahlbare wohnungen" in found


def test_keywords_of_nothing_are_empty():
    assert keywords(["", "   "], "fa") == []


def test_pooling_uses_translations_for_other_languages(answers):
    rows = text_rows(answers, "wishes")
    rows = rows.assign(translation=[None, "Wir brauchen Wohnungen", None])
    assert pooled(rows, "de")["wohnungen"] == 2


def test_absurdly_long_words_are_not_words():
    assert tokens("x" * 100_000 + " Wohnungen", "de") == ["wohnungen"]
