from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from consult.config import ROOT_DIR, UI_LANGUAGES

CATALOGS = ROOT_DIR / "translations"
PLACEHOLDER = re.compile(r"%\((\w+)\)s|\{(\w+)\}")


def _catalog(lang: str):
    with (CATALOGS / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


@pytest.mark.parametrize("lang", UI_LANGUAGES)
def test_every_catalog_is_complete_and_not_fuzzy(lang):
    catalog = _catalog(lang)
    untranslated = [
        m.id
        for m in catalog
        if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == [] and fuzzy == []


def _names(text: str) -> set[str]:
    """Placeholder names, %(name)s or {name}."""
    return {a or b for a, b in PLACEHOLDER.findall(text)}


def _placeholder_problems(message) -> bool:
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    expected = set().union(*(_names(i) for i in ids))
    for string in strings:
        found = _names(string)
        # Plural forms such as "one answer" or Arabic's dual may leave the number out.
        required = expected - {"num"} if isinstance(message.id, tuple) else expected
        if not required <= found <= expected:
            return True
    return False


@pytest.mark.parametrize("lang", UI_LANGUAGES)
def test_placeholders_survive_translation(lang):
    assert [m.id for m in _catalog(lang) if m.id and _placeholder_problems(m)] == []


def test_every_catalog_knows_every_message_in_the_template():
    with (CATALOGS / "messages.pot").open("rb") as handle:
        template_ids = {m.id for m in read_po(handle) if m.id}
    for lang in UI_LANGUAGES:
        assert template_ids <= {m.id for m in _catalog(lang) if m.id}, lang


@pytest.mark.parametrize(
    ("lang", "sign_in", "direction"),
    [
        ("de", "Anmelden", "ltr"),
        ("en", "Sign in", "ltr"),
        ("ar", "تسجيل الدخول", "rtl"),
        ("fa", "ورود", "rtl"),
        ("uk", "Увійти", "ltr"),
        ("ru", "Войти", "ltr"),
        ("tr", "Giriş yap", "ltr"),
    ],
)
def test_the_sign_in_page_speaks_each_language(client, lang, sign_in, direction):
    page = client.get(f"/auth/sign-in?lang={lang}").get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{direction}">' in page
    assert sign_in in page


def test_accept_language_picks_the_best_offered_language(client):
    page = client.get("/auth/sign-in", headers={"Accept-Language": "fa-IR,fa;q=0.9,en;q=0.5"})
    assert '<html lang="fa" dir="rtl">' in page.get_data(as_text=True)


def test_an_explicit_choice_is_remembered_for_the_visit(client):
    client.get("/auth/sign-in?lang=uk")
    page = client.get("/auth/sign-in", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="uk"' in page


def test_an_unknown_language_choice_is_ignored(client):
    page = client.get("/auth/sign-in?lang=xx-nonsense").get_data(as_text=True)
    assert '<html lang="de"' in page


def test_the_switcher_names_each_language_in_itself(client):
    page = client.get("/auth/sign-in").get_data(as_text=True)
    for name in ("Deutsch", "English", "العربية", "فارسی", "Українська", "Русский", "Türkçe"):
        assert name in page


def test_compiled_catalogs_exist_for_every_language():
    for lang in UI_LANGUAGES:
        assert Path(CATALOGS / lang / "LC_MESSAGES" / "messages.mo").exists(), lang


def test_the_catalog_template_holds_every_message_of_the_code(tmp_path):
    """Fails when someone adds a UI string and forgets `consult translate update`."""
    import subprocess
    import sys

    out = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "-q",
            "extract",
            "-F",
            str(CATALOGS / "babel.cfg"),
            "-k",
            "_l",
            "-k",
            "N_",
            "--no-location",
            "-o",
            str(out),
            ".",
        ],
        cwd=ROOT_DIR,
        check=True,
        capture_output=True,
    )
    with out.open("rb") as handle:
        in_code = {m.id for m in read_po(handle) if m.id}
    with (CATALOGS / "messages.pot").open("rb") as handle:
        in_template = {m.id for m in read_po(handle) if m.id}
    assert sorted(map(str, in_code - in_template)) == []
