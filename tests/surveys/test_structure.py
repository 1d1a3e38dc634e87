from __future__ import annotations

import pytest
from sqlalchemy import select

from surveys.authoring import structure
from surveys.authoring.lifecycle import Frozen
from surveys.authoring.structure import QuestionData
from surveys.errors import Invalid
from surveys.models import AuditEvent, Response
from surveys.vocabulary import ConsultationStatus, QuestionKind


@pytest.fixture()
def draft(make_consultation):
    return make_consultation(status=ConsultationStatus.DRAFT)


def _answered(session, consultation):
    session.add(Response(consultation=consultation, language="de"))
    session.flush()


def _codes(consultation):
    return [q.code for q in consultation.questions]


def _data(question, **changes):
    data = QuestionData(
        code=question.code,
        kind=question.kind,
        required=question.required,
        prompt=question.prompt.get("de", ""),
        help_text=(question.help_text or {}).get("de", ""),
        settings=dict(question.settings or {}),
        show_if=question.show_if,
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def test_add_question_gives_a_unique_code_and_source_prompt(draft, session):
    question = structure.add_question(
        session, draft, draft.sections[0], QuestionKind.SCALE, "Wie gut?"
    )
    assert question.code == "q3"
    assert question.prompt == {"de": "Wie gut?"}
    assert question.settings == {"min": 1, "max": 5}
    assert _codes(draft) == ["q_choice", "q_text", "q3"]


def test_a_taken_or_malformed_code_is_refused(draft, session):
    section = draft.sections[0]
    with pytest.raises(Invalid, match="already has the code"):
        structure.add_question(session, draft, section, "short_text", code="q_text")
    with pytest.raises(Invalid, match="starts with a letter"):
        structure.add_question(session, draft, section, "short_text", code="1 bad")


def test_move_question_up_and_down(draft, session):
    second = draft.questions[1]
    structure.move_question(session, draft, second, -1)
    assert _codes(draft) == ["q_text", "q_choice"]
    structure.move_question(session, draft, second, +1)
    assert _codes(draft) == ["q_choice", "q_text"]


def test_moving_past_a_section_edge_enters_the_neighbouring_section(draft, session):
    later = structure.add_section(session, draft, "Zweiter Teil")
    structure.move_question(session, draft, draft.questions[1], +1)
    assert [q.code for q in later.questions] == ["q_text"]
    structure.move_question(session, draft, later.questions[0], -1)
    assert [q.code for q in draft.sections[0].questions] == ["q_choice", "q_text"]


def test_duplicate_copies_options_with_their_codes_under_a_new_code(draft, session):
    copy = structure.duplicate_question(session, draft, draft.questions[0])
    assert copy.code == "q_choice_copy"
    assert [o.code for o in copy.options] == ["a", "b"]
    assert _codes(draft) == ["q_choice", "q_choice_copy", "q_text"]
    again = structure.duplicate_question(session, draft, draft.questions[0])
    assert again.code == "q_choice_copy2"


def test_delete_question_and_section(draft, session):
    structure.delete_question(session, draft, draft.questions[1])
    assert _codes(draft) == ["q_choice"]
    structure.delete_section(session, draft, draft.sections[0])
    assert draft.sections == []


def test_a_question_others_depend_on_cannot_be_deleted(draft, session):
    draft.questions[1].show_if = {"question": "q_choice", "options": ["a"]}
    with pytest.raises(Invalid, match="q_text"):
        structure.delete_question(session, draft, draft.questions[0])


def test_update_question_changes_kind_settings_and_condition(draft, session):
    text = draft.questions[1]
    structure.update_question(
        session,
        draft,
        text,
        _data(
            text,
            kind="scale",
            settings={"min": 0, "max": 10, "dont_know": True},
            min_label="Gar nicht",
            max_label="Sehr",
            show_if={"question": "q_choice", "options": ["b"]},
            field_of_action="housing",
        ),
    )
    assert text.kind == "scale"
    assert text.settings == {
        "min": 0,
        "max": 10,
        "dont_know": True,
        "min_label": {"de": "Gar nicht"},
        "max_label": {"de": "Sehr"},
    }
    assert text.show_if == {"all": [{"question": "q_choice", "options": ["b"]}]}
    assert text.field_of_action == "housing"


def test_a_field_of_action_outside_the_list_is_refused(draft, session):
    with pytest.raises(Invalid):
        structure.update_question(
            session, draft, draft.questions[1], _data(draft.questions[1], field_of_action="x")
        )


def test_options_add_edit_move_delete(draft, session):
    question = draft.questions[0]
    option = structure.add_option(session, draft, question, "Drittens")
    assert option.code == "o3"
    structure.update_option(session, draft, option, "c", "Drittens!")
    structure.move_option(session, draft, option, -1)
    assert [o.code for o in question.options] == ["a", "c", "b"]
    assert option.label == {"de": "Drittens!"}
    structure.delete_option(session, draft, question.options[0])
    assert [o.code for o in question.options] == ["c", "b"]


def test_text_questions_have_no_options(draft, session):
    with pytest.raises(Invalid):
        structure.add_option(session, draft, draft.questions[1], "x")


@pytest.mark.parametrize(
    "change",
    [
        lambda s, c: structure.add_section(s, c, "Neu"),
        lambda s, c: structure.delete_section(s, c, c.sections[0]),
        lambda s, c: structure.move_question(s, c, c.questions[1], -1),
        lambda s, c: structure.add_question(s, c, c.sections[0], "short_text"),
        lambda s, c: structure.delete_question(s, c, c.questions[1]),
        lambda s, c: structure.duplicate_question(s, c, c.questions[1]),
        lambda s, c: structure.add_option(s, c, c.questions[0], "x"),
        lambda s, c: structure.delete_option(s, c, c.questions[0].options[0]),
        lambda s, c: structure.move_option(s, c, c.questions[0].options[1], -1),
        lambda s, c: structure.update_option(s, c, c.questions[0].options[0], "z", "a de"),
        lambda s, c: structure.update_question(
            s, c, c.questions[1], _data(c.questions[1], kind="short_text")
        ),
        lambda s, c: structure.update_question(
            s, c, c.questions[1], _data(c.questions[1], code="renamed")
        ),
    ],
)
def test_structure_is_frozen_once_someone_answered(make_consultation, session, change):
    consultation = make_consultation()
    _answered(session, consultation)
    with pytest.raises(Frozen):
        change(session, consultation)


def test_texts_can_be_corrected_after_answers_and_each_correction_is_logged(
    make_consultation, session
):
    consultation = make_consultation()
    _answered(session, consultation)
    question = consultation.questions[1]
    structure.update_question(session, consultation, question, _data(question, prompt="Neu"))
    structure.update_option(
        session, consultation, consultation.questions[0].options[0], "a", "A neu"
    )
    assert question.prompt["de"] == "Neu"
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "consultation.text_correction")
    ).all()
    assert [(e.details["key"], e.details["old"], e.details["new"]) for e in events] == [
        ("question.q_text.prompt", "Tell us (de)", "Neu"),
        ("option.q_choice.a", "a de", "A neu"),
    ]


def test_draft_edits_are_not_logged_as_corrections(draft, session):
    question = draft.questions[1]
    structure.update_question(session, draft, question, _data(question, prompt="Neu"))
    assert (
        session.scalars(
            select(AuditEvent).where(AuditEvent.action == "consultation.text_correction")
        ).all()
        == []
    )
