from __future__ import annotations

from collections import Counter
from xml.etree import ElementTree

import pytest

from analysis.wordclouds import FontMissing, alt_text, font_for, render, script_of

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("words", "script"),
    [
        ({"Wohnungen": 5, "Kurse": 3}, "latin"),
        ({"курси": 5, "житло": 3}, "cyrillic"),
        ({"سكن": 5, "دورات": 3}, "arabic"),
        ({"خانه‌های": 5, "زبان": 3}, "arabic"),
    ],
)
def test_each_script_renders_as_png_and_svg(words, script):
    assert script_of(list(words)) == script
    cloud = render(Counter(words))
    assert cloud.png.startswith(PNG)
    ElementTree.fromstring(cloud.svg)
    assert cloud.alt.startswith("Most frequent terms: ")


def test_the_same_words_and_seed_give_the_same_bytes():
    words = Counter({"سكن": 9, "دورات": 6, "لغة": 4, "عمل": 3})
    assert render(words).png == render(words).png
    assert render(words, seed=1).png != render(words, seed=2).png


def test_the_text_alternative_lists_top_terms_with_counts():
    assert alt_text([("Wohnung", 4), ("Kita", 2)], "Häufigste Begriffe") == (
        "Häufigste Begriffe: Wohnung (4), Kita (2)"
    )


def test_no_words_give_no_cloud_rather_than_an_error():
    assert render(Counter()) is None


def test_tigrinya_needs_an_ethiopic_font():
    assert script_of(["ገዛ", "ቋንቋ"]) == "ethiopic"
    try:
        path = font_for("ethiopic")
    except FontMissing:
        pytest.skip("no Ethiopic font installed (Debian: fonts-noto-core)")
    assert "thiopic" in path or "byssinica" in path
    assert render(Counter({"ገዛ": 4, "ቋንቋ": 2})).png.startswith(PNG)
