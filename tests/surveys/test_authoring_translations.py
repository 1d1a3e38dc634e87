from __future__ import annotations

import pytest

from surveys.authoring import tables, translations
from surveys.authoring.texts import slots
from surveys.errors import Invalid
from surveys.texts import text_fields
from surveys.vocabulary import ConsultationStatus


@pytest.fixture()
def draft(make_consultation):
    return make_consultation(status=ConsultationStatus.DRAFT, languages=("de", "ar"))


def test_slots_use_the_keys_of_text_fields(draft):
    draft.questions[1].settings = {"min_label": {"de": "wenig"}}
    assert [s.key for s in slots(draft)] == [f.key for f in text_fields(draft)]


@pytest.mark.parametrize("value", ["=1+1", "+49 30", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_cells_are_guarded_and_unguarded(value):
    assert tables.guard_cell(value) == "'" + value
    assert tables.unguard_cell(tables.guard_cell(value)) == value


def test_plain_cells_pass_unchanged():
    assert tables.guard_cell("Wohnen") == "Wohnen"
    assert tables.unguard_cell("'quoted") == "'quoted"


def test_csv_round_trip_with_arabic_and_german(draft, session):
    draft.questions[0].prompt["ar"] = "=اختر"
    data = tables.encode_csv(translations.export_rows(draft))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = tables.decode_csv(data)
    assert rows == translations.export_rows(draft)
    preview = translations.preview_import(draft, rows)
    assert preview.changes == [] and preview.emptied == [] and preview.unknown_keys == []


def test_semicolons_decode_and_cp1252_is_refused():
    text = "key;de\r\nconsultation.title;Größe für Ämter\r\n"
    expected = [["key", "de"], ["consultation.title", "Größe für Ämter"]]
    assert tables.decode_csv(text.encode("utf-8")) == expected
    assert tables.decode_csv(text.encode("utf-16")) == expected
    with pytest.raises(Invalid, match="UTF-8"):
        tables.decode_csv(text.encode("cp1252"))


def test_preview_lists_changes_unknown_keys_and_emptied_cells(draft):
    rows = [
        ["key", "de", "ar"],
        ["consultation.title", "", "استشارة"],
        ["question.q_choice.prompt", "Wählen Sie", "Choose (ar)"],
        ["question.nope.prompt", "x", "y"],
    ]
    preview = translations.preview_import(draft, rows)
    assert [(c.key, c.language, c.old, c.new) for c in preview.changes] == [
        ("consultation.title", "ar", "test-consultation (ar)", "استشارة"),
        ("question.q_choice.prompt", "de", "Choose (de)", "Wählen Sie"),
    ]
    assert preview.unknown_keys == ["question.nope.prompt"]
    assert [(c.key, c.language) for c in preview.emptied] == [("consultation.title", "de")]


@pytest.mark.parametrize(
    ("rows", "where"),
    [
        ([["text", "de"]], "Row 1"),
        ([["key", "de", "fr"]], "Row 1, column 3"),
        ([["key", "de"], ["consultation.title", "x"], ["", "y"]], "Row 3, column 1"),
        ([["key", "de"], ["consultation.title", "x"], ["consultation.title", "y"]], "Row 3"),
        ([["key", "de"], ["consultation.title", "x", "extra"]], "Row 2, column 3"),
    ],
)
def test_an_invalid_row_or_column_is_named(draft, rows, where):
    with pytest.raises(Invalid) as error:
        translations.preview_import(draft, rows)
    assert str(error.value).startswith(where)


def test_apply_writes_only_the_changes(draft, session):
    rows = [["key", "ar"], ["question.q_choice.prompt", "اختر"]]
    preview = translations.preview_import(draft, rows)
    assert translations.apply_changes(session, draft, preview.changes) == 1
    assert draft.questions[0].prompt == {"de": "Choose (de)", "ar": "اختر"}


def test_completeness_counts_the_gaps_per_language(draft):
    del draft.questions[0].prompt["ar"]
    status = {s.language: s for s in translations.completeness(draft)}
    assert status["ar"].missing == ["consultation.privacy_notice", "question.q_choice.prompt"]
    assert status["de"].done == status["de"].total - 1


def test_set_translations_refuses_a_language_not_offered(draft, session):
    with pytest.raises(Invalid):
        translations.set_translations(session, draft, "fa", {"consultation.title": "x"})
