"""Conditions in the JSON questionnaire format: version 2 round trip and the version 1 reader."""

from __future__ import annotations

import copy
import io
from datetime import UTC, datetime

import pytest
from openpyxl import Workbook

from surveys.authoring import interchange, setup, xlsform
from surveys.errors import Invalid
from surveys.models import Question, Section
from surveys.vocabulary import ConsultationStatus, QuestionKind

AND_CONDITION = {
    "all": [
        {"question": "q_choice", "options": ["a"]},
        {"question": "q_num", "op": "between", "min": 2, "max": 4.5},
    ]
}
OR_CONDITION = {
    "any": [
        {"question": "q_num", "op": "<", "value": 1},
        {"question": "q_num", "op": ">", "value": 9},
    ]
}


@pytest.fixture()
def conditional(make_consultation, session):
    consultation = make_consultation(status=ConsultationStatus.DRAFT, questions=1)
    first = consultation.sections[0]
    first.questions.append(
        Question(code="q_num", kind=QuestionKind.NUMBER, settings={"min": 0, "max": 10})
    )
    first.questions.append(
        Question(code="q_and", kind=QuestionKind.SHORT_TEXT, show_if=AND_CONDITION)
    )
    second = Section(title={"de": "Zwei", "en": "Two"}, show_if=OR_CONDITION)
    consultation.sections.append(second)
    second.questions.append(Question(code="q_late", kind=QuestionKind.SHORT_TEXT))
    for question in consultation.questions:
        question.consultation = consultation
    session.flush()
    return consultation


def test_version_two_round_trips_and_or_number_and_section_conditions(conditional, session):
    data = interchange.export_questionnaire(conditional)
    assert data["version"] == 2
    copy_ = interchange.import_questionnaire(session, copy.deepcopy(data), slug="copy")
    questions = {q.code: q for q in copy_.questions}
    assert questions["q_and"].show_if == AND_CONDITION
    assert copy_.sections[1].show_if == OR_CONDITION
    again = interchange.export_questionnaire(copy_)
    assert again["consultation"]["sections"] == data["consultation"]["sections"]


def test_a_version_one_file_is_read_with_its_simple_condition(conditional, session):
    data = interchange.export_questionnaire(conditional)
    data["version"] = 1
    sections = data["consultation"]["sections"]
    sections[0]["questions"][2]["show_if"] = {"question": "q_choice", "options": ["b"]}
    for section in sections:
        del section["show_if"]
    imported = interchange.import_questionnaire(session, data, slug="old")
    questions = {q.code: q for q in imported.questions}
    assert questions["q_and"].show_if == {"all": [{"question": "q_choice", "options": ["b"]}]}
    assert imported.sections[1].show_if is None


@pytest.mark.parametrize(
    ("condition", "where"),
    [
        ({"all": [{"question": "q_choice", "options": ["zzz"]}]}, "questions[2].show_if"),
        ({"all": [{"question": "q_late", "options": ["a"]}]}, "questions[2].show_if"),
        ({"all": [{"question": "q_num", "op": ">", "value": 10}]}, "questions[2].show_if"),
        ({"all": [{"question": "q_num", "op": "~", "value": 1}]}, "op"),
        ({"all": [], "any": []}, "questions[2].show_if"),
    ],
)
def test_an_impossible_or_malformed_condition_is_refused_with_its_place(
    conditional, session, condition, where
):
    data = interchange.export_questionnaire(conditional)
    data["consultation"]["sections"][0]["questions"][2]["show_if"] = condition
    with pytest.raises(Invalid) as error:
        interchange.import_questionnaire(session, data, slug="bad")
    assert where in error.value.params["path"]


def _xlsform(relevant: str) -> bytes:
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    for row in [
        ["type", "name", "label", "relevant"],
        ["select_one roles", "role", "Rolle", ""],
        ["integer", "age", "Alter", ""],
        ["text", "detail", "Details", relevant],
    ]:
        survey.append(row)
    choices = book.create_sheet("choices")
    for row in [
        ["list_name", "name", "label"],
        ["roles", "staff", "Hauptamt"],
        ["roles", "volunteer", "Ehrenamt"],
        ["roles", "other", "Andere"],
    ]:
        choices.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("relevant", "expected"),
    [
        (
            "${role} = 'staff' and ${age} > 17",
            {
                "all": [
                    {"question": "role", "options": ["staff"]},
                    {"question": "age", "op": ">", "value": 17},
                ]
            },
        ),
        (
            "(${role} = 'staff' or ${role} = 'other') and ${age} < 30",
            {
                "all": [
                    {"question": "role", "options": ["staff", "other"]},
                    {"question": "age", "op": "<", "value": 30},
                ]
            },
        ),
        (
            "selected(${role}, 'volunteer') or ${age} = 65",
            {
                "any": [
                    {"question": "role", "options": ["volunteer"]},
                    {"question": "age", "op": "=", "value": 65},
                ]
            },
        ),
    ],
)
def test_xlsform_relevant_with_and_or_becomes_a_condition(session, relevant, expected):
    result = xlsform.import_xlsform(session, _xlsform(relevant))
    questions = {q.code: q for q in result.consultation.questions}
    assert questions["detail"].show_if == expected
    assert result.skipped == []


@pytest.mark.parametrize(
    "relevant",
    [
        "${role} = 'staff' and ${age} > 17 or ${age} < 5",
        "${age} < 5 or ${role} = 'staff' and ${age} > 17",
    ],
)
def test_xlsform_relevant_mixing_and_with_or_unbracketed_is_left_out_and_reported(
    session, relevant
):
    result = xlsform.import_xlsform(session, _xlsform(relevant))
    questions = {q.code: q for q in result.consultation.questions}
    assert questions["detail"].show_if is None
    assert [s.name for s in result.skipped] == ["detail"]


def test_an_xlsform_and_condition_round_trips_through_the_json_format(session):
    result = xlsform.import_xlsform(
        session, _xlsform("(${role} = 'staff' or ${role} = 'other') and ${age} < 30")
    )
    exported = interchange.export_questionnaire(result.consultation)
    copy_ = interchange.import_questionnaire(session, copy.deepcopy(exported), slug="again")
    assert (
        interchange.export_questionnaire(copy_)["consultation"]["sections"]
        == exported["consultation"]["sections"]
    )
    detail = exported["consultation"]["sections"][0]["questions"][2]
    assert detail["show_if"]["all"][1] == {"question": "age", "op": "<", "value": 30}


def test_translated_committee_and_meeting_names_round_trip(make_consultation, session):
    consultation = make_consultation(slug="with-meeting", languages=("de", "ar"))
    consultation.meeting = setup.find_or_create_meeting(
        session,
        setup.MeetingData(
            "Integrationsbeirat", "Sitzung", datetime(2030, 3, 23, 16, tzinfo=UTC), "4", "BV/1"
        ),
    )
    consultation.meeting.committee.names = {"ar": "المجلس الاستشاري للاندماج"}
    consultation.meeting.titles = {"ar": "جلسة"}
    session.flush()
    data = interchange.export_questionnaire(consultation)
    assert data["consultation"]["meeting"]["committee_names"] == {"ar": "المجلس الاستشاري للاندماج"}
    consultation.meeting.committee.names = None
    consultation.meeting.titles = None
    session.flush()
    imported = interchange.import_questionnaire(session, data, slug="again")
    assert imported.meeting.committee.names == {"ar": "المجلس الاستشاري للاندماج"}
    assert imported.meeting.titles == {"ar": "جلسة"}
