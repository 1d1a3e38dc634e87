"""Dari, Pashto and Sorani are chosen from the browser's language and from ?lang=, run right
to left and are named in their own script; a Dari browser gets Dari, a Farsi one Farsi."""

from __future__ import annotations

import re

import pytest

from consult.author.forms import language_label
from consult.i18n import language_name

HTML = re.compile(r'<html lang="([^"]+)" dir="([^"]+)"')


def _html(client, path="/auth/sign-in", **headers):
    page = client.get(path, headers=headers).get_data(as_text=True)
    found = HTML.search(page)
    assert found is not None
    return found.groups(), page


@pytest.mark.parametrize(
    ("accept", "shown"),
    [
        ("fa-AF,fa;q=0.9,en;q=0.5", ("fa-AF", "rtl")),
        ("fa-af", ("fa-AF", "rtl")),
        ("fa-IR,fa;q=0.9", ("fa", "rtl")),
        ("fa", ("fa", "rtl")),
        ("ps-AF,ps;q=0.9", ("ps", "rtl")),
        ("ckb-IQ", ("ckb", "rtl")),
    ],
)
def test_the_browsers_language_chooses_dari_pashto_or_sorani(client, accept, shown):
    assert _html(client, **{"Accept-Language": accept})[0] == shown


@pytest.mark.parametrize(
    ("wanted", "shown"),
    [("fa_AF", "fa-AF"), ("fa-AF", "fa-AF"), ("dari", "fa-AF"), ("ps", "ps"), ("ckb", "ckb")],
)
def test_lang_in_the_address_chooses_them_and_they_run_right_to_left(client, wanted, shown):
    assert _html(client, f"/auth/sign-in?lang={wanted}")[0] == (shown, "rtl")


def test_the_chooser_names_each_in_its_own_script_with_a_valid_lang(client):
    _, page = _html(client, **{"Accept-Language": "de"})
    for code, lang, name in [
        ("fa_AF", "fa-AF", "دری"),
        ("ps", "ps", "پښتو"),
        ("ckb", "ckb", "کوردیی ناوەندی"),
    ]:
        assert f'href="?lang={code}" lang="{lang}" hreflang="{lang}" dir="rtl"' in page
        assert f">{name}</a>" in page
    assert ">فارسی</a>" in page


def test_dari_keeps_its_own_name_apart_from_farsi():
    assert language_name("fa_AF") == "دری"
    assert language_name("fa") == "فارسی"


def test_authors_see_dari_named_in_german_too(app):
    with app.test_request_context("/?lang=de"):
        assert language_label("fa_AF") == "دری – Dari"
        assert language_label("ckb").startswith("کوردیی ناوەندی – ")
