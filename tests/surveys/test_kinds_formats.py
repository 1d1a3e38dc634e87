"""Consent and matrix questions in the JSON format, XLSForm import and answer validation."""

from __future__ import annotations

import copy
import io
from types import SimpleNamespace

import pytest
from openpyxl import Workbook

from surveys.answering.validation import raw_from_rows, validate_answer
from surveys.authoring import interchange, lifecycle, xlsform
from surveys.base import utcnow
from surveys.errors import Invalid
from surveys.models import Option, Question

ITEMS = {"courses": "Sprachkurse", "doctors": "Ärzte", "advice": "Beratung"}


@pytest.fixture()
def with_new_kinds(make_consultation, session):
    consultation = make_consultation(languages=("de", "ar"))
    section = consultation.sections[0]
    matrix = Question(
        code="informed",
        kind="matrix",
        required=True,
        prompt={"de": "Wie gut informiert über …", "ar": "ما مدى الاطلاع على …"},
        settings={
            "min": 1,
            "max": 4,
            "min_label": {"de": "gar nicht", "ar": "إطلاقًا"},
            "max_label": {"de": "sehr gut", "ar": "جيد جدًا"},
        },
    )
    for code, label in ITEMS.items():
        matrix.options.append(Option(code=code, label={"de": label, "ar": f"بند {code}"}))
    consent = Question(
        code="agree",
        kind="consent",
        required=True,
        prompt={"de": "Ich stimme zu, dass …", "ar": "أوافق على …"},
    )
    section.questions.extend([matrix, consent])
    for question in (matrix, consent):
        question.consultation = consultation
    session.commit()
    return consultation


def test_json_round_trip_keeps_matrix_items_scale_and_consent(with_new_kinds, session):
    exported = interchange.export_questionnaire(with_new_kinds)
    imported = interchange.import_questionnaire(session, copy.deepcopy(exported), slug="kopie")
    again = interchange.export_questionnaire(imported)
    exported["consultation"]["slug"] = "kopie"
    assert again == exported
    questions = {q.code: q for q in imported.questions}
    assert questions["informed"].kind == "matrix"
    assert [o.code for o in questions["informed"].options] == list(ITEMS)
    assert questions["informed"].settings["max_label"] == {"de": "sehr gut", "ar": "جيد جدًا"}
    assert questions["agree"].kind == "consent"
    assert questions["agree"].prompt["ar"] == "أوافق على …"


def _question_data(exported: dict, code: str) -> dict:
    for section in exported["consultation"]["sections"]:
        for question in section["questions"]:
            if question["code"] == code:
                return question
    raise AssertionError(code)


@pytest.mark.parametrize(
    ("code", "settings"),
    [
        ("informed", {"min": 3, "max": 3}),
        ("informed", {"other": True}),
        ("agree", {"dont_know": True}),
    ],
)
def test_json_refuses_settings_a_new_kind_cannot_show(with_new_kinds, session, code, settings):
    exported = interchange.export_questionnaire(with_new_kinds)
    _question_data(exported, code)["settings"] = settings
    with pytest.raises(Invalid):
        interchange.import_questionnaire(session, exported, slug="kaputt")


def test_a_matrix_needs_items_before_publishing(with_new_kinds):
    matrix = next(q for q in with_new_kinds.questions if q.code == "informed")
    now = utcnow()
    assert not [
        p for p in lifecycle.publish_problems(with_new_kinds, now) if p.question == "informed"
    ]
    del matrix.options[1:]
    assert [p for p in lifecycle.publish_problems(with_new_kinds, now) if p.question == "informed"]


def _matrix(required: bool = True) -> SimpleNamespace:
    return SimpleNamespace(
        kind="matrix",
        required=required,
        settings={"min": 1, "max": 5},
        options=[SimpleNamespace(code=code) for code in ITEMS],
    )


def test_a_required_matrix_needs_every_item_and_says_which_is_missing():
    result = validate_answer(_matrix(), {"item:courses": ["2"], "item:advice": ["5"]})
    assert result.error is not None and result.error.part == "item:doctors"
    assert validate_answer(_matrix(), {}).error.part == "item:courses"
    # Saving a draft page accepts a half-rated matrix; submitting checks again.
    assert validate_answer(_matrix(), {"item:courses": ["2"]}, require=False).error is None


def test_a_matrix_stores_one_row_per_item_and_refuses_points_off_the_scale():
    raw = {"item:courses": ["2"], "item:doctors": ["1"], "item:advice": ["5"]}
    rows = validate_answer(_matrix(), raw).rows
    assert rows == [
        {"option_code": "courses", "number": 2.0},
        {"option_code": "doctors", "number": 1.0},
        {"option_code": "advice", "number": 5.0},
    ]
    assert raw_from_rows(_matrix(), rows) == raw
    assert validate_answer(_matrix(), {**raw, "item:advice": ["6"]}).error.part == "item:advice"
    assert validate_answer(_matrix(), {**raw, "item:nope": ["1"]}).error is not None
    assert validate_answer(_matrix(False), {"item:courses": ["3"]}).rows == [
        {"option_code": "courses", "number": 3.0}
    ]


def test_consent_is_yes_or_nothing():
    consent = SimpleNamespace(kind="consent", required=True, settings={}, options=[])
    assert validate_answer(consent, {"value": ["yes"]}).rows == [{"option_code": "yes"}]
    assert validate_answer(consent, {}).error.message == "Please tick the box to agree."
    assert validate_answer(consent, {"value": ["no"]}).error is not None
    consent.required = False
    assert validate_answer(consent, {}).rows == []


def _workbook() -> bytes:
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    for line in (
        ["type", "name", "label::Deutsch (de)", "label::العربية (ar)", "required"],
        ["acknowledge", "agree", "Ich stimme zu.", "أوافق.", "yes"],
        ["text", "story", "Erzählen Sie", "أخبرونا", ""],
    ):
        survey.append(line)
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "default_language"])
    settings.append(["Zustimmung", "zustimmung", "Deutsch (de)"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsform_acknowledge_becomes_a_translated_consent(session):
    result = xlsform.import_xlsform(session, _workbook())
    agree = next(q for q in result.consultation.questions if q.code == "agree")
    assert (agree.kind, agree.required) == ("consent", True)
    assert agree.prompt == {"de": "Ich stimme zu.", "ar": "أوافق."}
    assert not [s for s in result.skipped if s.name == "agree"]


def _matrix_workbook() -> bytes:
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    head = ["type", "name", "label::Deutsch (de)", "label::العربية (ar)", "required", "appearance"]
    for line in (
        head,
        ["begin_group", "informed", "Wie gut informiert über …", "الاطلاع على …", "", "field-list"],
        ["select_one five", "courses", "Kurse", "الدورات", "yes", ""],
        ["select_one five", "doctors", "Ärzte", "الأطباء", "yes", ""],
        ["end_group", "", "", "", "", ""],
        ["begin_group", "mixed", "Gemischt", "مختلط", "", "field-list"],
        ["select_one roles", "role", "Rolle", "الدور", "", ""],
        ["select_one roles", "other_role", "Andere Rolle", "دور آخر", "", ""],
        ["end_group", "", "", "", "", ""],
    ):
        survey.append(line)
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label::Deutsch (de)", "label::العربية (ar)"])
    for point in range(1, 6):
        labels = {1: ("gar nicht", "إطلاقًا"), 5: ("sehr gut", "جيد جدًا")}
        german, arabic = labels.get(point, (str(point), str(point)))
        choices.append(["five", str(point), german, arabic])
    choices.append(["roles", "staff", "Hauptamt", "موظف"])
    choices.append(["roles", "volunteer", "Ehrenamt", "متطوع"])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "default_language"])
    settings.append(["Matrix", "matrix", "Deutsch (de)"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsform_field_list_of_numbered_select_ones_becomes_one_matrix(session):
    result = xlsform.import_xlsform(session, _matrix_workbook())
    questions = {q.code: q for q in result.consultation.questions}
    informed = questions["informed"]
    assert (informed.kind, informed.required) == ("matrix", True)
    assert informed.prompt == {"de": "Wie gut informiert über …", "ar": "الاطلاع على …"}
    assert [(o.code, o.label) for o in informed.options] == [
        ("courses", {"de": "Kurse", "ar": "الدورات"}),
        ("doctors", {"de": "Ärzte", "ar": "الأطباء"}),
    ]
    assert informed.settings == {
        "min": 1,
        "max": 5,
        "min_label": {"de": "gar nicht", "ar": "إطلاقًا"},
        "max_label": {"de": "sehr gut", "ar": "جيد جدًا"},
    }
    # A list of words is no scale: those rows stay single-choice questions.
    assert (questions["role"].kind, questions["other_role"].kind) == (
        "single_choice",
        "single_choice",
    )
    assert "courses" not in questions and result.questions == 3
