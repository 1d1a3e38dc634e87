from __future__ import annotations

from surveys.texts import missing_translations, pick


def test_pick_prefers_the_exact_locale():
    assert pick({"de": "Hallo", "ar": "مرحبا"}, "ar", ["de"]) == "مرحبا"


def test_pick_uses_the_base_language_of_a_regional_locale():
    assert pick({"de": "Hallo", "fa": "سلام"}, "fa_AF", ["de"]) == "سلام"


def test_pick_falls_back_to_the_source_language_when_missing_or_blank():
    assert pick({"de": "Hallo", "uk": "  "}, "uk", ["de"]) == "Hallo"


def test_pick_of_nothing_is_empty():
    assert pick(None, "de") == ""


def test_missing_translations_lists_every_gap_per_language(make_consultation):
    consultation = make_consultation(languages=("de", "ar"))
    consultation.questions[1].prompt.pop("ar")
    consultation.questions[0].options[0].label["ar"] = ""
    gaps = missing_translations(consultation)
    assert gaps["de"] == ["consultation.privacy_notice"]
    assert gaps["ar"] == [
        "consultation.privacy_notice",
        "option.q_choice.a",
        "question.q_text.prompt",
    ]


def test_optional_texts_absent_in_the_source_are_not_gaps(make_consultation):
    consultation = make_consultation(languages=("de", "en"))
    consultation.privacy_notice = {"de": "Datenschutz", "en": "Privacy"}
    assert missing_translations(consultation) == {"de": [], "en": []}
