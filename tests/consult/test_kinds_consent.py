"""The consent kind: one checkbox next to a translated statement, stored as "yes"."""

from __future__ import annotations

import pytest

from surveys.models import Question, Section
from tests.conftest import build_consultation
from tests.consult.respond_support import add, answers, post_page, start

SLUG = "consent-kind"
BASE = f"/c/{SLUG}"
STATEMENT = {
    "de": "Ich bin mit der Auswertung meiner Antworten einverstanden.",
    "en": "I agree that my answers are analysed.",
    "ar": "أوافق على تحليل إجاباتي.",
}


@pytest.fixture()
def consultation(db_session):
    c = build_consultation(SLUG, languages=("de", "en", "ar"))
    c.sections.clear()
    first = Section(title={"de": "Einverständnis", "en": "Consent", "ar": "موافقة"})
    first.questions.extend(
        [
            Question(code="agree", kind="consent", required=True, prompt=STATEMENT),
            Question(
                code="contact",
                kind="consent",
                prompt={"de": "Kontakt erlaubt", "en": "Contact allowed", "ar": "الاتصال"},
            ),
        ]
    )
    second = Section(title={"de": "Ende", "en": "End", "ar": "نهاية"})
    second.questions.append(
        Question(code="end", kind="short_text", prompt={"de": "Ende", "en": "End", "ar": "ن"})
    )
    c.sections.extend([first, second])
    for question in c.questions:
        question.consultation = c
    return add(db_session, c)


def test_the_statement_is_the_label_of_one_checkbox_in_the_respondents_language(
    client, consultation
):
    start(client, slug=SLUG)
    page = client.get(f"{BASE}/p/1?lang=ar").get_data(as_text=True)
    assert 'type="checkbox" id="q-agree" name="agree" value="yes"' in page
    assert '<label class="kern-label" for="q-agree"' in page
    assert STATEMENT["ar"] in page
    assert page.count('type="checkbox"') == 2


def test_a_required_consent_must_be_ticked(client, db_session, consultation):
    start(client, slug=SLUG)
    response = post_page(client, 1, {}, slug=SLUG, expect=422)
    assert "Bitte setzen Sie das Häkchen" in response.get_data(as_text=True)
    assert answers(db_session, "agree") == []


def test_a_ticked_consent_is_stored_as_yes_and_an_unticked_optional_one_as_no_answer(
    client, db_session, consultation
):
    start(client, slug=SLUG)
    post_page(client, 1, {"agree": "yes"}, slug=SLUG)
    assert [(a.option_code, a.text) for a in answers(db_session, "agree")] == [("yes", None)]
    assert answers(db_session, "contact") == []


def test_a_forged_value_is_refused(client, db_session, consultation):
    start(client, slug=SLUG)
    post_page(client, 1, {"agree": "no"}, slug=SLUG, expect=422)
    assert answers(db_session, "agree") == []


@pytest.fixture()
def follow_up(db_session, consultation):
    """Page 2 asks for a wish only of those who ticked the optional contact consent."""
    end = consultation.sections[1].questions[0]
    end.show_if = {"all": [{"question": "contact", "options": ["yes"]}]}
    db_session.commit()
    return consultation


def test_a_question_may_depend_on_a_consent(client, follow_up):
    start(client, slug=SLUG)
    post_page(client, 1, {"agree": "yes", "contact": "yes"}, slug=SLUG)
    assert "Ende" in client.get(f"{BASE}/p/2").get_data(as_text=True)
    start(client, slug=SLUG)
    reply = post_page(client, 1, {"agree": "yes"}, slug=SLUG)
    # Without the contact consent the only question of page 2 is hidden: the page is skipped.
    assert not reply.location.endswith("/p/2")


def test_the_condition_editor_offers_agreed_for_a_consent(client, sign_in, follow_up):
    sign_in("author")
    question = follow_up.sections[1].questions[0]
    page = client.get(f"/staff/consultations/{follow_up.id}/questions/{question.id}").get_data(
        as_text=True
    )
    assert "Zugestimmt" in page
