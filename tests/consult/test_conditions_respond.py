"""Respondents and conditions: AND over two questions, hidden pages skipped, section
conditions, answers of questions that became hidden dropped, resuming in the right language."""

from __future__ import annotations

import pytest

from surveys.models import Option, Question, Section
from tests.conftest import build_consultation
from tests.consult.respond_support import add, answers, post_page, receipt_code, start

SLUG = "conditions"
BASE = f"/c/{SLUG}"
BOTH = {
    "all": [
        {"question": "q_role", "options": ["staff"]},
        {"question": "q_age", "op": ">", "value": 17},
    ]
}


def _texts(text: str) -> dict[str, str]:
    return {"de": text, "en": text, "ar": text}


@pytest.fixture()
def consultation(db_session):
    """Page 1: role and age. Page 2: only for staff older than 17. Page 3 (a section
    condition): only for volunteers. Page 4: for everyone."""
    c = build_consultation(SLUG, languages=("de", "en", "ar"))
    c.sections.clear()
    first = Section(title=_texts("Über Sie"))
    role = Question(code="q_role", kind="single_choice", required=True, prompt=_texts("Rolle"))
    role.options.extend(
        [
            Option(code="staff", label=_texts("Hauptamt")),
            Option(code="volunteer", label=_texts("Ehrenamt")),
        ]
    )
    first.questions.extend(
        [
            role,
            Question(
                code="q_age",
                kind="number",
                required=True,
                prompt=_texts("Alter"),
                settings={"min": 0, "max": 120},
            ),
        ]
    )
    second = Section(title=_texts("Beruf"))
    second.questions.append(
        Question(code="q_both", kind="short_text", prompt=_texts("Ihr Dienst"), show_if=BOTH)
    )
    third = Section(
        title=_texts("Ehrenamt"),
        show_if={"any": [{"question": "q_role", "options": ["volunteer"]}]},
    )
    third.questions.append(Question(code="q_vol", kind="short_text", prompt=_texts("Seit wann")))
    fourth = Section(title=_texts("Zum Schluss"))
    fourth.questions.append(Question(code="q_end", kind="long_text", prompt=_texts("Sonst")))
    c.sections.extend([first, second, third, fourth])
    for question in c.questions:
        question.consultation = c
    return add(db_session, c)


def _page_one(client, role: str, age: str):
    return post_page(client, 1, {"q_role": role, "q_age": age}, slug=SLUG)


def test_the_and_question_appears_only_when_both_parts_hold(client, consultation):
    start(client, slug=SLUG)
    assert _page_one(client, "staff", "30").location.endswith(f"{BASE}/p/2")
    page = client.get(f"{BASE}/p/2?lang=en").get_data(as_text=True)
    assert "Ihr Dienst" in page and "Page 2 of 3" in page


@pytest.mark.parametrize(("role", "age"), [("staff", "17"), ("volunteer", "30")])
def test_a_page_whose_only_question_is_hidden_is_skipped(client, consultation, role, age):
    start(client, slug=SLUG)
    following = _page_one(client, role, age).location
    assert not following.endswith(f"{BASE}/p/2")
    # Opened directly, the hidden page sends on to the next page shown.
    assert client.get(f"{BASE}/p/2").location == following


def test_the_progress_counts_only_shown_pages(client, consultation):
    start(client, slug=SLUG)
    assert _page_one(client, "staff", "12").location.endswith(f"{BASE}/p/4")
    page = client.get(f"{BASE}/p/4?lang=en").get_data(as_text=True)
    assert "Page 2 of 2" in page and "Review my answers" in page


def test_back_skips_hidden_pages_too(client, consultation):
    start(client, slug=SLUG)
    _page_one(client, "staff", "12")
    response = post_page(client, 4, {"q_end": ""}, action="back", slug=SLUG)
    assert response.location.endswith(f"{BASE}/p/1")


def test_a_section_condition_shows_its_page_to_volunteers_only(client, consultation):
    start(client, slug=SLUG)
    assert _page_one(client, "volunteer", "40").location.endswith(f"{BASE}/p/3")
    assert "Seit wann" in client.get(f"{BASE}/p/3").get_data(as_text=True)


def test_an_answer_hidden_by_a_later_change_is_dropped_and_not_reviewed(
    client, consultation, db_session
):
    start(client, slug=SLUG)
    _page_one(client, "staff", "30")
    post_page(client, 2, {"q_both": "Verwaltung"}, slug=SLUG)
    assert [a.text for a in answers(db_session, "q_both")] == ["Verwaltung"]
    _page_one(client, "staff", "16")
    assert answers(db_session, "q_both") == []
    review = client.get(f"{BASE}/review?lang=en").get_data(as_text=True)
    assert "Ihr Dienst" not in review and "Beruf" not in review


def test_resuming_shows_the_response_language_and_a_shown_page(app, client, consultation):
    client.get(f"{BASE}?lang=ar")
    start(client, slug=SLUG)
    _page_one(client, "staff", "12")
    post_page(client, 4, {"q_end": ""}, action="later", slug=SLUG)
    code = receipt_code(client.get(f"{BASE}/saved").get_data(as_text=True))
    german = app.test_client()
    response = german.get(f"{BASE}/r/{code}", headers={"Accept-Language": "de"})
    assert response.location.endswith(f"{BASE}/p/4")
    page = german.get(f"{BASE}/p/4", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page
