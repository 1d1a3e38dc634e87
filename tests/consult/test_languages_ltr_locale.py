"""Kurmanji, Tigrinya and Somali: Babel knows them, the catalogs use CLDR's plural rules,
and the interface switches to them by Accept-Language and by ?lang=."""

from __future__ import annotations

import pytest
from babel import Locale
from babel.messages.plurals import get_plural
from babel.support import Translations

from consult.config import TRANSLATIONS_DIR
from consult.i18n import language_name

LANGS = ["ku", "ti", "so"]
OWN_NAMES = {"ku": "Kurdî (kurmancî)", "ti": "ትግርኛ", "so": "Soomaali"}


def _translated(lang: str, message: str) -> str:
    return Translations.load(str(TRANSLATIONS_DIR), [lang]).gettext(message)


@pytest.mark.parametrize("lang", LANGS)
def test_babel_knows_the_language_its_direction_and_its_own_name(lang):
    locale = Locale.parse(lang)
    assert locale.text_direction == "ltr"
    assert language_name(lang) == OWN_NAMES[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_the_catalog_uses_the_cldr_plural_forms(lang):
    translations = Translations.load(str(TRANSLATIONS_DIR), [lang])
    rule = get_plural(lang)
    assert [translations.plural(n) for n in (0, 1, 2, 11)] == [
        0 if rule.plural_expr == "(n > 1)" else 1,
        0,
        1,
        1,
    ]
    one, many = "%(num)d option has been added.", "%(num)d options have been added."
    # Tigrinya counts 0 like 1 (CLDR "one": 0..1); Kurmanji and Somali only 1.
    forms = [translations.ngettext(one, many, n) for n in (0, 1, 2)]
    assert forms[1] != forms[2]
    assert forms[0] == (forms[1] if lang == "ti" else forms[2])


@pytest.mark.parametrize("lang", LANGS)
def test_accept_language_chooses_the_interface_language(client, lang):
    page = client.get("/", headers={"Accept-Language": f"{lang}, en;q=0.5"}).get_data(as_text=True)
    assert f'lang="{lang}"' in page and 'dir="ltr"' in page
    assert _translated(lang, "Open consultations") in page


@pytest.mark.parametrize("lang", LANGS)
def test_lang_in_the_address_switches_the_interface_for_the_visit(client, lang):
    client.get(f"/?lang={lang}", headers={"Accept-Language": "de"})
    page = client.get("/", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert f'lang="{lang}"' in page
    assert _translated(lang, "Open consultations") in page
