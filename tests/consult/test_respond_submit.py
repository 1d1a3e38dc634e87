"""Review, submission exactly once, continue later, withdrawal."""

from __future__ import annotations

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from surveys.models import Answer
from tests.consult.respond_support import (
    BASE,
    PAGE_ONE,
    PAGE_TWO,
    add,
    answer_everything,
    count,
    every_kind_consultation,
    post_page,
    receipt_code,
    responses,
    start,
)


@pytest.fixture()
def consultation(db_session):
    return add(db_session, every_kind_consultation())


def test_the_review_page_lists_every_answer_with_a_link_to_change_it(client, consultation):
    answer_everything(client)
    html = client.get(f"{BASE}/review?lang=en").get_data(as_text=True)
    assert "Beispielstadt" in html and "3.5" in html and "May 1, 2020" in html
    assert "1. y" in html and "2. x" in html and "No" in html
    assert f'href="{BASE}/p/1#q-name_of_place"' in html
    assert '<li><span dir="auto">Beispielstadt</span></li>' in html


def test_the_last_page_leads_to_the_review(client, consultation):
    start(client)
    response = post_page(client, 3, {"safety": "dont_know"})
    assert response.location.endswith(f"{BASE}/review")


def test_submitting_shows_a_receipt_code_stored_only_as_a_hash(client, consultation, db_session):
    answer_everything(client)
    response = client.post(f"{BASE}/submit")
    assert response.status_code == 302 and response.location.endswith(f"{BASE}/done")
    html = client.get(f"{BASE}/done?lang=en").get_data(as_text=True)
    code = receipt_code(html)
    assert "Thank you! Your answers have been sent." in html
    (submitted,) = responses(db_session)
    assert submitted.status == "submitted" and submitted.submitted_at is not None
    assert submitted.receipt_hash and code not in submitted.receipt_hash
    assert submitted.resume_hash is None


def test_submitting_twice_stores_one_response_and_shows_the_same_receipt(
    client, consultation, db_session
):
    answer_everything(client)
    first = client.post(f"{BASE}/submit")
    receipt = receipt_code(client.get(f"{BASE}/done").get_data(as_text=True))
    second = client.post(f"{BASE}/submit")
    assert first.location == second.location
    assert receipt_code(client.get(f"{BASE}/done").get_data(as_text=True)) == receipt
    assert count(db_session, status="submitted") == 1 and len(responses(db_session)) == 1


def test_a_retried_submit_from_an_old_cookie_shows_the_same_confirmation(
    client, consultation, db_session
):
    """A double click sends the second request with the cookie from before the first."""
    answer_everything(client)
    cookie = client.get_cookie("session").value
    client.post(f"{BASE}/submit")
    receipt = receipt_code(client.get(f"{BASE}/done").get_data(as_text=True))
    client.set_cookie("session", cookie)
    assert client.post(f"{BASE}/submit").location.endswith(f"{BASE}/done")
    assert receipt_code(client.get(f"{BASE}/done").get_data(as_text=True)) == receipt
    assert count(db_session, status="submitted") == 1


def test_answers_cannot_be_changed_after_submission(client, consultation, db_session):
    answer_everything(client)
    client.post(f"{BASE}/submit")
    response = post_page(client, 1, {**PAGE_ONE, "name_of_place": "Anders"})
    assert response.location.endswith(f"{BASE}/done")
    assert [a.text for a in db_session.query(Answer).all() if a.text == "Anders"] == []


def test_submitting_with_required_answers_missing_lists_them(client, consultation, db_session):
    start(client)
    post_page(client, 1, PAGE_ONE)
    response = client.post(f"{BASE}/submit?lang=en")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Some required questions have not been answered yet." in html
    assert f'href="{BASE}/p/2#q-housing"' in html
    assert count(db_session, status="submitted") == 0


def test_a_new_public_response_can_start_after_submission_on_the_same_device(
    client, consultation, db_session
):
    answer_everything(client)
    client.post(f"{BASE}/submit")
    assert "Start a new response" in client.get(f"{BASE}?lang=en").get_data(as_text=True)
    start(client)
    assert len(responses(db_session)) == 2


def test_continue_later_shows_a_code_and_a_link_once(client, consultation, db_session):
    start(client)
    response = post_page(client, 1, PAGE_ONE, action="later")
    assert response.location.endswith(f"{BASE}/saved")
    html = client.get(f"{BASE}/saved?lang=en").get_data(as_text=True)
    code = receipt_code(html)
    assert f"{BASE}/r/{code}" in html
    assert code not in (responses(db_session)[0].resume_hash or "")
    assert client.get(f"{BASE}/saved").status_code == 302


def _saved_code(client) -> str:
    start(client)
    post_page(client, 1, PAGE_ONE)
    post_page(client, 2, PAGE_TWO, action="later")
    return receipt_code(client.get(f"{BASE}/saved").get_data(as_text=True))


def test_a_resume_code_continues_on_a_new_device(app, client, consultation):
    code = _saved_code(client)
    other = app.test_client()
    response = other.post(f"{BASE}/resume", data={"code": code.lower().replace("-", " ")})
    assert response.status_code == 302 and response.location.endswith(f"{BASE}/p/3")
    assert 'value="Beispielstadt"' in other.get(f"{BASE}/p/1").get_data(as_text=True)


def test_a_resume_link_continues_on_a_new_device(app, client, consultation, db_session):
    code = _saved_code(client)
    other = app.test_client()
    response = other.get(f"{BASE}/r/{code}")
    assert response.location.endswith(f"{BASE}/p/3")
    post_page(other, 3, {"safety": "2"})
    assert other.post(f"{BASE}/submit").location.endswith(f"{BASE}/done")
    assert count(db_session, status="submitted") == 1 and len(responses(db_session)) == 1


def test_a_wrong_resume_code_is_explained(client, consultation):
    response = client.post(f"{BASE}/resume?lang=en", data={"code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 422
    assert "We found no saved answers for this code." in response.get_data(as_text=True)
    assert client.get(f"{BASE}/r/AAAABBBBCCCC").status_code == 404


def test_withdrawing_with_the_receipt_code_deletes_the_answers(client, consultation, db_session):
    answer_everything(client)
    client.post(f"{BASE}/submit")
    code = receipt_code(client.get(f"{BASE}/done").get_data(as_text=True))
    response = client.post(f"{BASE}/withdraw?lang=en", data={"code": code})
    assert "Your answers have been deleted" in response.get_data(as_text=True)
    assert len(responses(db_session)) == 0 and count(db_session, Answer) == 0


def test_withdrawing_with_a_wrong_code_deletes_nothing(client, consultation, db_session):
    answer_everything(client)
    client.post(f"{BASE}/submit")
    response = client.post(f"{BASE}/withdraw?lang=en", data={"code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 422
    assert "No answers were found for this receipt code." in response.get_data(as_text=True)
    assert count(db_session, status="submitted") == 1


def test_answers_posted_after_the_session_ended_come_back_and_are_saved_when_sent_again(
    app, db_session
):
    from tests.consult.respond_support import BASE, PAGE_ONE, add, answers, every_kind_consultation

    add(db_session, every_kind_consultation())
    lost = app.test_client()  # a browser whose session cookie is gone
    response = lost.post(f"{BASE}/p/1", data={**PAGE_ONE, "action": "next"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert 'value="Beispielstadt"' in page and 'name="restart"' in page
    assert answers(db_session, "name_of_place") == []
    again = lost.post(
        f"{BASE}/p/1",
        data={**PAGE_ONE, "action": "next", "restart": "1", "restart_group": "volunteers"},
    )
    assert again.status_code == 302
    assert [a.text for a in answers(db_session, "name_of_place")] == ["Beispielstadt"]


@pytest.fixture()
def commits():
    """How many times any session commits while the test runs."""
    seen: list[int] = []

    def count_commit(_session) -> None:
        seen.append(1)

    event.listen(Session, "after_commit", count_commit)
    yield seen
    event.remove(Session, "after_commit", count_commit)


def test_a_page_is_stored_in_one_commit_even_when_it_restarts_and_saves_for_later(
    client, consultation, db_session, commits
):
    """A respondent whose session had ended sends the page again and saves for later: the new
    draft, the page's answers and the resume code are written together or not at all."""
    before = count(db_session)
    commits.clear()
    response = client.post(
        f"{BASE}/p/1",
        data={**PAGE_ONE, "restart": "1", "restart_group": "volunteers", "action": "later"},
    )
    assert response.status_code == 302 and response.location.endswith(f"{BASE}/saved")
    assert len(commits) == 1
    assert count(db_session) == before + 1
    saved = client.get(f"{BASE}/saved?lang=en").get_data(as_text=True)
    assert f"{BASE}/r/" in saved  # the resume link, with the code stored in that commit
