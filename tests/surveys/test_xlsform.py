"""XLSForm import: a KoboToolbox-style workbook with German and Arabic labels becomes a draft."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from surveys.authoring import interchange, lifecycle, xlsform
from surveys.base import utcnow
from surveys.errors import Invalid
from surveys.vocabulary import ConsultationStatus

DE, AR = "label::Deutsch (de)", "label::العربية (ar)"
SURVEY = [
    [
        "type",
        "name",
        DE,
        AR,
        "hint::Deutsch (de)",
        "required",
        "relevant",
        "appearance",
        "parameters",
        "constraint",
    ],
    ["start", "start", "", "", "", "", "", "", "", ""],
    ["begin_group", "about", "Über Sie", "عنكم", "", "", "", "", "", ""],
    ["select_one roles", "role", "Ihre Rolle", "دوركم", "Bitte eine wählen", "yes", "", "", "", ""],
    [
        "text",
        "role_other",
        "Welche Rolle?",
        "ما هو الدور؟",
        "",
        "",
        "${role} = 'other'",
        "",
        "",
        "",
    ],
    ["select_one yn", "volunteer", "Ehrenamtlich?", "متطوع؟", "", "true", "", "", "", ""],
    [
        "text",
        "since",
        "Seit wann?",
        "منذ متى؟",
        "",
        "",
        "selected(${volunteer}, 'yes')",
        "",
        "",
        "",
    ],
    ["end_group", "", "", "", "", "", "", "", "", ""],
    ["begin group", "needs", "Bedarfe", "الاحتياجات", "", "", "", "", "", ""],
    ["select_multiple topics", "topics", "Themen", "مواضيع", "", "", "", "", "", ""],
    ["rank topics", "ranked", "Reihenfolge", "ترتيب", "", "", "", "", "", ""],
    ["range", "rating", "Bewertung", "تقييم", "", "", "", "", "start=1 end=5", ""],
    ["integer", "count", "Anzahl", "عدد", "", "", "", "", "", ". > 0"],
    ["date", "when", "Datum", "تاريخ", "", "", "", "", "", ""],
    ["text", "story", "Erzählen Sie", "أخبرونا", "", "", "", "multiline", "", ""],
    ["note", "thanks", "Danke", "شكرا", "", "", "", "", "", ""],
    ["calculate", "score", "", "", "", "", "", "", "", ""],
    ["geopoint", "where", "Wo?", "أين؟", "", "", "", "", "", ""],
    ["text", "odd", "Sonderfall", "حالة", "", "", "string-length(${story}) > 3", "", "", ""],
    ["end group", "", "", "", "", "", "", "", "", ""],
]
CHOICES = [
    ["list_name", "name", DE, AR],
    ["roles", "staff", "Hauptamt", "موظف"],
    ["roles", "other", "Andere", "أخرى"],
    ["yn", "yes", "Ja", "نعم"],
    ["yn", "no", "Nein", "لا"],
    ["topics", "housing", "Wohnen", "السكن"],
    ["topics", "work", "Arbeit", "العمل"],
    ["topics", "school-age", "Schule", "المدرسة"],
]
SETTINGS = [
    ["form_title", "form_id", "default_language"],
    ["Bedarfe 2027", "bedarfe_2027", "Deutsch (de)"],
]


def workbook(survey=SURVEY, choices=CHOICES, settings=SETTINGS) -> bytes:
    book = Workbook()
    sheets = {"survey": survey, "choices": choices, "settings": settings}
    book.active.title = "survey"
    for name, rows in sheets.items():
        sheet = book["survey"] if name == "survey" else book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture()
def result(session):
    result = xlsform.import_xlsform(session, workbook())
    session.commit()
    return result


def test_a_draft_with_german_first_and_arabic(result):
    c = result.consultation
    assert c.status == ConsultationStatus.DRAFT
    assert c.languages == ["de", "ar"] and c.slug == "bedarfe-2027"
    assert c.title == {"de": "Bedarfe 2027"}


def test_groups_become_sections_with_both_languages(result):
    titles = [s.title for s in result.consultation.sections]
    assert titles == [{"de": "Über Sie", "ar": "عنكم"}, {"de": "Bedarfe", "ar": "الاحتياجات"}]


def test_types_map_to_question_kinds(result):
    kinds = {q.code: q.kind for q in result.consultation.questions}
    assert kinds == {
        "role": "single_choice",
        "role_other": "short_text",
        "volunteer": "yes_no",
        "since": "short_text",
        "topics": "multiple_choice",
        "ranked": "ranking",
        "rating": "scale",
        "count": "number",
        "when": "date",
        "story": "long_text",
        "odd": "short_text",
    }
    assert result.questions == 11


def test_texts_options_and_settings_are_kept(result):
    q = {q.code: q for q in result.consultation.questions}
    assert q["role"].prompt == {"de": "Ihre Rolle", "ar": "دوركم"}
    assert q["role"].help_text == {"de": "Bitte eine wählen"}
    assert q["role"].required and q["volunteer"].required and not q["story"].required
    assert [(o.code, o.label) for o in q["role"].options] == [
        ("staff", {"de": "Hauptamt", "ar": "موظف"}),
        ("other", {"de": "Andere", "ar": "أخرى"}),
    ]
    assert [o.code for o in q["topics"].options] == ["housing", "work", "school_age"]
    assert q["volunteer"].settings == {"dont_know": False} and not q["volunteer"].options
    assert q["rating"].settings == {"min": 1, "max": 5}


def test_simple_relevant_conditions_become_show_if(result):
    q = {q.code: q for q in result.consultation.questions}
    assert q["role_other"].show_if == {"all": [{"question": "role", "options": ["other"]}]}
    assert q["since"].show_if == {"all": [{"question": "volunteer", "options": ["yes"]}]}
    assert q["odd"].show_if is None


def test_the_report_lists_what_was_skipped(result):
    report = [(s.row, s.name, s.reason) for s in result.skipped]
    assert report == [
        (2, "start", "Metadata that the form collects by itself."),
        (13, "count", "The constraint was left out."),
        (16, "thanks", "The type %(type)s has no counterpart here."),
        (17, "score", "The type %(type)s has no counterpart here."),
        (18, "where", "The type %(type)s has no counterpart here."),
        (19, "odd", "The condition %(condition)s was left out; the question is always shown."),
    ]
    assert result.skipped[2].text() == "The type note has no counterpart here."


def test_the_imported_questions_have_no_publish_problems(result):
    problems = lifecycle.publish_problems(result.consultation, utcnow())
    assert [p for p in problems if p.question] == []


def test_the_import_round_trips_through_the_json_format(session, result):
    exported = interchange.export_questionnaire(result.consultation)
    copy = interchange.import_questionnaire(session, exported, slug="copy")
    assert (
        interchange.export_questionnaire(copy)["consultation"]["sections"]
        == (exported["consultation"]["sections"])
    )


def test_a_workbook_without_a_survey_sheet_is_refused(session):
    book = Workbook()
    book.active.title = "other"
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(Invalid):
        xlsform.import_xlsform(session, buffer.getvalue())


def test_something_else_than_a_workbook_is_refused(session):
    with pytest.raises(Invalid):
        xlsform.import_xlsform(session, b"type,name\ntext,a\n")


def test_a_plain_label_column_uses_the_default_language(session):
    survey = [["type", "name", "label"], ["text", "a", "Frage"]]
    result = xlsform.import_xlsform(session, workbook(survey, [["list_name", "name"]], []))
    assert result.consultation.languages == ["de"]
    assert result.consultation.questions[0].prompt == {"de": "Frage"}
