from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from surveys.authoring import lifecycle
from surveys.authoring.lifecycle import Frozen, PublishRefused, publish_problems
from surveys.base import utcnow
from surveys.errors import Invalid
from surveys.models import AuditEvent, Option, Question, Response, Section
from surveys.vocabulary import ConsultationStatus, QuestionKind


def _messages(consultation, now=None):
    return [p.message for p in publish_problems(consultation, now or utcnow())]


@pytest.fixture()
def draft(make_consultation, session):
    consultation = make_consultation(status=ConsultationStatus.DRAFT)
    consultation.privacy_notice = {"de": "Datenschutz", "en": "Privacy"}
    session.flush()
    return consultation


def _events(session, action):
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_a_complete_draft_has_no_publish_problems(draft):
    assert publish_problems(draft, utcnow()) == []


def test_publishing_needs_a_question(draft, session):
    draft.sections.clear()
    session.flush()
    assert "Add at least one question." in _messages(draft)


def test_publishing_needs_a_title_in_the_source_language(draft):
    draft.title = {"en": "Only English"}
    assert "The consultation needs a title." in _messages(draft)


@pytest.mark.parametrize(
    "kind", [QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING]
)
def test_choice_and_ranking_questions_need_two_options(draft, session, kind):
    question = draft.questions[0]
    question.kind = kind
    question.options.pop()
    session.flush()
    problems = publish_problems(draft, utcnow())
    assert [(p.message, p.params) for p in problems] == [
        ("Question %(code)s needs at least %(n)s options.", {"code": "q_choice", "n": 2})
    ]


def test_a_condition_may_point_back_to_an_earlier_choice_question(draft):
    draft.questions[1].show_if = {"question": "q_choice", "options": ["a"]}
    assert publish_problems(draft, utcnow()) == []


def test_a_condition_may_not_point_forwards(draft):
    draft.questions[0].show_if = {"question": "q_text", "options": ["a"]}
    problem = publish_problems(draft, utcnow())[0]
    assert problem.question == "q_choice"
    assert "cannot be met" in problem.message


def test_a_condition_may_not_point_to_a_text_question(draft, session):
    draft.sections[0].questions.append(
        Question(code="q3", prompt={"de": "x", "en": "x"}, show_if={"question": "q_text"})
    )
    session.flush()
    assert "cannot be met" in _messages(draft)[0]


def test_a_condition_may_not_point_to_itself(draft):
    draft.questions[0].show_if = {"question": "q_choice", "options": ["a"]}
    assert "cannot be met" in _messages(draft)[0]


def test_a_condition_must_name_existing_option_codes(draft):
    draft.questions[1].show_if = {"question": "q_choice", "options": ["a", "zzz"]}
    assert _messages(draft) == ["The condition of question %(code)s cannot be met."]


def test_a_condition_must_name_at_least_one_option(draft):
    draft.questions[1].show_if = {"question": "q_choice", "options": []}
    assert len(_messages(draft)) == 1


def test_a_condition_on_a_yes_no_question_uses_yes_no_dont_know(draft, session):
    draft.questions[0].kind = QuestionKind.YES_NO
    draft.questions[0].options.clear()
    draft.questions[1].show_if = {"question": "q_choice", "options": ["yes", "dont_know"]}
    session.flush()
    assert publish_problems(draft, utcnow()) == []
    draft.questions[1].show_if = {"question": "q_choice", "options": ["maybe"]}
    assert len(_messages(draft)) == 1


def test_every_offered_language_must_be_complete(draft):
    del draft.questions[0].options[0].label["en"]
    problems = publish_problems(draft, utcnow())
    assert [(p.params, p.language) for p in problems] == [({"n": 1, "language": "en"}, "en")]


def test_an_optional_text_missing_in_the_source_is_no_gap(draft):
    draft.sections[0].description = {"en": "only en"}
    assert publish_problems(draft, utcnow()) == []


def test_the_closing_date_must_follow_the_opening_date(draft):
    draft.closes_at = draft.opens_at - timedelta(hours=1)
    assert "The closing date must come after the opening date." in _messages(draft)


def test_the_closing_date_must_be_in_the_future(draft):
    assert "The closing date must be in the future." in _messages(
        draft, utcnow() + timedelta(days=30)
    )


def test_a_closing_date_is_required(draft):
    draft.closes_at = None
    assert _messages(draft) == ["Set the date on which answering closes."]


def test_a_scale_must_go_upwards(draft):
    question = draft.questions[1]
    question.kind = QuestionKind.SCALE
    question.settings = {"min": 5, "max": 1}
    assert len(_messages(draft)) == 1


def test_number_and_selection_limits_must_be_ordered(draft):
    draft.questions[1].kind = QuestionKind.NUMBER
    draft.questions[1].settings = {"min": 10, "max": 1}
    draft.questions[0].kind = QuestionKind.MULTIPLE_CHOICE
    draft.questions[0].settings = {"min_selected": 2, "max_selected": 1}
    assert len(_messages(draft)) == 2


def test_publish_opens_a_draft_and_records_who(draft, session):
    now = utcnow()
    lifecycle.publish(session, draft, now)
    assert draft.status == ConsultationStatus.PUBLISHED
    assert draft.published_at == now
    assert len(_events(session, "consultation.publish")) == 1


def test_publish_with_problems_changes_nothing(draft, session):
    draft.closes_at = None
    with pytest.raises(PublishRefused) as refused:
        lifecycle.publish(session, draft, utcnow())
    assert refused.value.problems
    assert draft.status == ConsultationStatus.DRAFT
    assert _events(session, "consultation.publish") == []


def test_only_a_draft_can_be_published(make_consultation, session):
    published = make_consultation()
    with pytest.raises(Invalid):
        lifecycle.publish(session, published, utcnow())


def test_close_then_archive(make_consultation, session):
    consultation = make_consultation()
    lifecycle.close(session, consultation, utcnow())
    assert consultation.status == ConsultationStatus.CLOSED
    lifecycle.archive(session, consultation, utcnow())
    assert consultation.status == ConsultationStatus.ARCHIVED
    assert consultation.archived_at is not None


def test_only_a_closed_consultation_can_be_archived(make_consultation, session):
    with pytest.raises(Invalid):
        lifecycle.archive(session, make_consultation(), utcnow())


def test_a_draft_cannot_be_closed(draft, session):
    with pytest.raises(Invalid):
        lifecycle.close(session, draft, utcnow())


def test_reopen_needs_a_reason(make_consultation, session):
    consultation = make_consultation()
    lifecycle.close(session, consultation, utcnow())
    with pytest.raises(Invalid, match="reason"):
        lifecycle.reopen(session, consultation, utcnow(), "  ")
    assert consultation.status == ConsultationStatus.CLOSED


def test_reopen_needs_a_closing_date_in_the_future(make_consultation, session):
    consultation = make_consultation()
    now = utcnow()
    consultation.closes_at = now - timedelta(minutes=1)
    lifecycle.close(session, consultation, now)
    with pytest.raises(Invalid, match="future"):
        lifecycle.reopen(session, consultation, now, "Late papers from the job centre")
    lifecycle.reopen(
        session,
        consultation,
        now,
        "Late papers from the job centre",
        closes_at=now + timedelta(days=3),
    )
    assert consultation.status == ConsultationStatus.PUBLISHED
    event = _events(session, "consultation.reopen")[0]
    assert event.details["reason"] == "Late papers from the job centre"


def test_close_due_closes_only_published_consultations_past_their_deadline(
    make_consultation, session
):
    now = utcnow()
    due = make_consultation(slug="due")
    due.closes_at = now - timedelta(minutes=1)
    later = make_consultation(slug="later")
    draft = make_consultation(slug="draft", status=ConsultationStatus.DRAFT)
    draft.closes_at = now - timedelta(minutes=1)
    session.flush()
    assert lifecycle.close_due(session, now) == [due]
    assert (due.status, later.status, draft.status) == ("closed", "published", "draft")
    assert _events(session, "consultation.close")[0].details["reason"] == "deadline"


def _answer(session, consultation):
    session.add(Response(consultation=consultation, language="de"))
    session.flush()


def test_structure_is_open_until_someone_answers(make_consultation, session):
    consultation = make_consultation()
    lifecycle.ensure_structure_open(session, consultation)
    _answer(session, consultation)
    with pytest.raises(Frozen):
        lifecycle.ensure_structure_open(session, consultation)


def test_an_archived_consultation_cannot_be_edited(make_consultation, session):
    consultation = make_consultation(status=ConsultationStatus.ARCHIVED)
    with pytest.raises(Invalid, match="archived"):
        lifecycle.ensure_editable(consultation)


def test_questions_added_in_sections_follow_their_consultation(draft, session):
    section = Section(title={"de": "Zwei", "en": "Two"})
    draft.sections.append(section)
    question = Question(code="q9", kind=QuestionKind.RANKING, prompt={"de": "x", "en": "x"})
    section.questions.append(question)
    question.options.extend([Option(code="a", label={"de": "a", "en": "a"})])
    session.flush()
    assert question.consultation is draft
