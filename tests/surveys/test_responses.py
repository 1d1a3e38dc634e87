"""The response life cycle on a plain session: drafts, pages, submission, codes, withdrawal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from surveys.answering import responses
from surveys.answering.access import Refusal, invitation_refusal, public_refusal
from surveys.base import utcnow
from surveys.credentials import token_hash
from surveys.models import Answer, Question, Response
from surveys.vocabulary import AccessMode, ConsultationStatus, QuestionKind
from tests.conftest import build_consultation


@pytest.fixture()
def consultation(session):
    c = build_consultation()
    section = c.sections[0]
    section.questions.append(
        Question(
            code="q_follow",
            kind=QuestionKind.SHORT_TEXT,
            prompt={"de": "Warum?"},
            show_if={"question": "q_choice", "options": ["a"]},
        )
    )
    session.add(c)
    session.commit()
    return c


def draft(session, consultation):
    return responses.start_draft(
        session, consultation, language="de", now=utcnow(), group=consultation.groups[0]
    )


def save(session, response, values, require=True):
    raw = {code: {"value": value} for code, value in values.items()}
    return responses.save_page(
        session,
        response,
        response.consultation.sections[0],
        raw,
        language="ar",
        now=utcnow(),
        require=require,
    )


def count(session, model, **where):
    query = select(func.count()).select_from(model)
    for key, value in where.items():
        query = query.where(getattr(model, key) == value)
    return session.scalar(query)


def test_a_draft_records_language_group_and_online_channel(session, consultation):
    response = draft(session, consultation)
    assert (response.status, response.channel, response.language) == ("draft", "online", "de")
    assert response.group.code == "volunteers"


def test_saving_a_page_twice_replaces_its_answers(session, consultation):
    response = draft(session, consultation)
    save(session, response, {"q_choice": ["a"], "q_text": ["eins"]})
    save(session, response, {"q_choice": ["b"], "q_text": ["zwei"]})
    assert responses.rows_by_code(response) == {
        "q_choice": [{"option_code": "b", "text": None, "number": None}],
        "q_text": [{"option_code": None, "text": "zwei", "number": None}],
    }


def test_saving_records_the_language_the_respondent_saw(session, consultation):
    response = draft(session, consultation)
    save(session, response, {"q_choice": ["a"]})
    assert response.language == "ar"


def test_valid_answers_are_saved_even_when_another_is_wrong(session, consultation):
    response = draft(session, consultation)
    errors = save(session, response, {"q_choice": ["nope"], "q_text": ["bleibt"]})
    assert list(errors) == ["q_choice"]
    assert list(responses.rows_by_code(response)) == ["q_text"]


def test_a_hidden_question_loses_its_answer_when_the_trigger_changes(session, consultation):
    response = draft(session, consultation)
    save(session, response, {"q_choice": ["a"], "q_follow": ["weil"]})
    assert "q_follow" in responses.rows_by_code(response)
    save(session, response, {"q_choice": ["b"], "q_follow": ["weil"]})
    assert "q_follow" not in responses.rows_by_code(response)
    assert count(session, Answer, question_id=consultation.questions[2].id) == 0


def test_submit_refuses_missing_required_answers(session, consultation):
    response = draft(session, consultation)
    with pytest.raises(responses.Incomplete) as refused:
        responses.submit(session, response, responses.new_code(), now=utcnow())
    assert [q.code for q, _error in refused.value.missing] == ["q_choice"]
    assert response.status == "draft"


def test_submit_stores_only_a_hash_of_the_receipt_code(session, consultation):
    response = draft(session, consultation)
    save(session, response, {"q_choice": ["b"]})
    code = responses.new_code()
    result = responses.submit(session, response, code, now=utcnow())
    assert result.first and response.status == "submitted" and response.submitted_at
    assert response.receipt_hash == token_hash(responses.normalise_code(code), "receipt")
    assert code not in str(response.receipt_hash)


def test_submitting_twice_keeps_one_submitted_response(session, consultation):
    response = draft(session, consultation)
    save(session, response, {"q_choice": ["b"]})
    code = responses.new_code()
    first = responses.submit(session, response, code, now=utcnow())
    submitted_at = response.submitted_at
    second = responses.submit(session, response, code, now=utcnow() + timedelta(seconds=1))
    session.commit()
    assert (first.first, second.first) == (True, False)
    assert response.submitted_at == submitted_at
    assert count(session, Response, status="submitted") == 1


def test_a_submitted_public_response_cannot_be_changed(session, consultation):
    response = draft(session, consultation)
    save(session, response, {"q_choice": ["b"]})
    responses.submit(session, response, responses.new_code(), now=utcnow())
    with pytest.raises(responses.Invalid):
        save(session, response, {"q_choice": ["a"]})


def test_submit_after_the_deadline_is_refused(session, consultation):
    response = draft(session, consultation)
    save(session, response, {"q_choice": ["b"]})
    with pytest.raises(responses.Closed):
        responses.submit(session, response, responses.new_code(), now=utcnow() + timedelta(days=30))


def test_a_resume_code_finds_the_draft_however_it_is_typed(session, consultation):
    response = draft(session, consultation)
    code = responses.issue_resume_code(session, response)
    assert response.resume_hash and code not in response.resume_hash
    typed = " " + code.lower().replace("-", " ") + " "
    assert responses.find_by_resume_code(session, consultation, typed) is response
    assert responses.find_by_resume_code(session, consultation, "AAAA-BBBB-CCCC") is None


def test_a_new_resume_code_replaces_the_old_one(session, consultation):
    response = draft(session, consultation)
    old = responses.issue_resume_code(session, response)
    responses.issue_resume_code(session, response)
    assert responses.find_by_resume_code(session, consultation, old) is None


def test_resume_codes_stop_working_after_submission(session, consultation):
    response = draft(session, consultation)
    code = responses.issue_resume_code(session, response)
    save(session, response, {"q_choice": ["b"]})
    responses.submit(session, response, responses.new_code(), now=utcnow())
    assert responses.find_by_resume_code(session, consultation, code) is None


def test_withdraw_with_the_receipt_code_deletes_response_and_answers(session, consultation):
    response = draft(session, consultation)
    save(session, response, {"q_choice": ["b"], "q_text": ["x"]})
    code = responses.new_code()
    responses.submit(session, response, code, now=utcnow())
    assert not responses.withdraw(session, consultation, "WRONG-CODE-XXX", now=utcnow())
    assert responses.withdraw(session, consultation, code, now=utcnow())
    session.commit()
    assert count(session, Response) == 0 and count(session, Answer) == 0


def test_withdraw_after_the_deadline_is_refused(session, consultation):
    with pytest.raises(responses.Closed):
        responses.withdraw(session, consultation, "x", now=utcnow() + timedelta(days=30))


def test_invited_response_is_found_again_and_keeps_the_invitation_group(session, consultation):
    invitation, token = responses.create_invitation(
        session, consultation, group=consultation.groups[0]
    )
    assert invitation.token_hash == token_hash(token, "invitation")
    first = responses.start_invited(session, consultation, token, language="de", now=utcnow())
    again = responses.start_invited(session, consultation, token, language="de", now=utcnow())
    assert first is again and first.group.code == "volunteers"
    assert first.access_hash == token_hash(token, "response") != invitation.token_hash


def test_first_submission_marks_the_invitation_used(session, consultation):
    invitation, token = responses.create_invitation(session, consultation)
    response = responses.start_invited(session, consultation, token, language="de", now=utcnow())
    save(session, response, {"q_choice": ["b"]})
    responses.submit(session, response, responses.new_code(), now=utcnow(), invitation_token=token)
    assert invitation.used_at is not None


def test_an_invited_respondent_can_change_submitted_answers_until_the_deadline(
    session, consultation
):
    _invitation, token = responses.create_invitation(session, consultation)
    response = responses.start_invited(session, consultation, token, language="de", now=utcnow())
    save(session, response, {"q_choice": ["b"]})
    responses.submit(session, response, responses.new_code(), now=utcnow(), invitation_token=token)
    save(session, response, {"q_choice": ["a"]})
    assert responses.rows_by_code(response)["q_choice"][0]["option_code"] == "a"
    # A broken page leaves submitted answers untouched.
    assert save(session, response, {"q_choice": []}) and response.status == "submitted"
    assert responses.rows_by_code(response)["q_choice"][0]["option_code"] == "a"


def test_an_unknown_invitation_token_is_refused(session, consultation):
    with pytest.raises(responses.Invalid):
        responses.start_invited(session, consultation, "nope", language="de", now=utcnow())


@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        ({"status": ConsultationStatus.DRAFT}, Refusal.NOT_FOUND),
        ({"status": ConsultationStatus.CLOSED}, Refusal.CLOSED),
        ({"status": ConsultationStatus.ARCHIVED}, Refusal.ARCHIVED),
        ({"opens_at": utcnow() + timedelta(days=1)}, Refusal.NOT_YET_OPEN),
        ({"closes_at": utcnow() - timedelta(days=1)}, Refusal.CLOSED),
        ({"access_mode": AccessMode.INVITATION}, Refusal.INVITATION_ONLY),
        ({}, None),
    ],
)
def test_public_link_refusals(session, consultation, change, refusal):
    for key, value in change.items():
        setattr(consultation, key, value)
    assert public_refusal(consultation, utcnow()) == refusal


def test_invitation_refusals(session, consultation):
    invitation, _token = responses.create_invitation(session, consultation)
    now = utcnow()
    assert invitation_refusal(consultation, invitation, now) is None
    assert invitation_refusal(consultation, None, now) == Refusal.INVALID_INVITATION
    later = now + timedelta(days=30)
    assert invitation_refusal(consultation, invitation, later) == Refusal.CLOSED
    invitation.used_at = now
    assert invitation_refusal(consultation, invitation, later) == Refusal.INVITATION_USED
    assert public_refusal(None, now) == Refusal.NOT_FOUND


def test_codes_are_human_typable():
    code = responses.new_code()
    assert len(code) == 14 and code.count("-") == 2
    assert not set(code) & set("01OIL")
    assert responses.normalise_code("ab٣d-efgh") == "AB3DEFGH"


def test_text_with_contact_details_is_flagged_when_saved(session, consultation):
    response = draft(session, consultation)
    save(session, response, {"q_choice": ["b"], "q_text": ["Ruf an: 0151 2345678"]})
    flags = dict(session.execute(select(Answer.text, Answer.flagged)).all())
    assert flags == {None: False, "Ruf an: 0151 2345678": True}
