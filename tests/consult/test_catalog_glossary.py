"""The catalogs use the glossary's fixed terms (translations/glossary.toml)."""

from __future__ import annotations

import pytest

from consult import catalogs

LANGUAGES = catalogs.languages()
KEYS = {"consultation", "committee", "stakeholder_group", "field_of_action"}


def test_the_glossary_fixes_the_four_terms_for_every_language():
    terms = {term.key: term for term in catalogs.glossary()}
    assert KEYS <= set(terms)
    missing = [(key, lang) for key in KEYS for lang in LANGUAGES if not terms[key].forms.get(lang)]
    assert missing == []


@pytest.mark.parametrize("term", sorted(KEYS))
def test_each_term_occurs_in_the_messages(term):
    """A pattern that finds nothing would make the catalog check pass without checking."""
    glossary = {t.key: t for t in catalogs.glossary()}
    found = [
        message.id
        for message in catalogs.messages(catalogs.read_catalog("de"))
        if glossary[term].pattern.search(str(message.id))
    ]
    assert len(found) >= 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_naming_a_term_uses_the_glossary_words(lang):
    assert [
        (miss.term, miss.message, miss.translation) for miss in catalogs.glossary_misses(lang)
    ] == []


def test_a_translation_with_another_word_is_found(tmp_path):
    root = tmp_path
    (root / "de" / "LC_MESSAGES").mkdir(parents=True)
    source = catalogs.catalog_path("de").read_text(encoding="utf-8")
    catalogs.catalog_path("de", root).write_text(
        source.replace('msgstr "Bericht für den Ausschuss"', 'msgstr "Bericht für das Gremium"'),
        encoding="utf-8",
    )
    (root / "glossary.toml").write_text(
        (catalogs.TRANSLATIONS_DIR / "glossary.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    misses = catalogs.glossary_misses("de", root)
    assert [(m.term, m.message, m.expected) for m in misses] == [
        ("committee", "Report for the committee", "Ausschuss")
    ]
