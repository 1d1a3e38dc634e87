"""Refusals with their status codes, invitations, expired forms and too much data."""

from __future__ import annotations

import pytest

from surveys.answering import responses as service
from surveys.credentials import token_hash
from surveys.vocabulary import AccessMode, ConsultationStatus
from tests.consult.respond_support import (
    BASE,
    PAGE_ONE,
    PAGE_THREE,
    PAGE_TWO,
    add,
    answers,
    count,
    csrf_token,
    every_kind_consultation,
    in_days,
    post_page,
    responses,
    set_state,
    start,
)


@pytest.fixture()
def consultation(db_session):
    return add(db_session, every_kind_consultation())


def invite(db_session, consultation, group=True):
    _invitation, token = service.create_invitation(
        db_session, consultation, group=consultation.groups[0] if group else None
    )
    db_session.commit()
    return token


def test_an_unknown_slug_is_not_found(client):
    response = client.get("/c/nothing-here?lang=en")
    assert response.status_code == 404
    assert "Consultation not found" in response.get_data(as_text=True)


def test_a_draft_consultation_is_not_found_and_stores_nothing(client, consultation, db_session):
    set_state(db_session, consultation, status=ConsultationStatus.DRAFT)
    assert client.get(BASE).status_code == 404
    assert start(client).status_code == 404
    assert responses(db_session) == []


@pytest.mark.parametrize(
    ("changes", "status", "text"),
    [
        ({"opens_at": in_days(2)}, 403, "This consultation has not started yet"),
        ({"closes_at": in_days(-1)}, 410, "This consultation has ended"),
        ({"status": ConsultationStatus.CLOSED}, 410, "This consultation has ended"),
        ({"status": ConsultationStatus.ARCHIVED}, 410, "It has been archived"),
        ({"access_mode": AccessMode.INVITATION}, 403, "Only with a personal invitation"),
    ],
)
def test_refusals_have_a_clear_page_and_status_and_store_nothing(
    client, consultation, db_session, changes, status, text
):
    set_state(db_session, consultation, **changes)
    response = client.get(f"{BASE}?lang=en")
    assert response.status_code == status and text in response.get_data(as_text=True)
    assert start(client).status_code == status
    assert responses(db_session) == []


def test_a_refusal_page_is_translated(client, consultation, db_session):
    set_state(db_session, consultation, closes_at=in_days(-1))
    response = client.get(f"{BASE}?lang=ar")
    html = response.get_data(as_text=True)
    assert response.status_code == 410
    assert '<html lang="ar" dir="rtl">' in html and "This consultation has ended" not in html


def test_pages_of_a_draft_started_before_the_deadline_refuse_after_it(
    client, consultation, db_session
):
    start(client)
    set_state(db_session, consultation, closes_at=in_days(-1))
    assert post_page(client, 1, PAGE_ONE, expect=410).status_code == 410
    assert answers(db_session, "name_of_place") == []


def test_an_invalid_invitation_link_is_refused(client, consultation, db_session):
    response = client.get(f"{BASE}/i/not-a-token?lang=en")
    assert response.status_code == 403
    assert "This invitation link is not valid" in response.get_data(as_text=True)


def test_an_invitation_of_another_consultation_is_refused(client, consultation, db_session):
    from tests.conftest import build_consultation

    other = add(db_session, build_consultation("other"))
    token = invite(db_session, other)
    assert client.get(f"{BASE}/i/{token}").status_code == 403


def test_an_invitation_leads_to_the_landing_page_with_its_group_fixed(
    client, consultation, db_session
):
    token = invite(db_session, consultation)
    response = client.get(f"{BASE}/i/{token}")
    assert response.status_code == 302 and response.location.endswith(BASE)
    html = client.get(f"{BASE}?lang=en").get_data(as_text=True)
    assert "You are answering for:" in html and 'name="group"' not in html


def test_an_invitation_opens_an_invitation_only_consultation(client, consultation, db_session):
    set_state(db_session, consultation, access_mode=AccessMode.INVITATION)
    token = invite(db_session, consultation)
    client.get(f"{BASE}/i/{token}")
    assert client.get(BASE).status_code == 200
    assert client.post(f"{BASE}/start").status_code == 302


def _answer_invited(client, token):
    client.get(f"{BASE}/i/{token}")
    client.post(f"{BASE}/start")
    for number, data in enumerate((PAGE_ONE, PAGE_TWO, PAGE_THREE), start=1):
        post_page(client, number, data)
    return client.post(f"{BASE}/submit")


def test_an_invited_response_is_not_linked_to_the_invitation(client, consultation, db_session):
    token = invite(db_session, consultation)
    _answer_invited(client, token)
    (response,) = responses(db_session)
    assert response.group.code == "volunteers"
    assert response.access_hash == token_hash(token, "response")
    invitation = service.find_invitation(db_session, token)
    assert invitation.used_at is not None and invitation.token_hash != response.access_hash


def test_an_invited_respondent_can_come_back_and_change_answers(
    app, client, consultation, db_session
):
    token = invite(db_session, consultation)
    _answer_invited(client, token)
    other = app.test_client()
    other.get(f"{BASE}/i/{token}")
    assert "Change my answers" in other.get(f"{BASE}?lang=en").get_data(as_text=True)
    assert other.post(f"{BASE}/start").location.endswith(f"{BASE}/review")
    post_page(other, 1, {**PAGE_ONE, "name_of_place": "Neustadt"})
    assert other.post(f"{BASE}/submit").status_code == 302
    assert [a.text for a in answers(db_session, "name_of_place")] == ["Neustadt"]
    assert len(responses(db_session)) == 1


def test_a_used_invitation_after_the_deadline_is_refused(client, consultation, db_session):
    token = invite(db_session, consultation)
    _answer_invited(client, token)
    set_state(db_session, consultation, closes_at=in_days(-1))
    response = client.get(f"{BASE}/i/{token}?lang=en")
    assert response.status_code == 410
    assert "This invitation has already been used" in response.get_data(as_text=True)


def test_an_expired_form_comes_back_with_the_typed_answers_and_stores_nothing(
    make_app, consultation, db_session
):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    token = csrf_token(client.get(BASE).get_data(as_text=True))
    client.post(f"{BASE}/start", data={"group": "volunteers", "csrf_token": token})
    response = client.post(
        f"{BASE}/p/1?lang=en",
        data={**PAGE_ONE, "name_of_place": "Mein Ort", "csrf_token": "expired", "action": "next"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    # The CSRF check runs before ?lang= is read: the page speaks the negotiated language.
    assert "Ihre Antworten sind noch da" in html
    assert 'value="Mein Ort"' in html and 'value="3,5"' in html
    assert answers(db_session, "name_of_place") == []
    # Sending again with the fresh token from the re-rendered page works.
    again = client.post(
        f"{BASE}/p/1", data={**PAGE_ONE, "csrf_token": csrf_token(html), "action": "next"}
    )
    assert again.status_code == 302 and len(answers(db_session, "name_of_place")) == 1


def test_a_form_without_csrf_token_elsewhere_is_refused_politely(
    make_app, consultation, db_session
):
    client = make_app(WTF_CSRF_ENABLED=True).test_client()
    response = client.post(f"{BASE}/start?lang=en", data={"group": "volunteers"})
    assert response.status_code == 400
    assert "Bitte erneut senden" in response.get_data(as_text=True)
    assert count(db_session) == 0


def test_too_much_data_explains_the_limit(make_app, consultation, db_session):
    client = make_app(MAX_CONTENT_LENGTH=1024 * 1024).test_client()
    start(client)
    response = client.post(f"{BASE}/p/1?lang=en", data={"story": "x" * (1024 * 1024 + 10)})
    html = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "larger than the 1 MB this site accepts" in html
    assert answers(db_session, "story") == []


def test_invited_respondents_continue_later_with_their_invitation_link(
    app, client, consultation, db_session
):
    token = invite(db_session, consultation)
    client.get(f"{BASE}/i/{token}")
    client.post(f"{BASE}/start")
    response = post_page(client, 1, PAGE_ONE, action="later")
    html = client.get(response.location + "?lang=en").get_data(as_text=True)
    assert "open the link from your invitation again" in html
    assert responses(db_session)[0].resume_hash is None
    other = app.test_client()
    other.get(f"{BASE}/i/{token}")
    assert other.post(f"{BASE}/start").location.endswith(f"{BASE}/p/2")
