"""The questionnaire pages: landing, every question kind, errors, navigation, show_if."""

from __future__ import annotations

import pytest

from surveys.demo.loader import load
from surveys.models import Option
from tests.consult.respond_support import (
    BASE,
    PAGE_ONE,
    PAGE_TWO,
    add,
    answers,
    every_kind_consultation,
    post_page,
    responses,
    start,
)


@pytest.fixture()
def consultation(db_session):
    return add(db_session, every_kind_consultation())


@pytest.fixture()
def demo(db_session):
    result = load(db_session, password="demo-passwort-2027", responses=0)
    db_session.commit()
    return result.consultation


def page(client, number, lang="en"):
    response = client.get(f"{BASE}/p/{number}?lang={lang}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_data(as_text=True)


def test_the_landing_page_says_who_asks_when_and_how_long(client, demo):
    html = client.get(f"/c/{demo.slug}?lang=en").get_data(as_text=True)
    assert "Ausschuss für Jugend, Soziales und Integration" in html
    assert "Integrationsgipfel 2027 – Beratung" in html
    assert demo.meeting.starts_at.strftime("%Y") in html
    assert "about 15 minutes" in html
    assert "Answers accepted until" in html
    assert "The Committee for Youth, Social Affairs and Integration" in html


def test_the_landing_page_shows_the_privacy_notice_and_controller_contact(client, demo):
    html = client.get(f"/c/{demo.slug}?lang=en").get_data(as_text=True)
    assert "The controller is Beispielstadt County" in html
    assert "datenschutz@landkreis-beispielstadt.example" in html


def test_the_landing_page_offers_the_stakeholder_groups(client, demo):
    html = client.get(f"/c/{demo.slug}?lang=en").get_data(as_text=True)
    assert 'name="group" value="volunteers"' in html and "Volunteer refugee helpers" in html


def test_starting_without_a_group_asks_for_one_and_stores_nothing(client, consultation, db_session):
    response = client.post(f"{BASE}/start?lang=en", data={})
    assert response.status_code == 422
    assert "Please choose who you are answering for." in response.get_data(as_text=True)
    assert responses(db_session) == []


def test_starting_creates_an_online_draft_in_the_chosen_group_and_language(
    client, consultation, db_session
):
    response = start(client, **{"Accept-Language": "ar"})
    assert response.status_code == 302 and response.location.endswith(f"{BASE}/p/1")
    (draft,) = responses(db_session)
    assert (draft.status, draft.channel, draft.language) == ("draft", "online", "ar")
    assert draft.group.code == "volunteers"


def test_starting_twice_keeps_one_draft(client, consultation, db_session):
    start(client)
    start(client)
    assert len(responses(db_session)) == 1


def test_a_page_shows_its_progress(client, consultation):
    start(client)
    html = page(client, 2)
    assert "Page 2 of 3" in html and '<progress max="3" value="2"' in html


def test_text_inputs_state_their_limit(client, consultation):
    start(client)
    html = page(client, 1)
    assert 'name="name_of_place" value="" maxlength="200"' in html
    assert "Up to 200 characters." in html
    assert '<textarea id="q-story" name="story" rows="6" maxlength="50" dir="auto"' in html
    assert "Up to 50 characters." in html


def test_number_and_date_inputs(client, consultation):
    start(client)
    html = page(client, 1)
    assert 'inputmode="decimal" id="q-count" name="count"' in html
    assert "A number from 0 to 10." in html
    assert 'type="date" id="q-since" name="since"' in html


def test_choice_inputs_are_radios_and_checkboxes_with_other(client, consultation):
    start(client)
    html = page(client, 2)
    assert 'type="radio" id="q-housing" name="housing" value="a"' in html
    assert 'type="checkbox" id="q-areas" name="areas" value="a"' in html
    assert 'name="areas__other"' in html and "Choose up to 2." in html
    assert 'name="recognised" value="yes"' in html and 'value="dont_know"' in html
    assert '<legend class="kern-label">' in html


def test_scale_is_a_radio_row_with_labelled_ends_and_separate_dont_know(client, consultation):
    start(client)
    post_page(client, 1, PAGE_ONE)
    post_page(client, 2, PAGE_TWO)
    html = page(client, 3)
    for point in range(1, 6):
        assert f'name="safety" value="{point}"' in html
    assert "1 = Very unsafe" in html and "5 = Very safe" in html
    assert 'class="kern-form-check dont-know"' in html and 'id="q-safety-dont_know"' in html


def test_ranking_is_a_numbered_select_per_item(client, consultation):
    start(client)
    html = page(client, 3)
    assert html.count('<select id="q-priorities-rank-') == 3
    assert '<option value="3">3</option>' in html


def test_next_saves_the_page_and_moves_on(client, consultation, db_session):
    start(client)
    response = post_page(client, 1, PAGE_ONE)
    assert response.status_code == 302 and response.location.endswith(f"{BASE}/p/2")
    assert [a.number for a in answers(db_session, "count")] == [3.5]
    assert [a.text for a in answers(db_session, "since")] == ["2020-05-01"]


def test_saved_answers_are_filled_in_when_coming_back(client, consultation):
    start(client)
    post_page(client, 1, PAGE_ONE)
    post_page(client, 2, PAGE_TWO)
    html = page(client, 1)
    assert 'value="Beispielstadt"' in html and 'value="3.5"' in html
    assert 'value="a" checked' in page(client, 2)


def test_back_saves_the_page_without_requiring_answers(client, consultation, db_session):
    start(client)
    post_page(client, 1, PAGE_ONE)
    response = post_page(client, 2, {"areas": ["c"]}, action="back")
    assert response.status_code == 302 and response.location.endswith(f"{BASE}/p/1")
    assert [a.option_code for a in answers(db_session, "areas")] == ["c"]


def test_bad_input_comes_back_with_a_linked_summary_and_keeps_what_was_typed(
    client, consultation, db_session
):
    start(client)
    typed = {"name_of_place": "", "story": "x" * 51, "count": "elf", "since": "2020-05-01"}
    response = client.post(f"{BASE}/p/1?lang=en", data={**typed, "action": "next"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'class="kern-alert kern-alert--danger error-summary"' in html
    assert '<a class="kern-link" href="#q-name_of_place">' in html
    assert '<a class="kern-link" href="#q-count">' in html
    assert "Please answer this question." in html
    assert "Please write no more than 50 characters (you wrote 51)." in html
    assert "Please enter a number, for example 12 or 3,5." in html
    assert 'id="q-count-error"' in html and 'aria-invalid="true"' in html
    assert 'value="elf"' in html and "x" * 51 in html
    # The valid answer of the page is saved anyway.
    assert [a.text for a in answers(db_session, "since")] == ["2020-05-01"]


def test_errors_are_translated(client, consultation):
    start(client)
    html = client.post(f"{BASE}/p/1?lang=de", data={"count": "99"}).get_data(as_text=True)
    assert "Bitte geben Sie eine Zahl von 0 bis 10 ein." in html


def test_too_many_choices_and_unknown_codes_are_refused(client, consultation, db_session):
    start(client)
    html = client.post(
        f"{BASE}/p/2?lang=en", data={"housing": "zz", "areas": ["a", "b", "c"], "recognised": "no"}
    ).get_data(as_text=True)
    assert "Please choose one of the options shown." in html
    assert "Please choose no more than 2 of the options." in html
    assert answers(db_session, "housing") == [] and answers(db_session, "areas") == []


def test_other_needs_its_text(client, consultation):
    start(client)
    html = client.post(
        f"{BASE}/p/2?lang=en", data={"housing": "other", "recognised": "no"}
    ).get_data(as_text=True)
    assert "Please describe your other answer." in html
    assert '<a class="kern-link" href="#q-housing-other">' in html


def test_a_ranking_with_a_rank_used_twice_is_refused(client, consultation):
    start(client)
    data = {"priorities__rank__x": "1", "priorities__rank__y": "1", "priorities__rank__z": "2"}
    html = client.post(f"{BASE}/p/3?lang=en", data=data).get_data(as_text=True)
    assert "Please give each item a different rank from 1 to 3." in html
    assert '<option value="1" selected>' in html


def test_number_with_arabic_indic_digits_is_accepted(client, consultation, db_session):
    start(client)
    post_page(client, 1, {**PAGE_ONE, "count": "٧"})
    assert [a.number for a in answers(db_session, "count")] == [7.0]


def test_a_follow_up_is_hidden_when_its_trigger_on_an_earlier_page_does_not_match(
    client, consultation
):
    start(client)
    post_page(client, 1, PAGE_ONE)
    post_page(client, 2, {**PAGE_TWO, "recognised": "no"})
    assert 'name="details"' not in page(client, 3)
    post_page(client, 2, {**PAGE_TWO, "recognised": "yes"}, action="back")
    assert 'name="details"' in page(client, 3)


def test_a_hidden_follow_up_answer_is_dropped_when_the_trigger_changes(
    client, consultation, db_session
):
    start(client)
    post_page(client, 2, {**PAGE_TWO, "recognised": "yes"})
    post_page(client, 3, {"details": "Anerkannt", "safety": "3"})
    assert len(answers(db_session, "details")) == 1
    post_page(client, 2, {**PAGE_TWO, "recognised": "no"})
    assert answers(db_session, "details") == []


def test_answers_posted_to_a_hidden_question_are_not_stored(client, consultation, db_session):
    start(client)
    post_page(client, 2, {**PAGE_TWO, "recognised": "no"})
    post_page(client, 3, {"details": "sneaky", "safety": "3"})
    assert answers(db_session, "details") == []


def test_pages_need_a_started_draft(client, consultation):
    response = client.get(f"{BASE}/p/1")
    assert response.status_code == 302 and response.location.endswith(BASE)


def test_a_page_number_out_of_range_is_not_found(client, consultation):
    start(client)
    assert client.get(f"{BASE}/p/9").status_code == 404


def test_an_arabic_page_is_right_to_left_with_arabic_question_text(
    client, consultation, db_session
):
    start(client)
    html = page(client, 1, lang="ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert "سؤال name_of_place" in html and "عنكم" in html
    post_page(client, 1, PAGE_ONE)
    assert responses(db_session)[0].language == "ar"


def test_the_language_switcher_lists_the_consultations_languages_only(client, consultation):
    html = client.get(BASE).get_data(as_text=True)
    assert 'hreflang="ar"' in html and 'hreflang="fa"' not in html


def test_accept_language_is_negotiated_among_the_consultations_languages(client, consultation):
    html = client.get(BASE, headers={"Accept-Language": "fa, ar;q=0.8"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html


def test_the_start_page_links_to_open_consultations(client, consultation):
    html = client.get("/?lang=en").get_data(as_text=True)
    assert f'<a class="kern-link" href="{BASE}">every-kind (en)</a>' in html


def test_responses_have_no_place_for_ip_addresses_or_user_agents():
    from surveys.models import Answer, Response

    columns = {c.name for model in (Response, Answer) for c in model.__table__.columns}
    assert not {name for name in columns if "ip" in name.split("_") or "agent" in name}


def test_a_changed_question_text_shows_at_once_although_pages_are_cached(
    client, consultation, db_session
):
    start(client)
    assert "Place" in client.get(f"{BASE}/p/1?lang=en").get_data(as_text=True)
    question = next(q for q in consultation.questions if q.code == "name_of_place")
    question.prompt = {**question.prompt, "en": "Town or village"}
    db_session.commit()

    html = client.get(f"{BASE}/p/1?lang=en").get_data(as_text=True)

    assert "Town or village" in html and ">Place<" not in html


def test_a_new_option_shows_at_once_although_pages_are_cached(client, consultation, db_session):
    start(client)
    client.get(f"{BASE}/p/2?lang=en")
    question = next(q for q in consultation.sections[1].questions if q.options)
    question.options.append(Option(code="brand_new", label={"en": "Brand-new choice"}))
    db_session.commit()

    html = client.get(f"{BASE}/p/2?lang=en").get_data(as_text=True)

    assert "Brand-new choice" in html
