"""XLSForm details that used to go wrong silently: language columns named in words, plain
`label`, nested groups, columns and settings without a counterpart, choice codes, order."""

from __future__ import annotations

import pytest

from surveys.authoring import xlsform
from tests.surveys.test_xlsform import workbook

CHOICES = [["list_name", "name", "label"], ["n", "1", "eins"], ["n", "2", "zwei"]]


def _read(survey, choices=CHOICES, settings=(("form_title",), ("Test",))):
    return xlsform.read_xlsform(workbook(survey=survey, choices=choices, settings=settings))


def _reasons(skipped):
    return [s.text() for s in skipped]


@pytest.mark.parametrize(
    ("column", "code"),
    [
        ("label::Farsi", "fa"),
        ("label::Dari", "fa_AF"),
        ("label::Arabisch", "ar"),
        ("label::Ukrainisch", "uk"),
        ("label::Persian (fa)", "fa"),
        ("label::Türkçe", "tr"),
    ],
)
def test_language_columns_are_known_by_code_or_by_english_or_german_name(column, code):
    data, _skipped = _read([["type", "name", "label::Deutsch", column], ["text", "q", "Was?", "?"]])
    question = data["consultation"]["sections"][0]["questions"][0]
    assert question["prompt"] == {"de": "Was?", code: "?"}
    assert data["consultation"]["languages"] == ["de", code]


def test_a_language_nobody_knows_is_named_in_the_report():
    data, skipped = _read(
        [["type", "name", "label::Deutsch", "label::Klingonisch"], ["text", "q", "Was?", "x"]]
    )
    assert data["consultation"]["languages"] == ["de"]
    assert any("label::Klingonisch" in reason for reason in _reasons(skipped))


def test_a_plain_label_never_overwrites_a_named_language():
    survey = [
        ["type", "name", "label", "label::English (en)", "label::Arabic (ar)"],
        ["text", "q", "plain", "English text", "نص"],
    ]
    data, skipped = _read(survey)
    question = data["consultation"]["sections"][0]["questions"][0]
    assert question["prompt"] == {"en": "English text", "ar": "نص"}
    assert any("names no language" in reason for reason in _reasons(skipped))


def test_after_a_nested_group_the_outer_group_continues_under_its_title():
    survey = [
        ["type", "name", "label"],
        ["begin_group", "outer", "Außen"],
        ["text", "a", "A"],
        ["begin_group", "inner", "Innen"],
        ["text", "b", "B"],
        ["end_group", "", ""],
        ["text", "c", "C"],
        ["end_group", "", ""],
    ]
    data, _skipped = _read(survey)
    sections = data["consultation"]["sections"]
    assert [(s["title"]["de"], [q["code"] for q in s["questions"]]) for s in sections] == [
        ("Außen", ["a"]),
        ("Innen", ["b"]),
        ("Außen", ["c"]),
    ]


def test_columns_and_settings_without_a_counterpart_are_named_in_the_report():
    survey = [
        ["type", "name", "label", "choice_filter", "read_only", "default"],
        ["select_one n", "q", "Wie viele?", "name > 0", "yes", "1"],
    ]
    settings = [["form_title", "version", "style"], ["Test", "2024", "pages"]]
    _data, skipped = _read(survey, settings=settings)
    reasons = " ".join(_reasons(skipped))
    for name in ("choice_filter", "read_only", "default", "version", "style"):
        assert name in reasons


def test_choice_codes_are_kept_as_written_when_valid():
    data, _skipped = _read([["type", "name", "label"], ["select_one n", "q", "Wie viele?"]])
    options = data["consultation"]["sections"][0]["questions"][0]["options"]
    assert [o["code"] for o in options] == ["1", "2"]


def test_the_language_order_is_the_column_order_every_time():
    survey = [
        ["type", "name", "label::Deutsch (de)", "label::Farsi", "label::Arabic", "label::Русский"],
        ["text", "q", "Was?", "چه؟", "ماذا؟", "Что?"],
    ]
    orders = {tuple(_read(survey)[0]["consultation"]["languages"]) for _ in range(3)}
    assert orders == {("de", "fa", "ar", "ru")}
