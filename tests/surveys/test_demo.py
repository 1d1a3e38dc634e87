from __future__ import annotations

import sqlalchemy as sa

from surveys import consultations
from surveys.demo import loader
from surveys.models import Answer, Consultation, Response, User
from surveys.texts import missing_translations
from surveys.vocabulary import FieldOfAction, QuestionKind, ResponseStatus

PASSWORD = "demo-password-123"


def _load(session, responses=60):
    result = loader.load(session, password=PASSWORD, responses=responses)
    session.commit()
    return result.consultation


def test_the_demo_uses_every_question_kind_and_field_of_action(session):
    consultation = _load(session)
    kinds = {q.kind for q in consultation.questions}
    fields = {q.field_of_action for q in consultation.questions}
    assert kinds == {kind.value for kind in QuestionKind}
    assert {f.value for f in FieldOfAction} - {"general"} <= fields
    assert 12 <= len(consultation.questions) <= 20


def test_the_demo_is_fully_translated_into_its_five_languages(session):
    consultation = _load(session)
    assert consultation.languages == ["de", "en", "ar", "fa", "uk"]
    assert missing_translations(consultation) == {lang: [] for lang in consultation.languages}


def test_the_demo_has_an_account_for_each_role(session):
    _load(session)
    roles = {role for user in session.scalars(sa.select(User)) for role in user.roles}
    assert roles == {"admin", "author", "facilitator"}


def test_generated_responses_speak_every_language_with_free_text_in_it(session):
    consultation = _load(session, responses=120)
    texts = session.execute(
        sa.select(Response.language, Answer.text)
        .join(Answer.response)
        .where(Response.consultation_id == consultation.id, Answer.text.is_not(None))
    ).all()
    by_language = {language for language, _ in texts}
    assert by_language == set(consultation.languages)
    arabic = [text for language, text in texts if language == "ar" and not text[:1].isdigit()]
    assert arabic and all(any("\u0600" <= ch <= "\u06ff" for ch in text) for text in arabic)


def test_no_answer_is_stored_for_a_question_whose_condition_was_not_met(session):
    consultation = _load(session, responses=120)
    conditional = [q for q in consultation.questions if q.show_if]
    assert conditional
    by_code = {q.code: q for q in consultation.questions}
    for question in conditional:
        trigger = by_code[question.show_if["question"]]
        answered = set(
            session.scalars(sa.select(Answer.response_id).where(Answer.question_id == question.id))
        )
        qualifying = set(
            session.scalars(
                sa.select(Answer.response_id).where(
                    Answer.question_id == trigger.id,
                    Answer.option_code.in_(question.show_if["options"]),
                )
            )
        )
        assert answered and answered <= qualifying


def test_most_demo_responses_are_submitted_and_some_are_drafts(session):
    consultation = _load(session, responses=200)
    statuses = session.scalars(
        sa.select(Response.status).where(Response.consultation_id == consultation.id)
    ).all()
    submitted = statuses.count(ResponseStatus.SUBMITTED)
    assert len(statuses) == 200 and 170 <= submitted < 200


def test_the_demo_is_the_same_every_time(session):
    consultation = _load(session, responses=30)
    first = _answers(session, consultation)
    consultations.delete(session, consultation)
    session.commit()
    second = _answers(session, _load(session, responses=30))
    assert first == second


def _answers(session, consultation: Consultation):
    return session.execute(
        sa.select(Response.language, Answer.option_code, Answer.text, Answer.number)
        .join(Answer.response)
        .where(Response.consultation_id == consultation.id)
        .order_by(Answer.id)
    ).all()


def test_demo_answers_with_contact_details_are_flagged_for_a_look(session):
    consultation = _load(session, responses=300)
    flagged = session.scalars(
        sa.select(Answer.text)
        .join(Answer.response)
        .where(Response.consultation_id == consultation.id, Answer.flagged.is_(True))
    ).all()
    assert flagged
    assert all("@example.org" in text or "1234567" in text for text in flagged)
